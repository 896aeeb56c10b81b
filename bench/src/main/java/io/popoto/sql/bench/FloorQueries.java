package io.popoto.sql.bench;

import io.popoto.sql.catalog.Catalog;
import io.popoto.sql.catalog.ModelDef;
import io.popoto.sql.codec.IndexKeys;
import io.popoto.sql.codec.KeyCodec;
import io.popoto.sql.codec.PopotoDecodeException;
import io.popoto.sql.codec.ValueCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.resps.Tuple;

/**
 * The floor: what a programmer who knows the layout would write by hand with the fewest
 * pipelined commands. It decodes only the values it needs to follow a link or sum.
 */
final class FloorQueries {
  private static final int BATCH = 1000;

  private final Jedis jedis;
  private final IndexKeys index;
  private final ValueCodec values;
  private final ModelDef order;
  private final ModelDef restaurant;

  FloorQueries(Jedis jedis, Catalog catalog) {
    this.jedis = jedis;
    this.index = new IndexKeys(KeyCodec.forLine(catalog.formatLine()));
    this.values = new ValueCodec(catalog);
    this.order = catalog.model("Order");
    this.restaurant = catalog.model("Restaurant");
  }

  /** Q1: one HGETALL. */
  long pointLookup(String key) {
    return jedis.hgetAll(key.getBytes(StandardCharsets.UTF_8)).isEmpty() ? 0 : 1;
  }

  /** Q2: SMEMBERS of the reverse set, then one pipelined HGETALL batch. */
  long ordersOfRestaurant(String restaurantKey) {
    Set<String> keys = jedis.smembers(reverse("restaurant", restaurantKey));
    return hgetAllCount(keys);
  }

  /** Q3a: ZRANGEBYSCORE, then pipelined HMGET of the other selected column. */
  long totalBetween(double low, double high) {
    List<String> keys = jedis.zrangeByScore(sorted("total"), low, high);
    return hmgetCount(keys, "status");
  }

  /** Q3b: ZREVRANGE 0 9, then pipelined HMGET. */
  long topTotals(int n) {
    List<String> keys = jedis.zrevrange(sorted("total"), 0, n - 1L);
    return hmgetCount(keys, "status");
  }

  /** Q4: restaurant by name from its value set, its orders, then their customers' names. */
  long ordersWithCustomerByRestaurantName(String name) {
    Set<String> restaurants = jedis.smembers(index.valueSet(restaurant, restaurant.field("name"),
        name));
    List<String> orders = new ArrayList<>();
    for (String r : restaurants) {
      orders.addAll(jedis.smembers(reverse("restaurant", r)));
    }
    List<String> customers = column(orders, "customer");
    Map<String, byte[]> names = names(customers);
    long rows = 0;
    for (String c : customers) {
      rows += c != null && names.get(c) != null ? 1 : 0;
    }
    return rows;
  }

  /** Q5: a customer's orders, then the restaurant and driver of each (inner joins). */
  long ordersWithRestaurantAndDriver(String customerKey) {
    List<String> orders = new ArrayList<>(jedis.smembers(reverse("customer", customerKey)));
    Pipeline p = jedis.pipelined();
    List<Response<List<byte[]>>> links = new ArrayList<>();
    for (String o : orders) {
      links.add(p.hmget(o.getBytes(StandardCharsets.UTF_8), bytes("restaurant"),
          bytes("driver")));
    }
    p.sync();
    List<String[]> pairs = new ArrayList<>();
    Set<String> targets = new LinkedHashSet<>();
    for (int i = 0; i < orders.size(); i++) {
      List<byte[]> v = links.get(i).get();
      String r = decodeKey(orders.get(i), order.field("restaurant").name(), v.get(0));
      String d = decodeKey(orders.get(i), order.field("driver").name(), v.get(1));
      if (r != null && d != null) {
        pairs.add(new String[] {r, d});
        targets.add(r);
        targets.add(d);
      }
    }
    Map<String, byte[]> names = names(new ArrayList<>(targets));
    long rows = 0;
    for (String[] pair : pairs) {
      rows += names.get(pair[0]) != null && names.get(pair[1]) != null ? 1 : 0;
    }
    return rows;
  }

  /**
   * Q4 the way Popoto's API answers it: the restaurant and its orders through their indexes
   * (pipelined, to be fair), then {@code order.customer} loaded once per order.
   */
  long perRowOrdersWithCustomer(String name) {
    long rows = 0;
    for (String r : jedis.smembers(index.valueSet(restaurant, restaurant.field("name"), name))) {
      List<String> orders = new ArrayList<>(jedis.smembers(reverse("restaurant", r)));
      List<String> customers = column(orders, "customer");
      for (String c : customers) {
        rows += c != null && !jedis.hgetAll(bytes(c)).isEmpty() ? 1 : 0;
      }
    }
    return rows;
  }

  /** Q5 the way Popoto's API answers it: each order's restaurant and driver loaded one by one. */
  long perRowOrdersWithRestaurantAndDriver(String customerKey) {
    List<String> orders = new ArrayList<>(jedis.smembers(reverse("customer", customerKey)));
    List<String> restaurants = column(orders, "restaurant");
    List<String> drivers = column(orders, "driver");
    long rows = 0;
    for (int i = 0; i < orders.size(); i++) {
      boolean both = restaurants.get(i) != null && drivers.get(i) != null
          && !jedis.hgetAll(bytes(restaurants.get(i))).isEmpty()
          && !jedis.hgetAll(bytes(drivers.get(i))).isEmpty();
      rows += both ? 1 : 0;
    }
    return rows;
  }

