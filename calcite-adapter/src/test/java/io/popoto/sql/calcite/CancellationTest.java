package io.popoto.sql.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The statement's cancel flag reaches every stage deterministically: set before planning, the
 * planner stops; set before execution, Calcite's in-memory operators (no Popoto scan below)
 * stop at their first row, and our scans at their first batch.
 */
class CancellationTest extends FixtureSession {
  @Override
  ReaderOptions options() {
    return ReaderOptions.DEFAULT;
  }

  /**
   * Volcano stops at its next rule once the flag is set and keeps the best plan so far; here
   * there is none yet, so the statement fails (the driver reports any failure under a set flag
   * as the cancel, and a plan that did come out stops at its first row).
   */
  @Test
  void aSetFlagStopsThePlanner() throws Exception {
    String sql = "SELECT name FROM restaurant WHERE rating > 4";
    try (Statement s = connection.createStatement()) {
      try (Cancellation.Scope planning = Cancellation.planning(new AtomicBoolean(true))) {
        SQLException e = assertThrows(SQLException.class, () -> s.executeQuery(sql));
        assertTrue(chain(e).contains("ENUMERABLE"), chain(e));
      }
      try (ResultSet rs = s.executeQuery(sql)) {
        assertTrue(rs.next(), "planned without the flag");
      }
    }
  }

  @Test
  void aSetFlagStopsInMemoryJoinsAndAggregates() throws Exception {
    String sql = "SELECT COUNT(*) FROM (VALUES 1, 2, 3) a(x), (VALUES 1, 2) b(y)"
        + " WHERE a.x <> b.y";
    try (Statement s = connection.createStatement()) {
      assertEquals(4, single(s, sql));
      s.cancel();
      Throwable e = assertThrows(Throwable.class, () -> single(s, sql));
      assertTrue(chain(e).contains("Query canceled"), chain(e));
    }
  }

  @Test
  void aSetFlagStopsOurScanBeforeItReads() throws Exception {
    try (Statement s = connection.createStatement()) {
      s.cancel();
      long before = source.commandCount("SSCAN") + source.commandCount("HMGET");
      Throwable e = assertThrows(Throwable.class, () -> {
        try (ResultSet rs = s.executeQuery("SELECT name FROM restaurant")) {
          rs.next();
        }
      });
      assertFalse(chain(e).isEmpty());
      assertEquals(before, source.commandCount("SSCAN") + source.commandCount("HMGET"),
          "no batch read after the cancel");
    }
  }

  @Test
  void explainShowsNoChecks() throws Exception {
    String plan = explain("SELECT COUNT(*) FROM restaurant a, restaurant b");
    assertFalse(plan.contains("CancelCheck"), plan);
  }

  private static long single(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String chain(Throwable e) {
    StringBuilder b = new StringBuilder();
    for (Throwable c = e; c != null && b.length() < 10_000; c = c.getCause()) {
      b.append(c).append(" / ");
    }
    return b.toString();
  }
}
