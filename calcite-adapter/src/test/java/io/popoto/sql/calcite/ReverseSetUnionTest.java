package io.popoto.sql.calcite;

import static io.popoto.sql.testkit.Msgpack.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.popoto.sql.redis.PrivateRedis;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * The members of several reverse sets (an IN list of parents, a batched join's batch of
 * parents) are united batch by batch, as the read takes them: each member is fetched once
 * however many sets list it, even when its repeats fall in batches after its first one (batches
 * of 3, 6, 12, ... here), and a member whose hash names another parent, or that has no hash,
 * yields no row under the sets that list it wrongly.
 */
class ReverseSetUnionTest extends FixtureSession {
  private static final int PARENTS = 20;
  private static final int CHILDREN_EACH = 7;

  @Override
  ReaderOptions options() {
    return new ReaderOptions(3, false, true, true);
  }

  private static String parent(int i) {
    return "Restaurant:Union " + i + ":U" + i;
  }

  private static String child(int i, int j) {
    return "Order:union-" + i + "-" + j;
  }

  @Override
  void addData(PrivateRedis redis) {
    try (Jedis w = new Jedis(redis.host(), redis.port())) {
      for (int i = 0; i < PARENTS; i++) {
        String r = parent(i);
        w.hset(r.getBytes(), "name".getBytes(), str("U" + i));
        w.hset(r.getBytes(), "city".getBytes(), str("Union " + i));
        w.sadd("$Class:Restaurant", r);
        w.sadd("$KeyF:Restaurant:city:Union " + i, r);
        for (int j = 0; j < CHILDREN_EACH; j++) {
          String o = child(i, j);
          w.hset(o.getBytes(), "restaurant".getBytes(), str(r));
          w.sadd("$Class:Order", o);
          w.sadd("$RelationshipF:Order:restaurant:" + r, o);
        }
      }
      // stale: parent 0's children also listed by the later parents' sets, one by all of them
      for (int i = 1; i < PARENTS; i++) {
        w.sadd("$RelationshipF:Order:restaurant:" + parent(i), child(0, i % CHILDREN_EACH),
            child(0, 0));
      }
      // stale: a child without a hash, listed by two sets
      w.sadd("$RelationshipF:Order:restaurant:" + parent(2), "Order:union-gone");
      w.sadd("$RelationshipF:Order:restaurant:" + parent(6), "Order:union-gone");
    }
  }

  private static List<String> expected() {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < PARENTS; i++) {
      for (int j = 0; j < CHILDREN_EACH; j++) {
        keys.add(child(i, j));
      }
    }
    keys.sort(null);
    return keys;
  }

  @Test
  void anInListOfParentsFetchesEachListedChildOnce() throws Exception {
    StringJoiner in = new StringJoiner(", ", "(", ")");
    for (int i = 0; i < PARENTS; i++) {
      in.add("'" + parent(i) + "'");
    }
    String sql = "SELECT _key FROM \"Order\" WHERE restaurant IN " + in + " ORDER BY _key";
    assertTrue(explain(sql).contains("RELATIONSHIP"), explain(sql));
    long hmgets = source.commandCount("HMGET");
    long smembers = source.commandCount("SMEMBERS");
    assertEquals(expected(), column(sql));
    // 140 children and the one without a hash, each once, not once per set listing it
    assertEquals(PARENTS * CHILDREN_EACH + 1, source.commandCount("HMGET") - hmgets);
    // each set asked for once
    assertEquals(PARENTS, source.commandCount("SMEMBERS") - smembers);
  }

  @Test
  void aBatchedJoinMatchesEachChildToItsOwnParentOnce() throws Exception {
    String sql = "SELECT o._key, r.name FROM \"Order\" o JOIN \"Restaurant\" r"
        + " ON o.restaurant = r._key WHERE r._key LIKE 'Restaurant:Union %' ORDER BY o._key";
    List<String> pairs = new ArrayList<>();
    try (var s = connection.createStatement(); var rs = s.executeQuery(sql)) {
      while (rs.next()) {
        pairs.add(rs.getString(1) + " " + rs.getString(2));
      }
    }
    List<String> want = new ArrayList<>();
    for (String k : expected()) {
      want.add(k + " U" + k.split("-")[1]);
    }
    assertEquals(want, pairs);
  }
}
