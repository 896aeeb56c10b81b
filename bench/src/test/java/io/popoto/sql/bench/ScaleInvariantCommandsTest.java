package io.popoto.sql.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.popoto.sql.bench.gen.FoodDeliveryGenerator;
import io.popoto.sql.bench.gen.GenerationOptions;
import io.popoto.sql.bench.gen.Progress;
import io.popoto.sql.calcite.RedisSource;
import io.popoto.sql.jdbc.PopotoConnection;
import io.popoto.sql.redis.PrivateRedis;
import io.popoto.sql.testkit.RedisExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;

/**
 * The Redis commands an indexed query sends do not grow with the table: the same counts on the
 * 32-row fixture and on 100,000 generated orders (only the hashes actually returned differ).
 */
@ExtendWith(RedisExtension.class)
class ScaleInvariantCommandsTest {

  @Test
  void indexedQueriesSendTheSameCommandsAtFixtureScaleAndAt100kOrders() throws Exception {
    Map<String, Map<String, Long>> small;
    Map<String, Map<String, Long>> large;
    try (PrivateRedis redis = RedisExtension.start()) {
      RedisExtension.loadFixture(redis);
      small = counts(redis, "Restaurant:New York:Sushi Zen", fixtureKeys());
    }
    try (PrivateRedis redis = RedisExtension.start(); Jedis jedis = new Jedis(redis.host(),
        redis.port())) {
      new FoodDeliveryGenerator(new GenerationOptions(7, 1.0, 0.0), Progress.NONE)
          .generate(jedis);
      assertEquals(100_000, jedis.scard("$Class:Order"));
      String quiet = leastOrderedRestaurant(jedis);
      large = counts(redis, quiet, jedis.srandmember("$Class:Order", 5)
          .toArray(new String[0]));
    }
    assertEquals(small, large);
  }

  private static String[] fixtureKeys() {
    return new String[] {"Order:4c5408e637e841c2a29660dd9818ba3c",
        "Order:467cde436c264e62a4e4cdcdfb69c3d1", "Order:25bdff496bee4a38b6cfd2e8686641c3",
        "Order:d4862c64822d44fdb985f16a8ce23390", "Order:66c762af74a6476d8b3ef1ad2dcaf23e"};
  }

  /** The restaurant with the fewest orders: its rows fit one fetch batch, as at fixture scale. */
  private static String leastOrderedRestaurant(Jedis jedis) {
    String best = null;
    long fewest = Long.MAX_VALUE;
    for (String r : jedis.smembers("$Class:Restaurant")) {
      long n = jedis.scard("$RelationshipF:Order:restaurant:" + r);
      if (n > 0 && n < fewest) {
        fewest = n;
        best = r;
      }
    }
    if (fewest > 500) {
      throw new AssertionError("every restaurant has more orders than one batch holds");
    }
    return best;
  }

  private static Map<String, Map<String, Long>> counts(PrivateRedis redis, String restaurant,
      String[] orderKeys) throws Exception {
    Map<String, Map<String, Long>> out = new TreeMap<>();
    String url = "jdbc:popoto:redis://" + redis.host() + ":" + redis.port() + "?catalog="
        + FoodDeliveryGenerator.CATALOG;
    try (Connection c = DriverManager.getConnection(url)) {
      RedisSource source = c.unwrap(PopotoConnection.class).redisSource();
      out.put("key in 5", run(c, source, "select total from \"Order\" where _key in (?, ?, ?, ?, ?)",
          (Object[]) orderKeys));
      out.put("top 3", run(c, source,
          "select total from \"Order\" order by total desc limit 3"));
      out.put("relationship", run(c, source,
          "select total from \"Order\" where restaurant = ?", restaurant));
    }
    return out;
  }

  private static Map<String, Long> run(Connection c, RedisSource source, String sql,
      Object... params) throws Exception {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      source.resetCounters();
      long rows = 0;
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rs.getObject(1);
          rows++;
        }
      }
      Map<String, Long> counts = new TreeMap<>(source.commandCounts());
      counts.put("roundTrips", source.roundTrips());
      counts.remove("SCARD"); // planner statistics, cached per table
      // one HMGET per returned row is the scale-free part; anything beyond it would show here
      counts.put("HMGET beyond rows", counts.getOrDefault("HMGET", 0L) - rows);
      counts.remove("HMGET");
      return counts;
    }
  }
}
