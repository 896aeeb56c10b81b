package io.popoto.sql.reliability;

import static io.popoto.sql.reliability.Reliability.assertWorks;
import static io.popoto.sql.reliability.Reliability.drain;
import static io.popoto.sql.reliability.Reliability.expectFailure;
import static io.popoto.sql.reliability.Reliability.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Every pooled connection a statement borrows comes back: after a failure in the middle of
 * reading (a bad LIKE escape, a failed cast, a WRONGTYPE index reply), after an abandoned or
 * closed result set. The pool holds 8 connections, so a single leak per statement would block
 * the 9th statement of this sequence forever; instead each one fails at once and the good one
 * after them answers.
 */
class ReleaseOnFailureTest {
  /** A string where a relationship's reverse set should be: SMEMBERS answers WRONGTYPE. */
  private static final String BROKEN_INDEX = "$RelationshipF:Tweet:user:User:broken";
  private static ControlledRedis redis;

  @BeforeAll
  static void start() throws Exception {
    redis = ControlledRedis.start();
    Reliability.load(redis);
    try (Jedis jedis = redis.admin()) {
      jedis.set(BROKEN_INDEX, "not a set");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    redis.close();
  }

  /** Each fails once rows are read: on the first row evaluated, or on a Redis reply. */
  private static final List<String> FAILING = List.of(
      // the escape character must precede _ % or itself
      "SELECT username FROM \"User\" WHERE username LIKE 'a\\b' ESCAPE '\\'",
      "SELECT CAST(message AS INTEGER) FROM Tweet",
      "SELECT message FROM Tweet WHERE \"user\" = 'User:broken'");

  /**
   * 24 failing executions in a row on one Connection (prepared once each: planning is not
   * what is tested), half of them never closed, then a good statement.
   */
  @Test
  void twentyFourFailingStatementsInARowThenAGoodOne() throws Exception {
    try (Connection c = DriverManager.getConnection(Reliability.url(redis, ""))) {
      List<PreparedStatement> statements = new ArrayList<>();
      for (String sql : FAILING) {
        statements.add(c.prepareStatement(sql));
      }
      List<ResultSet> abandoned = new ArrayList<>();
      long start = System.nanoTime();
      for (int i = 0; i < 24; i++) {
        PreparedStatement s = statements.get(i % statements.size());
        SQLException e = expectFailure(i % 3 == 2 ? "22000" : anyState(),
            Duration.ofSeconds(30), () -> {
              ResultSet rs = s.executeQuery();
              abandoned.add(rs); // never closed by this client
              return drain(rs);
            });
        assertTrue(e.getSQLState() != null && e.getSQLState().length() == 5, e.toString());
        if (i % 3 == 2) {
          assertTrue(e.getMessage().contains("User:broken") && e.getMessage().contains("SMEMBERS"),
              e.getMessage());
        }
        assertEquals(0, source(c).borrowed(), "borrowed after failing statement " + i);
      }
      assertTrue(System.nanoTime() - start < Duration.ofSeconds(120).toNanos());
      assertWorks(c);
      for (PreparedStatement s : statements) {
        s.close();
      }
    }
  }

  /** Any state: what matters here is that there is one and that nothing blocks. */
  private static String anyState() {
    return null;
  }

  @Test
  void abandonedAndClosedResultSetsReturnTheirConnections() throws Exception {
    try (Connection c = DriverManager.getConnection(Reliability.url(redis, ""))) {
      // one more than the pool holds
      for (int i = 0; i < 9; i++) {
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(i % 4 == 0 ? "SELECT t.message, u.username FROM Tweet t"
            + " JOIN \"User\" u ON t.\"user\" = u._key" : "SELECT message FROM Tweet");
        for (int row = 0; row < 25; row++) {
          assertTrue(rs.next());
        }
        if (i % 2 == 0) {
          rs.close(); // closed in the middle of the stream
        } // else: left open, never read further
        // the batch being read ahead (from the second batch on) ends by itself and gives its
        // connection back; nothing else may stay out
        Reliability.assertNothingBorrowed(c, Duration.ofSeconds(5),
            "borrowed after result set " + i);
      }
      assertWorks(c);
    }
  }

}
