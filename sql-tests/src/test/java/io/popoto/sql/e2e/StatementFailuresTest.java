package io.popoto.sql.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.popoto.sql.redis.PrivateRedis;
import io.popoto.sql.testkit.RedisExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Statements that used to throw raw errors out of JDBC calls (StackOverflowError, AssertionError, ExceptionInInitializerError, NumberFormatException, ArithmeticException) or
 * fail after half a minute without a SQLState (a 50,000-value IN list): each now fails with its
 * SQLState, or answers, and the same connection answers the next statement. (Memory exhaustion,
 * 53200, is covered by FailuresTest in the driver: a test that fills the heap would disturb the
 * tests sharing its JVM.)
 */
@ExtendWith(RedisExtension.class)
class StatementFailuresTest {
  private static String terms(int n, String separator, java.util.function.IntFunction<String> term) {
    return IntStream.range(0, n).mapToObj(term).collect(Collectors.joining(separator));
  }

  /** Each statement and the SQLState it must fail with. */
  static Map<String, String> failures() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("SELECT " + terms(1_000, " + ", Integer::toString) + " FROM restaurant", "54001");
    m.put("SELECT name FROM restaurant WHERE " + terms(5_000, " OR ", i -> "price_level = " + i),
        "54001");
    m.put("SELECT " + "(".repeat(3_000) + "1" + ")".repeat(3_000) + " FROM restaurant", "54001");
    m.put("SELECT name FROM " + "(SELECT * FROM ".repeat(300) + "restaurant"
        + ") t".repeat(300), "54001");
    m.put("SELECT name FROM restaurant WHERE EXISTS EXISTS (SELECT 1 FROM restaurant)", "42000");
    m.put("SELECT name FROM restaurant WHERE NOT EXISTS EXISTS (SELECT 1 FROM restaurant)",
        "42000");
    m.put("SELECT 1/0 FROM restaurant", "22012");
    m.put("SELECT price_level / (price_level - price_level) FROM restaurant", "22012");
    m.put("SELECT CAST(cuisine AS INTEGER) FROM restaurant", "22018");
    m.put("SELECT CAST('abc' AS INTEGER) FROM restaurant", "22018");
    m.put("SELECT CAST(price_level * 10000000000 AS INTEGER) FROM restaurant", "22003");
    m.put("SELECT CAST(99999999999999999999 AS INTEGER) FROM restaurant", "42000");
    m.put("INSERT INTO restaurant (name) VALUES ('x')", "25006");
    return m;
  }

  @Test
  void eachFailsWithItsStateAndTheConnectionGoesOn(PrivateRedis redis) throws Exception {
    RedisExtension.loadFixture(redis);
    List<String> wrong = new ArrayList<>();
    try (Connection c = FoodDelivery.connect(redis, true)) {
      for (Map.Entry<String, String> f : failures().entrySet()) {
        for (boolean prepared : new boolean[] {false, true}) {
          Throwable t = run(c, f.getKey(), prepared);
          String state = t instanceof SQLException e ? e.getSQLState() : null;
          if (!f.getValue().equals(state) || t.getMessage() == null) {
            wrong.add(f.getValue() + " expected, got " + t + " for " + shorten(f.getKey()));
          }
          assertEquals(5, count(c, "SELECT COUNT(*) FROM restaurant"), "usable after " + t);
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void hugeInListsRunAsValuesAndAnswer(PrivateRedis redis) throws Exception {
    RedisExtension.loadFixture(redis);
    String names = "'Sushi Zen', " + terms(50_000, ", ", i -> "'n" + i + "'");
    // One list of the size; the variants use 5,000 values, since Calcite spends seconds
    // deriving predicates from every value of a 50,000-row list while planning.
    String levels = terms(5_000, ", ", Integer::toString);
    try (Connection c = FoodDelivery.connect(redis, true)) {
      assertEquals(1, count(c, "SELECT COUNT(*) FROM restaurant WHERE name IN (" + names + ")"));
      // Duplicates in the list must not duplicate rows (IN is a semi-join, not a join).
      assertEquals(2, count(c, "SELECT COUNT(*) FROM restaurant WHERE name IN ('Sushi Zen', "
          + "'Burger Palace', 'Sushi Zen', " + terms(300, ", ", i -> "'Sushi Zen'") + ")"));
      assertEquals(count(c, "SELECT COUNT(*) FROM restaurant WHERE price_level IS NOT NULL"),
          count(c, "SELECT COUNT(*) FROM restaurant WHERE price_level IN (" + levels + ")"));
      assertEquals(count(c, "SELECT COUNT(*) FROM restaurant WHERE price_level < 2"
          + " OR price_level > 5001"), count(c, "SELECT COUNT(*) FROM restaurant WHERE"
          + " price_level NOT IN (" + terms(5_000, ", ", i -> Integer.toString(i + 2)) + ")"));
      try (PreparedStatement ps = c.prepareStatement("SELECT name FROM restaurant WHERE city = ? "
          + "AND name IN ('Sushi Zen', " + terms(5_000, ", ", i -> "'n" + i + "'") + ")")) {
        ps.setString(1, "New York");
        try (ResultSet rs = ps.executeQuery()) {
          assertTrue(rs.next());
          assertEquals("Sushi Zen", rs.getString(1));
          assertFalse(rs.next());
        }
      }
    }
  }

  @Test
  void aCatalogPathNeverEchoesTheFile(PrivateRedis redis, @TempDir Path dir) throws Exception {
    String secret = "tok_4f7cSECRETa91b";
    Map<String, String> files = Map.of(
        "token", secret + "\n",
        "passwd", "root:x:0:0:root:/root:/bin/bash\n" + secret + ":x:1:1::/:/bin/sh\n",
        "environ", "HOME=/root\0API_TOKEN=" + secret + "\0",
        "json", "{\"api_token\": \"" + secret + "\"}");
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path file = dir.resolve(f.getKey());
      Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
      SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(
          "jdbc:popoto:redis://" + redis.host() + ":" + redis.port() + "/0?catalog=" + file));
      assertEquals("F0000", e.getSQLState());
      assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().matches(
          "(?s).*:\\d+:\\d+: .*"), "names file, line and column: " + e.getMessage());
      for (Throwable t = e; t != null; t = t.getCause()) {
        assertFalse(String.valueOf(t.getMessage()).contains(secret), t.toString());
        assertFalse(t.toString().contains(secret), t.toString());
        for (Throwable s : t.getSuppressed()) {
          assertFalse(s.toString().contains(secret), s.toString());
        }
      }
      for (SQLException n = e.getNextException(); n != null; n = n.getNextException()) {
        assertFalse(n.toString().contains(secret), n.toString());
      }
    }
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      assertTrue(rs.next());
      return rs.getLong(1);
    }
  }

  private static Throwable run(Connection c, String sql, boolean prepared) {
    try {
      if (prepared) {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            assertNotNull(rs.getMetaData());
          }
        }
      } else {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
          while (rs.next()) {
            assertNotNull(rs.getMetaData());
          }
        }
      }
      return new AssertionError("no failure");
    } catch (Throwable t) {
      return t;
    }
  }

  private static String shorten(String sql) {
    return sql.length() <= 120 ? sql : sql.substring(0, 120) + "...";
  }
}
