package io.popoto.sql.calcite;

import static io.popoto.sql.testkit.Msgpack.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.popoto.sql.redis.PrivateRedis;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * {@code x IN (<a list of 20 or more literals>)}, which Calcite turns into a semi-join with a
 * VALUES table, reads only the listed values' rows through the column's index, as a short list
 * (an OR of equalities) always did: the reverse sets of a relationship, the value sets of a
 * KeyField; never the class set. The rows are the same as the full read's, with the list's
 * repeats, unknown values and NULL, stale reverse-set members (re-checked on the hash) and a
 * further filter. Also: texts of different lengths in one VALUES list (or UNION, or CASE) are
 * not padded to the longest, so a VALUES list joined on a key finds every key.
 */
class InListPushdownTest extends FixtureSession {
  private static final int RESTAURANTS = 30;
  private static final int ORDERS_EACH = 4;

  @Override
  ReaderOptions options() {
    return new ReaderOptions(100, false, true, true);
  }

  private static String restaurant(int i) {
    return "Restaurant:Inville " + i + ":R" + i + (i % 3 == 0 ? " long name" : "");
  }

  private static String city(int i) {
    return "Inville " + i;
  }

  @Override
  void addData(PrivateRedis redis) {
    try (Jedis w = new Jedis(redis.host(), redis.port())) {
      for (int i = 0; i < RESTAURANTS; i++) {
        String r = restaurant(i);
        w.hset(r.getBytes(), "name".getBytes(), str("R" + i + (i % 3 == 0 ? " long name" : "")));
        w.hset(r.getBytes(), "city".getBytes(), str(city(i)));
        w.sadd("$Class:Restaurant", r);
        w.sadd("$KeyF:Restaurant:city:" + city(i), r);
        for (int j = 0; j < ORDERS_EACH; j++) {
          String o = "Order:in-" + i + "-" + j;
          w.hset(o.getBytes(), "restaurant".getBytes(), str(r));
          w.hset(o.getBytes(), "note".getBytes(), str("n" + j));
          w.sadd("$Class:Order", o);
          w.sadd("$RelationshipF:Order:restaurant:" + r, o);
        }
      }
      // moved from restaurant 0 to 1: restaurant 0's reverse set keeps a stale member
      w.sadd("$RelationshipF:Order:restaurant:" + restaurant(0), "Order:in-1-0");
    }
  }

  private static String quoted(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  /** Restaurants 0..n-1 (with repeats of the first few), then {@code unknown} made-up keys. */
  private static String restaurantList(int n, int unknown) {
    List<String> items = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      items.add(quoted(restaurant(i)));
    }
    for (int i = 0; i < Math.min(3, n); i++) {
      items.add(quoted(restaurant(i))); // listed twice: still one row per order
    }
    for (int i = 0; i < unknown; i++) {
      items.add(quoted("Restaurant:Nowhere:Ghost " + i));
    }
    return String.join(", ", items);
  }

  /** The orders of restaurants 0..n-1, as their hashes say (the stale member not at 0). */
  private static Set<String> ordersOf(int n) {
    Set<String> out = new TreeSet<>();
    for (int i = 0; i < Math.min(n, RESTAURANTS); i++) {
      for (int j = 0; j < ORDERS_EACH; j++) {
        out.add("Order:in-" + i + "-" + j);
      }
    }
    return out;
  }

  private Set<String> inListRows(String sql) throws Exception {
    String plan = explain(sql);
    assertTrue(plan.contains("RELATIONSHIP $RelationshipF:Order:restaurant:"), plan);
    assertFalse(plan.contains("SCAN $Class:Order"), plan);
    source.resetCounters();
    List<String> rows = column(sql);
    assertEquals(0, source.commandCount("SSCAN"), "the class set was read");
    assertEquals(rows.size(), new TreeSet<>(rows).size(), "a row came twice: " + rows);
    return new TreeSet<>(rows);
  }

