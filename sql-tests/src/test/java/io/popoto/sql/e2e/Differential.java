package io.popoto.sql.e2e;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.popoto.sql.redis.PrivateRedis;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * The differential comparison shared by the corpus tests: a query runs on H2 (the oracle) and
 * on our driver, and the two answers must be equal as {@link RowMatcher} defines it, ordered
 * when the query has an ORDER BY. Cases listed in {@link KnownIssues} are skipped with the
 * reason.
 */
final class Differential {
  static final String PUSHDOWN = "pushdown";
  static final String SCAN = "scan";
  /** Issue 11 §5: no line of any corpus query's EXPLAIN, in either mode, is longer. */
  static final int MAX_EXPLAIN_LINE = 300;

  private Differential() {}

  /** Our driver's URL for the given Redis and catalog (a path or classpath:resource). */
  static String url(PrivateRedis redis, String catalog, boolean pushdown) {
    return "jdbc:popoto:redis://" + redis.host() + ":" + redis.port() + "?catalog=" + catalog
        + (pushdown ? "" : "&pushdown=false");
  }

  static Connection connect(PrivateRedis redis, String catalog, boolean pushdown)
      throws SQLException {
    return DriverManager.getConnection(url(redis, catalog, pushdown));
  }

  /**
   * One container per query, with a pushdown=true and a pushdown=false case, and a check of
   * both modes' EXPLAIN line lengths (never skipped: a known wrong answer still explains).
   */
  static Stream<DynamicNode> corpus(List<String> queries, Connection h2, Connection pushdown,
      Connection scan) {
    return queries.stream().map(sql -> DynamicContainer.dynamicContainer(sql, Stream.of(
        DynamicTest.dynamicTest("pushdown=true", () -> compare(h2, PUSHDOWN, pushdown, sql)),
        DynamicTest.dynamicTest("pushdown=false", () -> compare(h2, SCAN, scan, sql)),
        DynamicTest.dynamicTest("explain lines", () -> {
          assertShortLines(explain(pushdown, sql));
          assertShortLines(explain(scan, sql));
        }))));
  }

  /** Fails naming the first EXPLAIN line over {@link #MAX_EXPLAIN_LINE} characters. */
  static void assertShortLines(String plan) {
    for (String line : plan.split("\n")) {
      assertTrue(line.length() <= MAX_EXPLAIN_LINE, line.length() + ": " + line);
    }
  }

  /** Fails when our answer differs from H2's; skipped when the case is a known issue. */
  static void compare(Connection h2, String mode, Connection ours, String sql)
      throws SQLException {
    String known = KnownIssues.reason(mode, sql);
    assumeTrue(known == null, known);
    List<List<Object>> expected = run(h2, sql);
    List<List<Object>> actual = run(ours, sql);
    assertNull(RowMatcher.difference(expected, actual, QueryCorpus.isOrdered(sql)),
        mode + ": " + sql);
  }

  static List<List<Object>> run(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      return ResultRows.read(rs);
    }
  }

  /** The plan text of EXPLAIN PLAN FOR. */
  static String explain(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("EXPLAIN PLAN FOR " + sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  static void closeAll(Connection... connections) throws SQLException {
    for (Connection c : connections) {
      if (c != null) {
        c.close();
      }
    }
  }
}
