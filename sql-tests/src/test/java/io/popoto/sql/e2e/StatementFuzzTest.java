package io.popoto.sql.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.popoto.sql.redis.PrivateRedis;
import io.popoto.sql.testkit.RedisExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seeded fuzzing of the statement path: mutations of the corpus's valid queries over the
 * bundled sample, token soups, huge lists, deep nesting, odd literals and odd Unicode, each run
 * through DriverManager's connection as a Statement or a PreparedStatement. Every failure must
 * be an SQLException with a SQLState and a message; none may hang; the connection answers
 * correctly afterwards.
 */
@ExtendWith(RedisExtension.class)
class StatementFuzzTest {
  static final int STATEMENTS = Integer.getInteger("fuzz.statements", 3_000);
  static final long SEED = Long.getLong("fuzz.seed", 0x10B_F022L);
  /**
   * A statement running longer than this counts as a hang. None needs a second on a quiet
   * machine; the first joins plan and compile for seconds on a cold JVM on a busy one.
   */
  static final long HANG_SECONDS = 60;

  private static final Pattern TOKEN = Pattern.compile(
      "'(?:[^']|'')*'|\"[^\"]*\"|\\d+(?:\\.\\d+)?|\\w+|<=|>=|<>|!=|\\|\\||\\S");

  private static final String[] VOCABULARY = {"SELECT", "FROM", "WHERE", "AND", "OR", "NOT",
      "IN", "EXISTS", "BETWEEN", "LIKE", "ESCAPE", "IS", "NULL", "CASE", "WHEN", "THEN", "ELSE",
      "END", "GROUP", "BY", "ORDER", "HAVING", "LIMIT", "OFFSET", "FETCH", "UNION", "ALL",
      "EXCEPT", "INTERSECT", "JOIN", "LEFT", "ON", "USING", "AS", "DISTINCT", "CAST", "WITH",
      "RECURSIVE", "VALUES", "LATERAL", "UNNEST", "OVER", "PARTITION", "INTERVAL", "DATE",
      "TIMESTAMP", "TRUE", "FALSE", "COUNT(*)", "SUM", "AVG", "MIN", "MAX", "COALESCE",
      "SUBSTRING", "TRIM", "UPPER", "CHAR_LENGTH", "EXTRACT", "FLOOR", "CEIL", "ABS", "MOD",
      "POWER", "SQRT", "popoto_within", "INSERT", "DELETE", "DROP", "(", ")", ",", ".", "*", "+",
      "-", "/", "%", "=", "<", ">", "<=", ">=", "<>", "!=", "||", "?", ";", "restaurant",
      "\"Order\"", "customer", "driver", "menuitem", "drivershift", "name", "city", "rating",
      "price_level", "total", "status", "_key", "restaurant", "deliver_by", "tip", "location_latitude",
      "opened_on", "tags", "hours", "logo", "metadata.\"TABLES\""};

  private static final String[] ODD_LITERALS = {"''", "'it''s'", "'\\'", "N'naïve'", "X'ff00'",
      "X'f'", "1e308", "1e309", "-0.0", "9223372036854775807", "9223372036854775808",
      "-9223372036854775809", "0.000000000000000000000000000000000001",
      "123456789012345678901234567890.123456789", "DATE '2020-13-45'", "DATE '2024-02-29'",
      "TIME '25:61:00'", "TIMESTAMP '2024-01-01 00:00:00.123456789'", "INTERVAL '99999' DAY",
      "INTERVAL '1' YEAR TO MONTH", "U&'\\0041\\00e9'", "U&'\\d800'", "'\u0000'", "'\uD83C\uDF63'",
      "'\u202Eevil'", "'\u200B'", "'\uD800'", "'\uFEFF'", "'e\u0301'", "'ß'", "'İ'",
      "'" + "x".repeat(10_000) + "'", "CAST(NULL AS INTEGER)", "NULL", "TRUE", "1/0", "0/0",
      "1.0/0", "MOD(1, 0)", "CAST('abc' AS INTEGER)", "CAST('1e3' AS BIGINT)",
      "CAST(1e300 AS INTEGER)", "CAST('2024-99-99' AS DATE)", "CAST(price_level AS VARCHAR(1))",
      "CAST(name AS DOUBLE)", "CAST(name AS BOOLEAN)", "CAST(name AS DATE)",
      "POWER(10, 400)", "SQRT(-1)", "LN(0)", "SUBSTRING(name FROM -5 FOR -2)",
      "CHAR_LENGTH(NULL)", "'%' || name", "name LIKE '%\\' ESCAPE '\\'"};

