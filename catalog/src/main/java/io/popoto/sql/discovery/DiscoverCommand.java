package io.popoto.sql.discovery;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * {@code discover redis://host:port/db [--sample N] [--out file.json]}: prints a draft catalog
 * of a live Redis, notes on stderr. Exit 0, 1 when Redis cannot be read, 2 for bad arguments.
 */
public final class DiscoverCommand {
  static final String USAGE = String.join(System.lineSeparator(),
      "Usage: discover redis://[user:password@]host[:port][/db] [--sample N] [--out file.json]",
      "",
      "  --sample N   read at most N hashes per model (default 1000)",
      "  --out FILE   write the draft catalog to FILE instead of stdout",
      "",
      "Read-only (SCAN, SSCAN, HGETALL). Check every \"guessed\" property before use.");
  private static final int DEFAULT_SAMPLE = 1000;

  private DiscoverCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** @return the exit code; args may start with the word "discover" */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    String uri = null;
    String file = null;
    int sample = DEFAULT_SAMPLE;
    int start = args.length > 0 && args[0].equals("discover") ? 1 : 0;
    for (int i = start; i < args.length; i++) {
      String a = args[i];
      if ((a.equals("--sample") || a.equals("--out")) && i + 1 >= args.length) {
        return usage(err, a + " needs a value");
      }
      if (a.equals("--help") || a.equals("-h")) {
        out.println(USAGE);
        return 0;
      } else if (a.equals("--sample")) {
        try {
          sample = Integer.parseInt(args[++i]);
        } catch (NumberFormatException e) {
          return usage(err, "--sample needs a whole number, not '" + args[i] + "'");
        }
        if (sample < 1) {
          return usage(err, "--sample must be at least 1");
        }
      } else if (a.equals("--out")) {
        file = args[++i];
      } else if (a.startsWith("-") || uri != null) {
        return usage(err, "Unknown argument: " + a);
      } else {
        uri = a;
      }
    }
    if (uri == null) {
      return usage(err, "Give the Redis to sample as redis://host:port/db");
    }
    URI parsed;
    try {
      parsed = new URI(uri);
    } catch (URISyntaxException e) {
      return usage(err, "Not a redis:// URI: " + uri);
    }
    if (!"redis".equals(parsed.getScheme()) && !"rediss".equals(parsed.getScheme())
        || parsed.getHost() == null) {
      return usage(err, "Not a redis://host:port/db URI: " + uri);
    }
    Discovery.Result result;
    // the URI gives host, credentials, database and TLS; like the driver's connections, no
    // HELLO (RESP2, plain AUTH for any server and ACL user, and no Jedis RESP3 warning)
    try (Jedis jedis = new Jedis(parsed,
        DefaultJedisClientConfig.builder().serverDefaultProtocol().build())) {
      result = Discovery.discover(jedis, sample);
    } catch (JedisException e) {
      err.println("Cannot read " + parsed.getHost() + ":" + port(parsed) + ": "
          + oneLine(e));
      return 1;
    }
    result.notes().forEach(n -> err.println("note: " + n));
    if (file == null) {
      out.print(result.toJson());
    } else {
      try {
        Files.writeString(Path.of(file), result.toJson(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        err.println("Cannot write " + file + ": " + e.getMessage());
        return 1;
      }
      err.println("Draft catalog written to " + file);
    }
    return 0;
  }

  private static int usage(PrintStream err, String problem) {
    err.println(problem);
    err.println(USAGE);
    return 2;
  }

  private static int port(URI uri) {
    return uri.getPort() < 0 ? 6379 : uri.getPort();
  }

  /** The innermost cause's message: Jedis wraps socket errors in several layers. */
  private static String oneLine(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return msg.replaceAll("\\s+", " ");
  }
}
