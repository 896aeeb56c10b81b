package io.popoto.sql.shell;

import io.popoto.sql.discovery.DiscoverCommand;
import io.popoto.sql.jdbc.PopotoDriver;
import io.popoto.sql.redis.PrivateRedis;
import java.io.IOException;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import sqlline.SqlLine;

/**
 * {@code java -jar popoto-sql.jar}: an sqlline prompt on a {@code jdbc:popoto:} URL, or on a
 * private demo Redis loaded with the food-delivery sample ({@code --demo}); {@code -e SQL}
 * runs one statement and exits.
 */
public final class Main {
  static final String USAGE = String.join(System.lineSeparator(),
      "Usage: java -jar popoto-sql.jar [options] [jdbc-url]",
      "",
      "  jdbc-url     jdbc:popoto:redis://[user:password@]host[:port][/db][?name=value&...]",
      "  --demo       start a private Redis with the food-delivery sample and use it",
      "  --demo=1x    the same with the Popoto 1.x sample (tags, capped lists, ...)",
      "  -e SQL       run one statement, print the result as a table and exit",
      "               (exit code 0, or 1 with the error on stderr)",
      "  --version    print the version and exit",
      "  --help       this text",
      "  discover redis://host:port/db [--sample N] [--out file.json]",
      "               print a draft catalog sampled from a live Redis",
      "",
      "Without -e an interactive sqlline prompt opens (!quit to leave). Ctrl-C cancels the",
      "running statement. Log the Redis commands a query sends with",
      "  java -Dorg.slf4j.simpleLogger.log.io.popoto.sql.redis=debug -jar popoto-sql-shell.jar ...");

  /** Opens a connection; replaceable so tests can connect with a catalog held in memory. */
  interface Connector {
    Connection open(String url) throws SQLException;
  }

  private final Connector connector;

  Main(Connector connector) {
    this.connector = connector;
  }

  public static void main(String[] args) {
    // slf4j-simple, the shell's binding: warnings only unless asked (see --help).
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    int code = new Main(DriverManager::getConnection).run(args, System.out, System.err);
    if (code >= 0) {
      System.exit(code);
    }
  }

  /** @return the exit code */
  int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length > 0 && args[0].equals("discover")) {
      return DiscoverCommand.run(args, out, err);
    }
    String url = null;
    String sql = null;
    boolean demo = false;
    String sample = DemoRedis.DEFAULT_SAMPLE;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--help", "-h" -> {
          out.println(USAGE);
          return 0;
        }
        case "--version", "-V" -> {
          out.println(new ShellApplication().getVersion());
          return 0;
        }
        case "--demo" -> demo = true;
        case "-e" -> {
          if (i + 1 >= args.length) {
            err.println("-e needs an SQL statement");
            return 2;
          }
          sql = args[++i];
        }
        default -> {
          if (args[i].startsWith("--demo=")) {
            demo = true;
            sample = args[i].substring("--demo=".length());
            continue;
          }
          if (args[i].startsWith("-") || url != null) {
            err.println("Unknown argument: " + args[i]);
            err.println(USAGE);
            return 2;
          }
          url = args[i];
        }
      }
    }
    if (demo == (url != null)) {
      err.println(demo ? "Give either --demo or a URL, not both" : "Give a jdbc:popoto: URL "
          + "or --demo");
      err.println(USAGE);
      return 2;
    }
    PrivateRedis redis = null;
    try {
      if (demo) {
        redis = DemoRedis.start(sample);
        url = DemoRedis.url(redis, sample);
        PrivateRedis started = redis;
        // The prompt may end in System.exit; the private server must not outlive us.
        Runtime.getRuntime().addShutdownHook(new Thread(started::close, "popoto-demo-redis"));
        err.println("Demo Redis on " + redis.host() + ":" + redis.port()
            + " loaded with the " + DemoRedis.title(sample) + " sample.");
      }
      return sql != null ? execute(url, sql, out, err) : prompt(url);
    } catch (IOException e) {
      err.println("Cannot start the demo Redis: " + e.getMessage());
      return 1;
    } finally {
      if (redis != null) {
        redis.close();
      }
    }
  }

  private int execute(String url, String sql, PrintStream out, PrintStream err) {
    try (Connection c = connector.open(url); Statement s = c.createStatement()) {
      printWarnings(c.getWarnings(), err);
      if (s.execute(sql)) {
        try (ResultSet rs = s.getResultSet()) {
          TablePrinter.print(rs, out, 0);
        }
      } else {
        out.println(s.getUpdateCount() + " rows affected");
      }
      printWarnings(s.getWarnings(), err);
      return 0;
    } catch (SQLException e) {
      err.println("ERROR: " + e.getMessage() + " (SQLState " + e.getSQLState() + ")");
      return 1;
    }
  }

  private static void printWarnings(SQLWarning w, PrintStream err) {
    for (; w != null; w = w.getNextWarning()) {
      err.println("WARNING: " + w.getMessage());
    }
  }

  private static int prompt(String url) throws IOException {
    // Make sure the driver is registered before sqlline asks DriverManager.
    new PopotoDriver();
    // Empty user and password so sqlline does not prompt; the URL carries the credentials.
    String[] sqllineArgs = {"-ac", ShellApplication.class.getName(),
        "-d", PopotoDriver.class.getName(), "-u", url, "-n", "", "-p", "",
        "--connectInteractionMode=notAskCredentials"};
    SqlLine.Status status = SqlLine.start(sqllineArgs, null, true);
    return status == SqlLine.Status.OK ? 0 : 1;
  }
}
