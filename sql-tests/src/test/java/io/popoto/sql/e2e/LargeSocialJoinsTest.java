package io.popoto.sql.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.popoto.sql.e2e.datasets.Faults;
import io.popoto.sql.e2e.datasets.HotParent;
import io.popoto.sql.e2e.datasets.SocialGenerator;
import io.popoto.sql.redis.PrivateRedis;
import io.popoto.sql.testkit.RedisExtension;
import io.popoto.sql.calcite.RedisSource;
import io.popoto.sql.jdbc.PopotoConnection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;

/**
 * The social dataset past 10,000 tweets (1,000 ordinary users plus hot0 with exactly 10,000
 * tweets and hot1 with 100), with faults, and a handful of join queries checked against H2
 * with pushdown on and off.
 */
@ExtendWith(RedisExtension.class)
class LargeSocialJoinsTest {
  private static final List<String> QUERIES = List.of(
      "SELECT COUNT(*) FROM \"User\" u JOIN Tweet t ON t.\"user\" = u._key"
          + " WHERE u.username = 'hot0'",
      "SELECT t.tweet_id, t.created_date FROM \"User\" u JOIN Tweet t ON t.\"user\" = u._key"
          + " WHERE u.username = 'hot1' ORDER BY t.created_date, t.tweet_id",
      "SELECT u.username, COUNT(t._key) FROM \"User\" u LEFT JOIN Tweet t"
          + " ON t.\"user\" = u._key GROUP BY u.username",
      "SELECT u.username, COUNT(f._key) FROM \"User\" u LEFT JOIN Tweet t"
          + " ON t.\"user\" = u._key LEFT JOIN Favorite f ON f.tweet = t._key"
          + " GROUP BY u.username",
      "SELECT b.username FROM Follow fo JOIN \"User\" a ON fo.from_user = a._key"
          + " JOIN \"User\" b ON fo.to_user = b._key WHERE a.username = 'user0'"
          + " ORDER BY b.username, fo.follow_id",
      "SELECT COUNT(*) FROM Tweet t WHERE t.\"user\" IN"
          + " (SELECT _key FROM \"User\" WHERE username LIKE 'hot%')",
      "SELECT u.username FROM \"User\" u WHERE NOT EXISTS"
          + " (SELECT 1 FROM Tweet t WHERE t.\"user\" = u._key) ORDER BY u.username",
      "SELECT t.tweet_id, t.\"user\" FROM Tweet t LEFT JOIN \"User\" u ON t.\"user\" = u._key"
          + " WHERE u._key IS NULL");

  private static SocialGenerator.Data data;
  private static Connection h2;
  private static Connection pushdown;
  private static Connection scan;

  private static PrivateRedis redis;

  @BeforeAll
  static void load(PrivateRedis privateRedis) throws Exception {
    redis = privateRedis;
    try (Jedis jedis = new Jedis(redis.host(), redis.port())) {
      data = new SocialGenerator(7L).users(1000).hotUsers(10_000, 100)
          .faults(new Faults(20, 30, 0, 20)).generate(jedis);
    }
    h2 = H2Oracle.open("large-social");
    H2Oracle.load(h2, SocialGenerator.catalog(), redis);
    pushdown = Differential.connect(redis, SocialGenerator.CATALOG, true);
    scan = Differential.connect(redis, SocialGenerator.CATALOG, false);
  }

  @AfterAll
  static void close() throws SQLException {
    Differential.closeAll(pushdown, scan, h2);
  }

  @Test
  void datasetIsPastTenThousandTweets() {
    // No bound on the generation's wall-clock time: tests assert counts, never seconds.
    assertTrue(data.rowCount("Tweet") >= 10_000, data.rows().toString());
  }

  @Test
  void hotUserHasExactlyTenThousandTweets() throws SQLException {
    HotParent hot = data.hotUsers().get(0);
    assertEquals(10_000, hot.children());
    List<List<Object>> rows = Differential.run(pushdown,
        "SELECT COUNT(*) FROM Tweet WHERE \"user\" = '" + hot.key() + "'");
    assertTrue(RowMatcher.sameValue(10_000L, rows.get(0).get(0)), rows.toString());
  }

  /**
   * A one-hop join filtered on the parent reads the user (its key is built from the username),
   * its reverse set, then the tweets in pipelined batches: the same round trips for 100 tweets as
   * for 10,000 but for the batch count, and no SSCAN.
   */
  @Test
  void joinFilteredOnTheParentCostsTheSameRoundTripsAtAnyFanOut() throws SQLException {
    String sql = "SELECT t.tweet_id, t.message FROM \"User\" u JOIN Tweet t"
        + " ON t.\"user\" = u._key WHERE u.username = ?";
    HotParent big = data.hotUsers().get(0);
    HotParent small = data.hotUsers().get(1);
    try (Connection c = batchedConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      RedisSource source = c.unwrap(PopotoConnection.class).redisSource();
      Counts few = counts(ps, source, small.name());
      Counts many = counts(ps, source, big.name());
      assertEquals(small.children(), few.rows());
      assertEquals(big.children(), many.rows());
      assertEquals(0, few.sscans() + many.sscans(), "no table is scanned");
      // the user's hash (username is its key), its reverse set, one pipeline per batch of tweets
      assertEquals(2 + batches(small.children()), few.roundTrips());
      assertEquals(2 + batches(big.children()), many.roundTrips());
    }
  }

  /**
   * Many-to-one with the children known: each batch of outer tweets looks its new authors up in
   * one pipeline, never one round trip per tweet, and an author read once serves every later
   * batch (all these tweets have one author: one lookup in all).
   */
  @Test
  void manyToOneLooksUpEachBatchsAuthorsInOnePipeline() throws SQLException {
    String sql = "SELECT t.tweet_id, u.username FROM Tweet t JOIN \"User\" u"
        + " ON t.\"user\" = u._key WHERE t.\"user\" = ?";
    HotParent big = data.hotUsers().get(0);
    try (Connection c = batchedConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      RedisSource source = c.unwrap(PopotoConnection.class).redisSource();
      ps.setString(1, big.key());
      Counts many = counts(ps, source, null);
      assertEquals(big.children(), many.rows());
      assertEquals(0, many.sscans());
      // reverse set, the tweets' batches, and the author's lookup, once
      assertEquals(1 + batches(big.children()) + 1, many.roundTrips());
    }
  }

  private static final int BATCH = 500;

  /** A read's batches take BATCH keys, then twice that, then four times that each. */
  private static int batches(int rows) {
    int batches = 0;
    for (int covered = 0; covered < rows; batches++) {
      covered += BATCH * (batches == 0 ? 1 : batches == 1 ? 2 : 4);
    }
    return batches;
  }

  private Connection batchedConnection() throws SQLException {
    return java.sql.DriverManager.getConnection(
        Differential.url(redis, SocialGenerator.CATALOG, true) + "&batchSize=" + BATCH);
  }

  private record Counts(int rows, long roundTrips, long sscans) {}

  /** Runs a prepared query (planned already) and counts what one execution sent. */
  private static Counts counts(PreparedStatement ps, RedisSource source, String param)
      throws SQLException {
    if (param != null) {
      ps.setString(1, param);
    }
    source.resetCounters();
    int rows = 0;
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rows++;
      }
    }
    return new Counts(rows, source.roundTrips(), source.commandCount("SSCAN"));
  }

  @TestFactory
  Stream<DynamicNode> joins() {
    return Differential.corpus(QUERIES, h2, pushdown, scan);
  }
}