  @Test
  void aRelationshipInListOfAnyLengthReadsOnlyTheListedReverseSets() throws Exception {
    for (int[] c : new int[][] {{20, 0}, {25, 5}, {RESTAURANTS, 130}}) {
      String sql = "select _key from \"Order\" where restaurant in ("
          + restaurantList(c[0], c[1]) + ") and _key like 'Order:in-%'";
      Set<String> got = inListRows(sql);
      assertEquals(ordersOf(c[0]), got, sql);
      assertTrue(got.contains("Order:in-1-0")); // once, under the restaurant its hash names
      // the same answer as the full read, which knows no index
      Set<String> scanned = column("select _key from \"Order\" where _key like 'Order:in-%'")
          .stream().filter(k -> {
            int i = Integer.parseInt(k.split("-")[1]);
            return i < c[0];
          }).collect(Collectors.toCollection(TreeSet::new));
      assertEquals(scanned, got);
    }
  }

  @Test
  void anInListWithAFurtherFilterAndAJoinAbove() throws Exception {
    String sql = "select o._key from \"Order\" o where o.restaurant in (" + restaurantList(24, 2)
        + ") and o.note <> 'n0' and o._key like 'Order:in-%'";
    Set<String> expected = new TreeSet<>();
    for (String k : ordersOf(24)) {
      if (!k.endsWith("-0")) {
        expected.add(k);
      }
    }
    assertEquals(expected, inListRows(sql));
    String joined = "select r.city, count(*) from \"Order\" o join Restaurant r"
        + " on o.restaurant = r._key where o.restaurant in (" + restaurantList(22, 0)
        + ") group by r.city";
    assertEquals(22, column(joined).size());
  }

  @Test
  void aKeyFieldInListReadsItsValueSets() throws Exception {
    List<String> cities = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      cities.add(quoted(city(i)));
    }
    String sql = "select _key from Restaurant where city in (" + String.join(", ", cities) + ")";
    String plan = explain(sql);
    assertTrue(plan.contains("$KeyF:Restaurant:city:"), plan);
    assertFalse(plan.contains("SCAN $Class:Restaurant"), plan);
    Set<String> expected = new TreeSet<>();
    for (int i = 0; i < 25; i++) {
      expected.add(restaurant(i));
    }
    assertEquals(expected, new TreeSet<>(column(sql)));
  }

  @Test
  void notInAndInWithNullKeepTheirMeaning() throws Exception {
    String notIn = "select _key from \"Order\" where restaurant not in (" + restaurantList(25, 0)
        + ") and _key like 'Order:in-%'";
    Set<String> expected = new TreeSet<>(ordersOf(RESTAURANTS));
    expected.removeAll(ordersOf(25));
    assertEquals(expected, new TreeSet<>(column(notIn)));
    String withNull = "select _key from \"Order\" where restaurant in (NULL, "
        + restaurantList(21, 0) + ") and _key like 'Order:in-%'";
    assertEquals(ordersOf(21), new TreeSet<>(column(withNull)));
  }

  @Test
  void textsOfDifferentLengthsAreNotPadded() throws Exception {
    String values = "(values (" + quoted(restaurant(1)) + "), (" + quoted(restaurant(3)) + "), ("
        + quoted(restaurant(10)) + ")) as v(k)";
    assertEquals(3 * ORDERS_EACH,
        column("select o._key from " + values + " join \"Order\" o on o.restaurant = v.k").size());
    assertEquals(List.of("R1|", "R3 long name|"), column("select r.name || '|' from " + values
        + " join Restaurant r on r._key = v.k where r.name <> 'R10' order by 1"));
    assertEquals(List.of("ab|"), column("select case when 1 = 1 then 'ab' else 'abcdef' end"
        + " || '|' from Restaurant where _key = " + quoted(restaurant(1))));
    assertEquals(List.of("ab|", "abcdef|"), column("select k || '|' from (select 'ab' as k"
        + " union select 'abcdef') order by char_length(k)"));
  }
}