  /**
   * Q6: every total in one ZRANGE WITHSCORES, each restaurant's orders from its reverse set and
   * its cuisine, pipelined together.
   */
  long revenuePerCuisine() {
    Map<String, Double> totals = new HashMap<>();
    for (Tuple t : jedis.zrangeWithScores(sorted("total"), 0, -1)) {
      totals.put(t.getElement(), t.getScore());
    }
    List<String> restaurants = new ArrayList<>(jedis.smembers(index.classSet(restaurant)));
    Map<String, Double> revenue = new HashMap<>();
    for (int from = 0; from < restaurants.size(); from += BATCH) {
      List<String> batch = restaurants.subList(from, Math.min(restaurants.size(), from + BATCH));
      Pipeline p = jedis.pipelined();
      List<Response<Set<String>>> orders = new ArrayList<>();
      List<Response<byte[]>> cuisines = new ArrayList<>();
      for (String r : batch) {
        orders.add(p.smembers(reverse("restaurant", r)));
        cuisines.add(p.hget(bytes(r), bytes("cuisine")));
      }
      p.sync();
      for (int i = 0; i < batch.size(); i++) {
        String cuisine = (String) decode(batch.get(i), restaurant, "cuisine",
            cuisines.get(i).get());
        double sum = 0;
        for (String o : orders.get(i).get()) {
          sum += totals.getOrDefault(o, 0.0);
        }
        revenue.merge(String.valueOf(cuisine), sum, Double::sum);
      }
    }
    return revenue.size();
  }

  /**
   * Q7: the reverse set's members whose hash still points at the restaurant. SCARD alone would
   * count stale members too (spec 5), so it cannot produce the same answer in general; the
   * fewest commands that can are SMEMBERS and one pipelined HGET of the relationship field.
   */
  long countOrdersOfRestaurant(String restaurantKey) {
    List<String> members = new ArrayList<>(jedis.smembers(reverse("restaurant", restaurantKey)));
    long count = column(members, "restaurant").stream().filter(restaurantKey::equals).count();
    // COUNT(*) is one row whatever the count; the count is still taken, as the driver takes it.
    return count >= 0 ? 1 : 0;
  }

  /** SCARD of the reverse set: the count when no member is stale, for the report's note. */
  long unsafeCount(String restaurantKey) {
    return jedis.scard(reverse("restaurant", restaurantKey));
  }

  /** Q8: SSCAN the $Class set and HGETALL each batch, keeping one batch in memory. */
  long allOrders() {
    ScanParams params = new ScanParams().count(BATCH);
    String cursor = ScanParams.SCAN_POINTER_START;
    long rows = 0;
    do {
      ScanResult<String> page = jedis.sscan(index.classSet(order), cursor, params);
      rows += hgetAllCount(page.getResult());
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    return rows;
  }

  private long hgetAllCount(java.util.Collection<String> keys) {
    Pipeline p = jedis.pipelined();
    List<Response<Map<byte[], byte[]>>> rows = new ArrayList<>();
    for (String k : keys) {
      rows.add(p.hgetAll(bytes(k)));
    }
    p.sync();
    return rows.stream().filter(r -> !r.get().isEmpty()).count();
  }

  private long hmgetCount(List<String> keys, String field) {
    Pipeline p = jedis.pipelined();
    List<Response<List<byte[]>>> rows = new ArrayList<>();
    for (String k : keys) {
      rows.add(p.hmget(bytes(k), bytes(field)));
    }
    p.sync();
    return rows.stream().filter(r -> r.get().get(0) != null).count();
  }

  /** One field of many orders, decoded as relationship keys (null when missing). */
  private List<String> column(List<String> orders, String field) {
    Pipeline p = jedis.pipelined();
    List<Response<List<byte[]>>> got = new ArrayList<>();
    for (String o : orders) {
      got.add(p.hmget(bytes(o), bytes("total"), bytes(field)));
    }
    p.sync();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < orders.size(); i++) {
      out.add(decodeKey(orders.get(i), field, got.get(i).get().get(1)));
    }
    return out;
  }

  /** The raw name of each distinct target key, in one pipelined batch. */
  private Map<String, byte[]> names(List<String> targets) {
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(targets));
    distinct.remove(null);
    Pipeline p = jedis.pipelined();
    List<Response<byte[]>> got = new ArrayList<>();
    for (String t : distinct) {
      got.add(p.hget(bytes(t), bytes("name")));
    }
    p.sync();
    Map<String, byte[]> out = new HashMap<>();
    for (int i = 0; i < distinct.size(); i++) {
      out.put(distinct.get(i), got.get(i).get());
    }
    return out;
  }

  private String decodeKey(String key, String field, byte[] raw) {
    return (String) decode(key, order, field, raw);
  }

  private Object decode(String key, ModelDef model, String field, byte[] raw) {
    if (raw == null) {
      return null;
    }
    try {
      return values.decode(key, model.field(field), raw);
    } catch (PopotoDecodeException e) {
      return null;
    }
  }

  private String reverse(String field, String target) {
    return index.reverseSet(order, order.field(field), target);
  }

  private String sorted(String field) {
    return index.sortedSet(order, order.field(field), List.of());
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
