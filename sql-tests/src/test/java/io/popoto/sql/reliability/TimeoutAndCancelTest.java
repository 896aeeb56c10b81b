package io.popoto.sql.reliability;

import static io.popoto.sql.reliability.Reliability.assertWorks;
import static io.popoto.sql.reliability.Reliability.awaitRoundTrips;
import static io.popoto.sql.reliability.Reliability.drain;
import static io.popoto.sql.reliability.Reliability.expectFailure;
import static io.popoto.sql.reliability.Reliability.failureOf;
import static io.popoto.sql.reliability.Reliability.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.popoto.sql.calcite.RedisSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * setQueryTimeout and Statement.cancel() stop a query wherever it is: reading batches from
 * Redis, or in Calcite's in-memory joins, aggregates, sorts and recursive unions, where no
 * fetch happens. Each fails with 57014 in time, and the same statement then runs again.
 */
class TimeoutAndCancelTest {
  /** 1 s of timeout, one batch, and a loaded machine's slack (planning can take seconds). */
  private static final Duration BOUND = Duration.ofSeconds(10);
  /** Billions of rows: CPU-bound work that never ends on its own within a test. */
  private static final String CROSS_JOIN =
      "SELECT COUNT(*) FROM Tweet a, Tweet b, Tweet c WHERE a.message <> c.message";
  private static final String SORT = "SELECT a.message, b.message, c.message"
      + " FROM Tweet a, Tweet b, Tweet c ORDER BY a.message DESC, c.message LIMIT 3";
  private static final String AGGREGATE = "SELECT a.\"user\", COUNT(*), MAX(c.message)"
      + " FROM Tweet a, Tweet b, Tweet c GROUP BY a.\"user\"";
  private static final String ENDLESS_RECURSION = "WITH RECURSIVE t(n) AS (VALUES (1)"
      + " UNION ALL SELECT n + 1 FROM t) SELECT COUNT(*) FROM t";
  private static final String SCAN = "SELECT message FROM Tweet";
  private static ControlledRedis redis;
  private static Connection connection;
  private static ExecutorService threads;

  @BeforeAll
  static void start() throws Exception {
    redis = ControlledRedis.start();
    Reliability.load(redis);
    connection = DriverManager.getConnection(Reliability.url(redis, ""));
    threads = Reliability.threads();
    // warm: the bounds below are about stopping, not about a cold JVM's first planning
    try (Statement s = connection.createStatement()) {
      drain(s.executeQuery(SCAN));
    }
    assertWorks(connection);
  }

  @AfterAll
  static void stop() throws Exception {
    threads.shutdownNow();
    connection.close();
    redis.close();
  }

  @Test
  void timeoutStopsACpuBoundJoin() throws Exception {
    timesOut(CROSS_JOIN);
  }

  @Test
  void timeoutStopsASort() throws Exception {
    timesOut(SORT);
  }

  @Test
  void timeoutStopsAnAggregate() throws Exception {
    timesOut(AGGREGATE);
  }

  @Test
  void timeoutStopsAnEndlessRecursiveQuery() throws Exception {
    timesOut(ENDLESS_RECURSION);
  }

  /** The timeout covers reading the rows: a slow reader of a scan is stopped too. */
  @Test
  void timeoutStopsAScanReadSlowly() throws Exception {
    try (Statement s = connection.createStatement()) {
      s.setQueryTimeout(1);
      long start = System.nanoTime();
      SQLException e = expectFailure("57014", BOUND, () -> slowly(s.executeQuery(SCAN)));
      assertTrue(System.nanoTime() - start >= 900_000_000L, "stopped before the timeout");
      assertTrue(e.getMessage().contains("timed out after 1 s"), e.getMessage());
      assertRunsAgain(s, SCAN);
    }
  }

  private static void timesOut(String sql) throws Exception {
    try (Statement s = connection.createStatement()) {
      s.setQueryTimeout(1);
      long start = System.nanoTime();
      SQLException e = expectFailure("57014", BOUND, () -> drain(s.executeQuery(sql)));
      assertTrue(System.nanoTime() - start >= 900_000_000L, "stopped before the timeout");
      assertTrue(e.getMessage().contains("timed out"), e.getMessage());
      assertRunsAgain(s, SCAN);
    }
  }

  @Test
  void cancelStopsACpuBoundJoin() throws Exception {
    canceled(CROSS_JOIN, false);
  }

  @Test
  void cancelStopsASort() throws Exception {
    canceled(SORT, false);
  }

  @Test
  void cancelStopsAScan() throws Exception {
    canceled(SCAN, true);
  }

  /** Cancel from another thread once the query is under way (it has read from Redis). */
  private static void canceled(String sql, boolean slowReader) throws Exception {
    try (Statement s = connection.createStatement()) {
      RedisSource source = source(connection);
      long from = source.roundTrips();
      Future<Object> query = threads.submit(() -> {
        ResultSet rs = s.executeQuery(sql);
        return slowReader ? slowly(rs) : drain(rs);
      });
      awaitRoundTrips(source, from, 3, query);
      s.cancel();
      SQLException e = failureOf(query, "57014", Duration.ofSeconds(5));
      assertTrue(e.getMessage().contains("canceled"), e.getMessage());
      assertRunsAgain(s, SCAN);
    }
  }

  /** After a cancel or timeout the statement is usable again, and nothing stays borrowed. */
  private static void assertRunsAgain(Statement s, String sql) throws Exception {
    s.setQueryTimeout(0);
    try (ResultSet rs = s.executeQuery(sql)) {
      assertTrue(drain(rs) > 1000);
    }
    // a read-ahead task of the stopped query gives its connection back when its step ends
    Reliability.assertNothingBorrowed(connection, Duration.ofSeconds(5),
        "borrowed after a stopped query");
    assertWorks(connection);
  }

  /** Reads like a client that does work per row (bounded: at most 20 s over the table). */
  private static long slowly(ResultSet rs) throws Exception {
    long n = 0;
    while (rs.next()) {
      n++;
      Thread.sleep(2);
    }
    return n;
  }
}
