package io.popoto.sql.calcite;

import static io.popoto.sql.testkit.Msgpack.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.popoto.sql.redis.PrivateRedis;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * A LIMIT without ORDER BY stops the read itself, so the overlapped reader sends no batch past
 * it: key batches of 2, 4 then 8 keys, and LIMIT 5 is met by the first two, so those 6 keys are
 * all that is fetched (the read ahead would otherwise send the third batch with the second). Also
 * through a projection that drops a column the re-check needs, with stale reverse-set members
 * the re-check rejects, with an OFFSET, and never for a LIMIT given as a parameter; scans that
 * stop at different limits stay apart.
 */
class LimitPushdownTest extends FixtureSession {
  private static final String PARENT = "Restaurant:Testville:Limit Diner";

  @Override
  ReaderOptions options() {
    return new ReaderOptions(2, false, true, true);
  }

  @Override
  void addData(PrivateRedis redis) {
    try (Jedis writer = new Jedis(redis.host(), redis.port())) {
      for (int i = 0; i < 30; i++) {
        String key = "Order:limit-" + i;
        writer.hset(key.getBytes(), "restaurant".getBytes(),
            str(i % 5 == 0 ? "Restaurant:elsewhere" : PARENT));
        writer.sadd("$RelationshipF:Order:restaurant:" + PARENT, key); // every fifth is stale
      }
    }
  }

  /** 16 of the orders' keys as an IN list (short of a VALUES join): key batches in memory. */
  private static String keys() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      b.append(i == 0 ? "" : ", ").append("'Order:limit-").append(i).append("'");
    }
    return b.toString();
  }

  private long fetched(String sql, Object... params) throws Exception {
    source.resetCounters();
    int rows = column(sql, params).size();
    assertTrue(rows > 0, sql);
    return source.commandCount("HMGET") + source.commandCount("HLEN");
  }

  @Test
  void aPlainLimitStopsTheReadAndItsReadAhead() throws Exception {
    String byKey = "select _key from \"Order\" where _key in (" + keys() + ") limit 5";
    assertTrue(explain(byKey).contains("limit=[5]"), explain(byKey));
    assertEquals(5, column(byKey).size());
    assertEquals(6, fetched(byKey));
    assertEquals(6, fetched("select _key from \"Order\" where _key in (" + keys()
        + ") limit 3 offset 2"));
    String related = "select _key from \"Order\" where restaurant = '" + PARENT + "' limit 7";
    assertTrue(explain(related).contains("limit=[7]"), explain(related));
    List<String> got = column(related);
    assertEquals(7, got.size());
    assertFalse(got.stream().anyMatch(k -> Integer.parseInt(k.substring(12)) % 5 == 0),
        "a stale member passed: " + got);
    assertFalse(explain("select _key from \"Order\" limit ?").contains("limit=["));
  }

  /**
   * Two reads of one table that differ only in where they stop are different scans: the limit
   * is part of a scan's digest, or the planner merged them and both parts of the union stopped
   * at one of the two limits (20 rows for LIMIT 10 UNION ALL LIMIT 20 before it was).
   */
  @Test
  void scansThatStopAtDifferentLimitsAreNotMerged() throws Exception {
    String ordered = "select _key from (select _key from \"Order\" order by total desc limit %d)";
    assertEquals(5, column(String.format(ordered, 2) + " union all "
        + String.format(ordered, 3)).size());
    String plain = "select _key from (select _key from \"Order\" where _key in (" + keys()
        + ") limit %d)";
    assertEquals(9, column(String.format(plain, 4) + " union all "
        + String.format(plain, 5)).size());
  }
}
