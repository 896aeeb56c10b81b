package io.popoto.sql.reliability;

import static io.popoto.sql.reliability.Reliability.assertWorks;
import static io.popoto.sql.reliability.Reliability.awaitRoundTrips;
import static io.popoto.sql.reliability.Reliability.drain;
import static io.popoto.sql.reliability.Reliability.expectFailure;
import static io.popoto.sql.reliability.Reliability.failureOf;
import static io.popoto.sql.reliability.Reliability.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.popoto.sql.calcite.RedisSource;
import io.popoto.sql.redis.PrivateRedis;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Redis killed (SIGKILL) or frozen (SIGSTOP) while a statement reads: the statement fails with
 * 08006 naming host and port within socketTimeout (1 s here) plus one reconnect attempt, and
 * once Redis is back on its port the same Connection answers again. A cancel or a query
 * timeout does not wait for socketTimeout.
 */
class DeadServerTest {
  /** socketTimeout 1 s, one reconnect attempt, and a loaded machine's slack. */
  private static final Duration BOUND = Duration.ofSeconds(5);
  private static final String SCAN = "SELECT message FROM Tweet";
  private static final String AGGREGATE =
      "SELECT \"user\", COUNT(*), MAX(message) FROM Tweet GROUP BY \"user\"";
  private static final String JOIN = "SELECT COUNT(*) FROM Tweet t JOIN \"User\" u"
      + " ON t.\"user\" = u._key WHERE u.email IS NOT NULL OR u.email IS NULL";
  private static ControlledRedis redis;
  private static ExecutorService threads;
  private boolean needsRestart;

  @BeforeAll
  static void start() throws Exception {
    redis = ControlledRedis.start();
    Reliability.load(redis);
    threads = Reliability.threads();
  }

  @AfterAll
  static void stop() throws Exception {
    threads.shutdownNow();
    redis.close();
  }

  @BeforeEach
  void running() throws Exception {
    if (needsRestart) {
      restart();
    }
  }

  private void restart() throws Exception {
    redis.restart();
    Reliability.load(redis);
    needsRestart = false;
  }