  private static final String[] ODD_NAMES = {"\"\"", "\"\uD83C\uDF63\"", "\"Ordér\"",
      "\"restaurant\"\"x\"", "\"\u0000\"", "ｒｅｓｔａｕｒａｎｔ", "\"RESTAURANT\"", "résumé",
      "\"" + "n".repeat(2_000) + "\"", "metadata.\"COLUMNS\"", "popoto.restaurant",
      "\"popoto\".\"Order\"", "nosuch.restaurant", "_key_"};

  @Test
  void noThrowableButSqlExceptionsWithStates(PrivateRedis redis) throws Exception {
    RedisExtension.loadFixture(redis);
    List<String> corpus = QueryCorpus.load(DifferentialTest.CORPUS);
    Random random = new Random(SEED);
    List<String> problems = new ArrayList<>();
    int failed = 0;
    int ran = 0;
    ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "fuzz-runner");
      t.setDaemon(true);
      return t;
    });
    long started = System.nanoTime();
    try (Connection c = FoodDelivery.connect(redis, true)) {
      for (int i = 0; i < STATEMENTS; i++) {
        String sql = statement(random, corpus, i);
        boolean prepared = random.nextInt(4) == 0;
        Future<Throwable> outcome = runner.submit(() -> run(c, sql, prepared));
        Throwable t;
        try {
          t = outcome.get(HANG_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
          problems.add("hang (> " + HANG_SECONDS + " s, statement " + i + "): " + shorten(sql));
          break; // the connection is busy; what follows would only repeat this
        }
        ran++;
        if (t == null) {
          continue;
        }
        failed++;
        if (!(t instanceof SQLException e)) {
          problems.add(t.getClass().getName() + " from " + shorten(sql) + ": " + t);
        } else if (e.getSQLState() == null || e.getSQLState().length() != 5) {
          problems.add("SQLState " + e.getSQLState() + " from " + shorten(sql) + ": " + e);
        } else if (e.getMessage() == null || e.getMessage().isBlank()) {
          problems.add("no message (" + e.getSQLState() + ") from " + shorten(sql));
        }
      }
      System.out.printf("fuzz: %d statements, %d failed, %d problems in %d ms (%d ms CPU)%n", ran,
          failed, problems.size(), (System.nanoTime() - started) / 1_000_000,
          java.lang.management.ManagementFactory.getPlatformMXBean(
              com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime() / 1_000_000);
      assertEquals(List.of(), problems.subList(0, Math.min(problems.size(), 20)),
          problems.size() + " problems in " + ran + " statements");
      assertEquals(STATEMENTS, ran);
      // Mutations mostly fail, valid queries mostly run: both paths were exercised.
      assertTrue(failed > STATEMENTS / 4 && failed < STATEMENTS * 9 / 10,
          failed + " of " + ran + " failed");
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM restaurant")) {
        assertTrue(rs.next());
        assertEquals(5, rs.getLong(1), "the connection still answers correctly");
      }
    } finally {
      runner.shutdownNow();
    }
  }

  /** Runs one statement, reading at most 50 rows of every column; returns what it threw. */
  private static Throwable run(Connection c, String sql, boolean prepared) {
    try {
      if (prepared) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          for (int p = 1; p <= ps.getParameterMetaData().getParameterCount(); p++) {
            ps.setObject(p, p % 2 == 0 ? "Sushi Zen" : 2);
          }
          read(ps.executeQuery());
        }
      } else {
        try (Statement s = c.createStatement()) {
          if (s.execute(sql)) {
            read(s.getResultSet());
          }
        }
      }
      return null;
    } catch (Throwable t) {
      return t;
    }
  }

  private static void read(ResultSet rs) throws SQLException {
    try (rs) {
      ResultSetMetaData md = rs.getMetaData();
      for (int row = 0; row < 50 && rs.next(); row++) {
        for (int col = 1; col <= md.getColumnCount(); col++) {
          rs.getObject(col);
          rs.getString(col);
        }
      }
    }
  }

  /** The i-th statement: a mix weighted towards mutations of valid queries. */
  static String statement(Random random, List<String> corpus, int i) {
    String valid = corpus.get(random.nextInt(corpus.size()));
    int kind = random.nextInt(100);
    // Valid statements are planned and compiled (tens of ms each): a few keep that path covered.
    if (kind < 8) {
      return valid;
    } else if (kind < 60) {
      return mutate(random, valid, 1 + random.nextInt(3));
    } else if (kind < 75) {
      return tokenSoup(random);
    } else if (kind < 85) {
      return oddLiteral(random, valid);
    } else if (kind < 92) {
      return nesting(random);
    } else {
      return hugeList(random, i);
    }
  }

  private static List<String> tokens(String sql) {
    List<String> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(sql);
    while (m.find()) {
      tokens.add(m.group());
    }
    return tokens;
  }

  static String mutate(Random random, String sql, int times) {
    List<String> tokens = tokens(sql);
    for (int n = 0; n < times && !tokens.isEmpty(); n++) {
      int at = random.nextInt(tokens.size());
      switch (random.nextInt(8)) {
        case 0 -> tokens.remove(at);
        case 1 -> tokens.add(at, tokens.get(at));
        case 2 -> {
          int other = random.nextInt(tokens.size());
          String t = tokens.get(at);
          tokens.set(at, tokens.get(other));
          tokens.set(other, t);
        }
        case 3 -> tokens.set(at, pick(random, VOCABULARY));
        case 4 -> tokens.add(at, pick(random, VOCABULARY));
        case 5 -> tokens.subList(at, tokens.size()).clear();
        case 6 -> tokens.set(at, pick(random, ODD_NAMES));
        default -> tokens.set(at, pick(random, ODD_LITERALS));
      }
    }
    return String.join(" ", tokens);
  }

  static String tokenSoup(Random random) {
    StringBuilder sb = new StringBuilder(random.nextBoolean() ? "SELECT " : "");
    int n = 1 + random.nextInt(30);
    for (int i = 0; i < n; i++) {
      String[] from = random.nextInt(5) == 0 ? ODD_LITERALS : VOCABULARY;
      sb.append(pick(random, from)).append(' ');
    }
    return sb.toString();
  }

  static String oddLiteral(Random random, String valid) {
    String literal = pick(random, ODD_LITERALS);
    return switch (random.nextInt(4)) {
      case 0 -> "SELECT " + literal + " FROM restaurant";
      case 1 -> "SELECT name FROM restaurant WHERE name = " + literal;
      case 2 -> "SELECT name FROM restaurant WHERE price_level IN (" + literal + ", 1)";
      default -> valid.replaceFirst("'[^']*'|\\b\\d+\\b", literal.replace("\\", "\\\\")
          .replace("$", "\\$"));
    };
  }

  static String nesting(Random random) {
    int depth = 50 + random.nextInt(random.nextInt(8) == 0 ? 5_000 : 400);
    return switch (random.nextInt(6)) {
      case 0 -> "SELECT " + "(".repeat(depth) + "price_level" + ")".repeat(depth)
          + " FROM restaurant";
      case 1 -> "SELECT " + "1 + ".repeat(depth) + "1 FROM restaurant";
      case 2 -> "SELECT name FROM restaurant WHERE " + "price_level = 1 OR ".repeat(depth)
          + "price_level = 2";
      case 3 -> "SELECT " + "abs(".repeat(depth) + "price_level" + ")".repeat(depth)
          + " FROM restaurant";
      case 4 -> "SELECT name FROM " + "(SELECT * FROM ".repeat(Math.min(depth, 300))
          + "restaurant" + ") t".repeat(Math.min(depth, 300));
      default -> "SELECT name FROM restaurant WHERE " + "NOT ".repeat(depth) + "active";
    };
  }

  /** Long IN lists, every 40th statement one of thousands of values. */
  static String hugeList(Random random, int i) {
    int n = i % 40 == 0 ? 2_000 + random.nextInt(3_000) : 20 + random.nextInt(500);
    StringBuilder sb = new StringBuilder("SELECT name FROM restaurant WHERE ");
    boolean strings = random.nextBoolean();
    sb.append(strings ? "name" : "price_level").append(random.nextInt(4) == 0 ? " NOT IN (" : " IN (");
    for (int v = 0; v < n; v++) {
      sb.append(v == 0 ? "" : ", ").append(strings ? "'n" + v + "'" : Integer.toString(v));
    }
    return sb.append(')').toString();
  }

  private static String pick(Random random, String[] from) {
    return from[random.nextInt(from.length)];
  }

  private static String shorten(String sql) {
    return sql.length() <= 300 ? sql : sql.substring(0, 300) + "... (" + sql.length() + " chars)";
  }
}
