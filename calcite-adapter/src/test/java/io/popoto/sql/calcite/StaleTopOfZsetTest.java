package io.popoto.sql.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.popoto.sql.redis.PrivateRedis;
import io.popoto.sql.testkit.RedisExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;

/**
 * Members whose hash is gone at the top of a zset (a deleted or expired row, spec 8.1) must not
 * count towards a pushed LIMIT: the ordered read goes on to the next page.
 */
@ExtendWith(RedisExtension.class)
class StaleTopOfZsetTest {

  @Test
  void limitIsMetFromLiveRowsBelowStaleMembers(PrivateRedis redis) throws Exception {
    RedisExtension.loadFixture(redis);
    try (Jedis jedis = new Jedis(redis.host(), redis.port())) {
      for (int i = 0; i < 3; i++) {
        jedis.zadd("$SortF:Order:total", 1000 + i, "Order:deleted" + i);
      }
    }
    try (RedisSource source = CalciteOverRedis.source(redis);
         Connection c = CalciteOverRedis.open(source, ReaderOptions.DEFAULT)) {
      {
        List<Double> totals = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery(
            "select total from \"Order\" order by total desc limit 3")) {
          while (rs.next()) {
            totals.add(rs.getDouble(1));
          }
        }
        assertEquals(List.of(48.0, 28.5, 22.0), totals);
        // first page: the 3 stale members; the next page supplies the live rows
        assertEquals(2, source.commandCount("ZREVRANGEBYSCORE"));
      }
    }
  }
}