  /** Small batches: every two rows are a round trip, so a query runs long enough to hit. */
  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(Reliability.url(redis, "&batchSize=2"));
  }

  @Test
  void killedMidStream() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      ResultSet rs = s.executeQuery(SCAN);
      for (int i = 0; i < 10; i++) {
        assertTrue(rs.next());
      }
      redis.kill();
      needsRestart = true;
      SQLException e = expectFailure("08006", BOUND, () -> drain(rs));
      assertTrue(e.getMessage().contains(redis.address()), e.getMessage());
      assertEquals(0, source(c).borrowed());
      restart();
      assertWorks(c);
    }
  }

  @Test
  void killedMidAggregate() throws Exception {
    killedWhileRunning(AGGREGATE);
  }

  @Test
  void killedMidJoin() throws Exception {
    killedWhileRunning(JOIN);
  }

  private void killedWhileRunning(String sql) throws Exception {
    whileRunning(sql, () -> {
      redis.kill();
      needsRestart = true;
    }, this::restart);
  }

  @Test
  void frozenMidStream() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      ResultSet rs = s.executeQuery(SCAN);
      for (int i = 0; i < 10; i++) {
        assertTrue(rs.next());
      }
      redis.freeze();
      try {
        SQLException e = expectFailure("08006", BOUND, () -> drain(rs));
        assertTrue(e.getMessage().contains(redis.address())
            && e.getMessage().contains("socketTimeout"), e.getMessage());
      } finally {
        redis.thaw();
      }
      assertWorks(c);
    }
  }

  @Test
  void frozenMidAggregate() throws Exception {
    frozenWhileRunning(AGGREGATE);
  }

  @Test
  void frozenMidJoin() throws Exception {
    frozenWhileRunning(JOIN);
  }

  private void frozenWhileRunning(String sql) throws Exception {
    whileRunning(sql, redis::freeze, redis::thaw);
  }

  private interface Step {
    void run() throws Exception;
  }

  /** Runs {@code sql} on another thread, breaks Redis once it is reading, then mends it. */
  private static void whileRunning(String sql, Step fault, Step mend) throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      RedisSource source = source(c);
      long from = source.roundTrips();
      Future<Object> query = threads.submit(() -> drain(s.executeQuery(sql)));
      awaitRoundTrips(source, from, 20, query);
      fault.run();
      try {
        SQLException e = failureOf(query, "08006", BOUND);
        assertTrue(e.getMessage().contains(redis.address()), e.getMessage());
      } finally {
        mend.run();
      }
      assertWorks(c);
    }
  }

  /**
   * With a long socketTimeout (10 s), a query waiting for a frozen server's reply is still
   * stopped by its timeout or a cancel within about a second: the wait itself is broken.
   */
  @Test
  void timeoutAndCancelDoNotWaitForAFrozenServer() throws Exception {
    String url = Reliability.url(redis, "").replace("socketTimeout=1&", "socketTimeout=10&");
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      for (boolean cancel : new boolean[] {false, true}) {
        s.setQueryTimeout(cancel ? 0 : 1);
        ResultSet rs = s.executeQuery(SCAN);
        assertTrue(rs.next());
        redis.freeze();
        try {
          Future<Object> rest = threads.submit(() -> drain(rs));
          if (cancel) {
            awaitBlocked(source(c));
            s.cancel();
          }
          SQLException e = failureOf(rest, "57014", Duration.ofSeconds(4));
          assertTrue(e.getMessage().contains(cancel ? "canceled" : "timed out"), e.getMessage());
        } finally {
          redis.thaw();
        }
        assertWorks(c);
      }
    }
  }

  /** Waits (bounded) until the reader has a round trip outstanding at the frozen server. */
  private static void awaitBlocked(RedisSource source) throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (source.borrowed() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertEquals(1, source.borrowed(), "the reader waits on Redis");
  }

  /**
   * isValid asks the server (INFO, as connect does) and answers false, not an exception, when
   * it does not answer: a frozen server within isValid's own timeout (here far below the
   * socket timeout), a dead one at once; once Redis is back the same connection is valid.
   */
  @Test
  void isValidAsksTheServerWithinItsTimeout() throws Exception {
    try (Connection c = connect()) {
      assertTrue(c.isValid(1));
      c.setNetworkTimeout(threads, 60_000);
      redis.freeze();
      try {
        Future<Boolean> frozen = threads.submit(() -> c.isValid(1));
        assertFalse(frozen.get(BOUND.toMillis(), TimeUnit.MILLISECONDS));
      } finally {
        redis.thaw();
      }
      assertEquals(0, source(c).borrowed());
      assertTrue(c.isValid(1));
      redis.kill();
      needsRestart = true;
      Future<Boolean> dead = threads.submit(() -> c.isValid(1));
      assertFalse(dead.get(BOUND.toMillis(), TimeUnit.MILLISECONDS));
      restart();
      assertTrue(c.isValid(1));
      assertEquals(0, source(c).borrowed());
      SQLException negative = assertThrows(SQLException.class, () -> c.isValid(-1));
      assertEquals("22023", negative.getSQLState());
    }
    Connection closed = connect();
    closed.close();
    assertFalse(closed.isValid(1));
  }

  @Test
  void frozenAtConnect() throws Exception {
    redis.freeze();
    try {
      SQLException e = expectFailure("08001", BOUND, () -> connect());
      assertTrue(e.getMessage().contains(redis.address()), e.getMessage());
    } finally {
      redis.thaw();
    }
  }

  @Test
  void nothingListeningAtConnect() throws Exception {
    int port = PrivateRedis.freePort();
    SQLException e = expectFailure("08001", BOUND, () -> DriverManager.getConnection(
        "jdbc:popoto:redis://127.0.0.1:" + port + "?catalog=" + Reliability.CATALOG
            + "&connectTimeout=1"));
    assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
  }
}
