package io.popoto.sql.jdbc;

import static io.popoto.sql.testkit.Msgpack.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.popoto.sql.redis.PrivateRedis;
import io.popoto.sql.testkit.RedisExtension;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;

/**
 * Rows read in a run reuse a text value whose bytes repeat the previous row's (the orders of one
 * restaurant all hold its key): the reuse must never stand in for what a row's own bytes say. A
 * missing field still takes its default (also on the first row, before any text was kept), an
 * undecodable value is NULL with a warning for every row that holds it, and values that change
 * from row to row are each their own.
 */
@ExtendWith(RedisExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RepeatedValuesTest {
  private static final String DINER = "Restaurant:Repeat:Diner";
  private static final String BARE = "Restaurant:Repeat:Bare";
  private String url;

  @BeforeAll
  void setUp(PrivateRedis redis) throws Exception {
    RedisExtension.loadFixture(redis);
    try (Jedis w = new Jedis(redis.host(), redis.port())) {
      for (int i = 0; i < 8; i++) {
        String o = "Order:rep-" + i;
        hset(w, o, "restaurant", str(DINER));
        if (i != 2 && i != 5) {
          hset(w, o, "status", str(i == 6 ? "late" : "done"));
        }
        // an int where a str belongs: undecodable, twice in a row
        hset(w, o, "note", i == 4 || i == 5 ? new byte[] {0x05} : str(i == 7 ? "other" : "same"));
        w.sadd("$RelationshipF:Order:restaurant:" + DINER, o);
      }
      for (int i = 0; i < 4; i++) {
        String o = "Order:bare-" + i;
        hset(w, o, "restaurant", str(BARE)); // no status at all: every row takes the default
        w.sadd("$RelationshipF:Order:restaurant:" + BARE, o);
      }
    }
    url = "jdbc:popoto:redis://" + redis.host() + ":" + redis.port()
        + "?catalog=classpath:popoto-sql/samples/food-delivery/catalog.json";
  }

  private static void hset(Jedis w, String key, String field, byte[] value) {
    w.hset(key.getBytes(StandardCharsets.UTF_8), field.getBytes(StandardCharsets.UTF_8), value);
  }

  private static List<String> rows(Statement s, String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
      }
    }
    return out;
  }

  @Test
  void eachRowGetsWhatItsOwnBytesSay() throws Exception {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      List<String> got = rows(s, "select _key, status, note from \"Order\" where restaurant = '"
          + DINER + "' order by _key");
      assertEquals(List.of("Order:rep-0 done same", "Order:rep-1 done same",
          "Order:rep-2 pending same", "Order:rep-3 done same", "Order:rep-4 done null",
          "Order:rep-5 pending null", "Order:rep-6 late same", "Order:rep-7 done other"), got);
      List<String> warned = new ArrayList<>();
      for (SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
        warned.add(w.getMessage());
      }
      assertTrue(warned.stream().anyMatch(m -> m.contains("Order:rep-4")), warned.toString());
      assertTrue(warned.stream().anyMatch(m -> m.contains("Order:rep-5")), warned.toString());
    }
  }

  @Test
  void aFieldMissingFromEveryRowTakesItsDefaultOnEveryRow() throws Exception {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      assertEquals(List.of("Order:bare-0 pending " + BARE, "Order:bare-1 pending " + BARE,
          "Order:bare-2 pending " + BARE, "Order:bare-3 pending " + BARE),
          rows(s, "select _key, status, restaurant from \"Order\" where restaurant = '" + BARE
              + "' order by _key"));
    }
  }
}
