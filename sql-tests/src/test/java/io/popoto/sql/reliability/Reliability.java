package io.popoto.sql.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.popoto.sql.calcite.RedisSource;
import io.popoto.sql.e2e.datasets.SocialGenerator;
import io.popoto.sql.jdbc.PopotoConnection;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;

/** What the reliability tests share: the data, the URL, and the assertions on failures. */
final class Reliability {
  static final String CATALOG = "classpath:catalogs/social.json";
  /**
   * 600 users, about 3,600 tweets: enough batches (of 20) to fail in the middle of, and seven
   * join batches (of 100 users), more than a join reads ahead.
   */
  static final int USERS = 600;
  /** The users that are rows: the ordinary ones, the Unicode ones and the two hot ones. */
  static final int USER_ROWS = USERS + SocialGenerator.UNICODE_USERNAMES.size() + 2;

  private Reliability() {}

  static SocialGenerator.Data load(ControlledRedis redis) {
    try (Jedis jedis = redis.admin()) {
      return new SocialGenerator(7).users(USERS).tweetsPerUser(6).generate(jedis);
    }
  }

  /** Small timeouts and batches, so failures show up fast and mid-stream. */
  /**
   * Waits (up to {@code within}) until nothing is borrowed from the Connection's pool, then
   * asserts it: a batch read ahead ends by itself within one batch's time and returns its
   * connection, so "nothing borrowed" holds once the reads that were under way have ended.
   */
  static void assertNothingBorrowed(Connection c, Duration within, String what)
      throws Exception {
    RedisSource source = source(c);
    long deadline = System.nanoTime() + within.toNanos();
    while (source.borrowed() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(2);
    }
    assertEquals(0, source.borrowed(), what);
  }

  static String url(ControlledRedis redis, String extra) {
    return "jdbc:popoto:redis://" + redis.address() + "?catalog=" + CATALOG
        + "&socketTimeout=1&connectTimeout=1&batchSize=20" + extra;
  }

  static RedisSource source(Connection c) throws SQLException {
    return c.unwrap(PopotoConnection.class).redisSource();
  }

  /**
   * What a statement must do when it fails: throw an SQLException with this state (any, when
   * null, but one) within the bound.
   */
  static SQLException expectFailure(String state, Duration within, Callable<?> action) {
    long start = System.nanoTime();
    try {
      action.call();
    } catch (SQLException e) {
      long ms = (System.nanoTime() - start) / 1_000_000;
      if (state != null) {
        assertEquals(state, e.getSQLState(), () -> "SQLState of: " + e + causes(e));
      }
      assertNotNull(e.getSQLState(), () -> "no SQLState: " + e + causes(e));
      assertNotNull(e.getMessage());
      assertTrue(ms <= within.toMillis(), "failed after " + ms + " ms, allowed "
          + within.toMillis() + " ms: " + e);
      return e;
    } catch (Throwable t) {
      fail("expected an SQLException " + state + ", got " + t, t);
    }
    fail("expected an SQLException " + state + ", but the statement succeeded");
    return null;
  }

  private static String causes(Throwable e) {
    StringBuilder b = new StringBuilder();
    for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      b.append("\n  caused by ").append(c);
    }
    return b.toString();
  }

  /** Reads every row and returns the count (the rows are what fails, not execute). */
  static long drain(ResultSet rs) throws SQLException {
    long n = 0;
    while (rs.next()) {
      n++;
    }
    return n;
  }

  static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      assertTrue(rs.next(), sql);
      return rs.getLong(1);
    }
  }

  /** The connection answers a scan correctly, and nothing stays borrowed from its pool. */
  static void assertWorks(Connection c) throws SQLException {
    assertEquals(USER_ROWS, count(c, "SELECT COUNT(*) FROM \"User\""), "users");
    assertEquals(0, source(c).borrowed(), "pooled connections still borrowed");
  }

  /** Runs {@code query} on another thread; the caller acts once it has made progress. */
  static Future<Object> inBackground(ExecutorService pool, Callable<Object> query) {
    return pool.submit(query);
  }

  static ExecutorService threads() {
    return Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "reliability-query");
      t.setDaemon(true);
      return t;
    });
  }

  /** Waits (bounded) until the connection has sent at least {@code n} more round trips. */
  static void awaitRoundTrips(RedisSource source, long from, long n, Future<?> query)
      throws Exception {
    // generous: a cold JVM on a loaded machine can plan for many seconds
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (source.roundTrips() - from < n) {
      if (query.isDone()) {
        query.get(); // surfaces its failure
        fail("the query ended before making " + n + " round trips");
      }
      if (System.nanoTime() > deadline) {
        fail("the query made no progress");
      }
      Thread.sleep(2);
    }
  }

  /** The failure a background query ended with, within the bound. */
  static SQLException failureOf(Future<Object> query, String state, Duration within) {
    return expectFailure(state, within, () -> {
      try {
        return query.get(within.toMillis() + 5_000, TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof Exception x) {
          throw x;
        }
        throw e;
      }
    });
  }
}
