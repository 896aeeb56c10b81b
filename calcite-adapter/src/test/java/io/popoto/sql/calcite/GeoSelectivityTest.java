package io.popoto.sql.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.popoto.sql.redis.PrivateRedis;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * The planner counts a literal radius's points (GEOSEARCH COUNT ANY, capped) instead of taking
 * a tenth of the table. Far from the searched circle sit 5,000 more restaurants, so a tenth of
 * the table (500) would look less selective than the 56 entries of a range over every order
 * (50 of them deleted orders the index still holds), and the orders would drive; the circle
 * holds one restaurant (Burger Palace, with one order), so it drives and the range is never read.
 */
class GeoSelectivityTest extends FixtureSession {
  private static final int FAR_RESTAURANTS = 5000;
  private static final int GONE_ORDERS = 50;
  private static final String NEAR_BURGER_PALACE =
      "popoto_within(r.location_latitude, r.location_longitude, 40.7128, -74.0060, 2)";

  @Override
  ReaderOptions options() {
    return new ReaderOptions(100, false, true);
  }

  @Override
  void addData(PrivateRedis redis) {
    try (Jedis jedis = new Jedis(redis.host(), redis.port())) {
      redis.clients.jedis.Pipeline p = jedis.pipelined();
      for (int i = 0; i < FAR_RESTAURANTS; i++) {
        String key = "Restaurant:Far:R" + i; // class members without hashes: never rows
        p.sadd("$Class:Restaurant", key);
        p.geoadd("$GeoF:Restaurant:location", 10 + i * 0.001, 50, key);
      }
      for (int i = 0; i < GONE_ORDERS; i++) { // deleted orders the total index still holds
        p.sadd("$Class:Order", "Order:gone" + i);
        p.zadd("$SortF:Order:total", 5, "Order:gone" + i);
      }
      p.sync();
    }
  }

  @Test
  void aLiteralRadiusIsCountedNotGuessed() throws Exception {
    String plan = explain("SELECT r.name FROM Restaurant r WHERE " + NEAR_BURGER_PALACE);
    assertTrue(plan.contains("GEO_RADIUS $GeoF:Restaurant:location") && plan.contains("rows=[1]"),
        plan);
  }

  @Test
  void aSmallRadiusDrivesTheJoin() throws Exception {
    String sql = "SELECT r.name, o.total FROM Restaurant r JOIN \"Order\" o"
        + " ON o.restaurant = r._key WHERE " + NEAR_BURGER_PALACE + " AND o.total >= 0";
    String plan = explain(sql);
    assertTrue(plan.contains("PopotoBatchJoin"), plan);
    assertTrue(plan.contains(
        "path=[RELATIONSHIP $RelationshipF:Order:restaurant:{outer._key x100}]"), plan);
    assertTrue(plan.indexOf("GEO_RADIUS") < plan.indexOf("RELATIONSHIP"), plan);
    source.resetCounters();
    List<String> rows = column(sql);
    assertEquals(List.of("Burger Palace"), rows);
    assertEquals(0, source.commandCount("ZRANGEBYSCORE"), source.commandCounts().toString());
  }
}
