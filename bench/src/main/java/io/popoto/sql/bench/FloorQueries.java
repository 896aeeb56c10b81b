package io.popoto.sql.bench;

import io.popoto.sql.catalog.Catalog;
import io.popoto.sql.catalog.FieldDef;
import io.popoto.sql.catalog.ModelDef;
import io.popoto.sql.codec.IndexKeys;
import io.popoto.sql.codec.KeyCodec;
import io.popoto.sql.codec.PopotoDecodeException;
import io.popoto.sql.codec.ValueCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Protocol.Command;
import redis.clients.jedis.Response;

/**
 * Hand-written Jedis answers: what a programmer who knows the layout would write, with the
 * fewest pipelined commands. Every read is batched ({@value #BATCH} keys a pipeline) so no
 * answer holds more than a batch of rows, whatever the scale.
 *
 * <p>Two instances answer each workload: the {@linkplain #sequential sequential floor} (one
 * pipeline in flight; values decoded only to follow a link or sum) and the {@linkplain
 * #overlapped overlapped floor} (two pipelines in flight, and every value the SQL returns
 * decoded, as the driver does): the honest floor for a reader that overlaps its round trips.
 * Both send the same commands and produce the same rows.
 */
final class FloorQueries {
  static final int BATCH = 1000;
  /** Restaurants per pipeline in Q6: each brings its whole reverse set. */
  private static final int RESTAURANT_BATCH = 100;
  private static final byte[] TOTAL = bytes("total");
  private static final byte[] STATUS = bytes("status");
  private static final byte[] NAME = bytes("name");

  private final Jedis jedis;
  private final InFlight pipe;
  private final boolean decodeReturned;
  private final IndexKeys index;
  private final ValueCodec values;
  private final ModelDef order;
  private final ModelDef restaurant;
  private final ModelDef customer;
  private final ModelDef driver;
  /** The hash fields behind Order's columns (capped lists are lists, not hash fields). */
  private final byte[][] orderFields;
  /** Values decoded: kept so the JIT cannot drop decoding whose result nobody reads. */
  private long decoded;

  private FloorQueries(Jedis jedis, Catalog catalog, int depth, boolean decodeReturned) {
    this.jedis = jedis;
    this.pipe = new InFlight(jedis, depth);
    this.decodeReturned = decodeReturned;
    this.index = new IndexKeys(KeyCodec.forLine(catalog.formatLine()));
    this.values = new ValueCodec(catalog);
    this.order = catalog.model("Order");
    this.restaurant = catalog.model("Restaurant");
    this.customer = catalog.model("Customer");
    this.driver = catalog.model("Driver");
    this.orderFields = order.fields().stream().filter(f -> f.hasColumn() && !f.isCappedList())
        .map(f -> bytes(f.name())).toArray(byte[][]::new);
  }

  /** One pipeline in flight; decodes only what it needs to follow a link or sum. */
  static FloorQueries sequential(Jedis jedis, Catalog catalog) {
    return new FloorQueries(jedis, catalog, 1, false);
  }

  /** Two pipelines in flight; decodes every value the SQL returns. */
  static FloorQueries overlapped(Jedis jedis, Catalog catalog) {
    return new FloorQueries(jedis, catalog, 2, true);
  }

  long decodedValues() {
    return decoded;
  }

  /**
   * Q1: one HMGET of the fields {@code SELECT *} reads, the same command the driver sends: the
   * goal is stated against "a raw Jedis HMGET of the same fields". Nothing decoded.
   */
  long pointLookup(String key) {
    for (byte[] value : jedis.hmget(bytes(key), orderFields)) {
      if (value != null) {
        return 1;
      }
    }
    return 0;
  }

  /** Q2: SMEMBERS of the reverse set, then HGETALL batches. */
  long ordersOfRestaurant(String restaurantKey) {
    List<String> keys = new ArrayList<>(jedis.smembers(reverse("restaurant", restaurantKey)));
    return countRows(keys, k -> pipe.send(Command.HGETALL, bytes(k)),
        (k, r) -> hashRow(k, (List<?>) r.next()));
  }

  /** Q3a: ZRANGEBYSCORE, then HMGET batches of the selected columns. */
  long totalBetween(double low, double high) {
    return totalAndStatus(jedis.zrangeByScore(sorted("total"), low, high));
  }

  /** Q3b: ZREVRANGE 0 n-1, then HMGET of the selected columns. */
  long topTotals(int n) {
    return totalAndStatus(jedis.zrevrange(sorted("total"), 0, n - 1L));
  }

  /**
   * Q9: {@code ORDER BY total DESC, _key LIMIT n}. ZREVRANGE WITHSCORES 0 n-1 finds the
   * boundary score; the rows above it are all in, and of the boundary's tie group the n-a
   * smallest keys, which ZRANGEBYSCORE boundary boundary LIMIT 0 n-a returns (Redis orders a
   * score's members by their bytes: the _key order for ASCII keys). Three round trips.
   */
  long topTotalsWithTieBreak(int n) {
    byte[] zset = bytes(sorted("total"));
    long[] rows = {0};
    pipe.send(Command.ZREVRANGE, zset, bytes("0"), bytes(String.valueOf(n - 1)),
        bytes("WITHSCORES"));
    pipe.close(top -> {
      List<?> flat = (List<?>) top.next();
      if (flat.isEmpty()) {
        return;
      }
      byte[] boundary = (byte[]) flat.get(flat.size() - 1);
      double b = Double.parseDouble(text(boundary));
      List<String> above = new ArrayList<>();
      for (int i = 0; i + 1 < flat.size(); i += 2) {
        if (Double.parseDouble(text(flat.get(i + 1))) > b) {
          above.add(text(flat.get(i)));
        }
      }
      int fromTie = flat.size() / 2 - above.size();
      pipe.send(Command.ZRANGEBYSCORE, zset, boundary, boundary, bytes("LIMIT"), bytes("0"),
          bytes(String.valueOf(fromTie)));
      above.forEach(this::sendTotalAndStatus);
      pipe.close(second -> {
        List<?> tie = (List<?>) second.next();
        for (String k : above) {
          rows[0] += fieldsRow(k, (List<?>) second.next(), "total", "status") ? 1 : 0;
        }
        List<String> tieKeys = new ArrayList<>();
        for (Object t : tie) {
          tieKeys.add(text(t));
        }
        tieKeys.forEach(this::sendTotalAndStatus);
        pipe.close(third -> {
          for (String k : tieKeys) {
            rows[0] += fieldsRow(k, (List<?>) third.next(), "total", "status") ? 1 : 0;
          }
        });
      });
    });
    pipe.drain();
    return rows[0];
  }

  /** For the report: where Q9's LIMIT cuts the total zset, and the tie group it cuts. */
  String tieBoundary(int n) {
    String zset = sorted("total");
    List<redis.clients.jedis.resps.Tuple> top = jedis.zrevrangeWithScores(zset, 0, n - 1L);
    if (top.isEmpty()) {
      return "the total zset is empty";
    }
    double b = top.get(top.size() - 1).getScore();
    long group = jedis.zcount(zset, b, b);
    long taken = top.stream().filter(t -> t.getScore() == b).count();
    return String.format(Locale.ROOT, "LIMIT %d ends at total %.2f, whose tie group has %d"
        + " orders; the first %d of them by _key are in", n, b, group, taken);
  }

  /** Q4: the restaurant by name from its value set, its orders, then their customers' names. */
  long ordersWithCustomerByRestaurantName(String name) {
    List<String> orders = new ArrayList<>();
    for (String r : jedis.smembers(index.valueSet(restaurant, restaurant.field("name"), name))) {
      orders.addAll(jedis.smembers(reverse("restaurant", r)));
    }
    return ordersWithCustomerName(orders);
  }

  /** Q10: orders from the total zset's range, then their customers' names. */
  long ordersInRangeWithCustomer(double low, double high) {
    return ordersWithCustomerName(jedis.zrangeByScore(sorted("total"), low, high));
  }

  /** Q5: a customer's orders, then the restaurant and driver of each (inner joins). */
  long ordersWithRestaurantAndDriver(String customerKey) {
    List<String> orders = new ArrayList<>(jedis.smembers(reverse("customer", customerKey)));
    long[] rows = {0};
    forBatches(orders, o -> pipe.send(Command.HMGET, bytes(o), bytes("restaurant"),
        bytes("driver")), (batch, r) -> {
          List<String> restaurants = new ArrayList<>(batch.size());
          List<String> drivers = new ArrayList<>(batch.size());
          for (String o : batch) {
            List<?> v = (List<?>) r.next();
            restaurants.add(link(o, "restaurant", v.get(0)));
            drivers.add(link(o, "driver", v.get(1)));
          }
          List<String> rTargets = sendNames(restaurants);
          List<String> dTargets = sendNames(drivers);
          pipe.close(names -> {
            Set<String> found = readNames(names, restaurant, rTargets);
            found.addAll(readNames(names, driver, dTargets));
            for (int i = 0; i < batch.size(); i++) {
              rows[0] += found.contains(restaurants.get(i)) && found.contains(drivers.get(i))
                  ? 1 : 0;
            }
          });
        });
    return rows[0];
  }

  /**
   * Q4 the way Popoto's API answers it: the restaurant and its orders through their indexes
   * (pipelined, to be fair), then {@code order.customer} loaded once per order.
   */
  long perRowOrdersWithCustomer(String name) {
    List<String> orders = new ArrayList<>();
    for (String r : jedis.smembers(index.valueSet(restaurant, restaurant.field("name"), name))) {
      orders.addAll(jedis.smembers(reverse("restaurant", r)));
    }
    return perRowCustomers(orders);
  }

  /** Q10 the way Popoto's API answers it: each order's customer loaded with its own trip. */
  long perRowOrdersInRangeWithCustomer(double low, double high) {
    return perRowCustomers(jedis.zrangeByScore(sorted("total"), low, high));
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
   * Q6: restaurants in batches, each with its cuisine and its reverse set of orders, then each
   * order's restaurant and total (HMGET), summed per cuisine for the orders whose hash still
   * points at the restaurant. A reverse set can hold stale members (spec 5: an order that moved
   * keeps its old restaurant's entry), so, as in Q7, the index alone cannot produce the same
   * answer in general: {@link #revenueFromIndexes} trusts it, for the report's note. Only a batch
   * of restaurants' order keys is held at a time.
   */
  long revenuePerCuisine() {
    return revenue(false).size();
  }

  /**
   * Q6 trusting the indexes: each reverse set's members all counted, each total taken from the
   * total zset (ZMSCORE) without reading the order. Counts stale members, so not a floor.
   */
  long revenueFromIndexes() {
    return revenue(true).size();
  }

  /** Q6's answer, cuisine to revenue; trusting the indexes or not. */
  Map<String, Double> revenue(boolean trustIndexes) {
    List<String> restaurants = new ArrayList<>(jedis.smembers(index.classSet(restaurant)));
    byte[] zset = bytes(sorted("total"));
    byte[] restaurantField = bytes("restaurant");
    Map<String, Double> revenue = new HashMap<>();
    for (int from = 0; from < restaurants.size(); from += RESTAURANT_BATCH) {
      List<String> batch = restaurants.subList(from,
          Math.min(restaurants.size(), from + RESTAURANT_BATCH));
      for (String r : batch) {
        pipe.send(Command.HGET, bytes(r), bytes("cuisine"));
        pipe.send(Command.SMEMBERS, bytes(reverse("restaurant", r)));
      }
      pipe.close(replies -> {
        List<String> chunkCuisines = new ArrayList<>();
        List<String> chunkRestaurants = new ArrayList<>();
        List<List<?>> chunkOrders = new ArrayList<>();
        for (String r : batch) {
          String cuisine = String.valueOf(decode(r, restaurant, "cuisine", replies.next()));
          List<?> members = (List<?>) replies.next();
          for (int m = 0; m < members.size(); m += BATCH) {
            List<?> chunk = members.subList(m, Math.min(members.size(), m + BATCH));
            if (trustIndexes) {
              byte[][] args = new byte[chunk.size() + 1][];
              args[0] = zset;
              for (int i = 0; i < chunk.size(); i++) {
                args[i + 1] = (byte[]) chunk.get(i);
              }
              pipe.send(Command.ZMSCORE, args);
            } else {
              for (Object o : chunk) {
                pipe.send(Command.HMGET, (byte[]) o, restaurantField, TOTAL);
              }
            }
            chunkCuisines.add(cuisine);
            chunkRestaurants.add(r);
            chunkOrders.add(chunk);
          }
        }
        pipe.close(scores -> {
          for (int c = 0; c < chunkCuisines.size(); c++) {
            double sum = 0;
            if (trustIndexes) {
              for (Object s : (List<?>) scores.next()) {
                sum += s == null ? 0 : Double.parseDouble(text(s));
              }
            } else {
              for (Object o : chunkOrders.get(c)) {
                List<?> v = (List<?>) scores.next();
                String orderKey = text(o);
                if (chunkRestaurants.get(c).equals(link(orderKey, "restaurant", v.get(0)))
                    && decode(orderKey, order, "total", v.get(1)) instanceof Number n) {
                  sum += n.doubleValue();
                }
              }
            }
            revenue.merge(chunkCuisines.get(c), sum, Double::sum);
          }
        });
      });
      pipe.settle();
    }
    pipe.drain();
    return revenue;
  }

  /**
   * Q7: the reverse set's members whose hash still points at the restaurant. SCARD alone would
   * count stale members too (spec 5), so it cannot produce the same answer in general; the
   * fewest commands that can are SMEMBERS and HGET batches of the relationship field.
   */
  long countOrdersOfRestaurant(String restaurantKey) {
    List<String> members = new ArrayList<>(jedis.smembers(reverse("restaurant", restaurantKey)));
    long count = countRows(members, k -> pipe.send(Command.HGET, bytes(k), bytes("restaurant")),
        (k, r) -> restaurantKey.equals(link(k, "restaurant", r.next())));
    // COUNT(*) is one row whatever the count; the count is still taken, as the driver takes it.
    return count >= 0 ? 1 : 0;
  }

  /** SCARD of the reverse set: the count when no member is stale, for the report's note. */
  long unsafeCount(String restaurantKey) {
    return jedis.scard(reverse("restaurant", restaurantKey));
  }

  /**
   * Q8: SSCAN the $Class set, HGETALL each page. Pipeline k carries the next SSCAN first and
   * the HGETALLs of the page before, so a scan costs one round trip per page; overlapped, the
   * next pipeline is written as soon as this one's SSCAN reply is in, before its rows are read.
   */
  long allOrders() {
    long[] rows = {0};
    scanPage(bytes(index.classSet(order)), bytes("0"), List.of(), rows);
    pipe.drain();
    return rows[0];
  }

  private void scanPage(byte[] classSet, byte[] cursor, List<?> previousPage, long[] rows) {
    if (cursor != null) {
      pipe.send(Command.SSCAN, classSet, cursor, bytes("COUNT"), bytes(String.valueOf(BATCH)));
    }
    for (Object k : previousPage) {
      pipe.send(Command.HGETALL, (byte[]) k);
    }
    pipe.close(r -> {
      Runnable next = () -> { };
      if (cursor != null) {
        List<?> scan = (List<?>) r.next();
        byte[] after = (byte[]) scan.get(0);
        List<?> page = (List<?>) scan.get(1);
        boolean last = text(after).equals("0");
        next = () -> {
          if (!last || !page.isEmpty()) {
            scanPage(classSet, last ? null : after, page, rows);
          }
        };
      }
      if (pipe.depth() > 1) {
        next.run();
      }
      for (Object k : previousPage) {
        rows[0] += hashRow(text(k), (List<?>) r.next()) ? 1 : 0;
      }
      if (pipe.depth() == 1) {
        next.run();
      }
    });
  }

  private long totalAndStatus(List<String> keys) {
    return countRows(keys, this::sendTotalAndStatus,
        (k, r) -> fieldsRow(k, (List<?>) r.next(), "total", "status"));
  }

  private void sendTotalAndStatus(String key) {
    pipe.send(Command.HMGET, bytes(key), TOTAL, STATUS);
  }

  /** Orders with their customer's name: HMGET batches, each followed by its customers' names. */
  private long ordersWithCustomerName(List<String> orders) {
    long[] rows = {0};
    forBatches(orders, o -> pipe.send(Command.HMGET, bytes(o), TOTAL, bytes("customer")),
        (batch, r) -> {
          List<String> customers = new ArrayList<>(batch.size());
          for (String o : batch) {
            List<?> v = (List<?>) r.next();
            keep(o, order, "total", v.get(0));
            customers.add(link(o, "customer", v.get(1)));
          }
          List<String> targets = sendNames(customers);
          pipe.close(names -> {
            Set<String> found = readNames(names, customer, targets);
            for (String c : customers) {
              rows[0] += found.contains(c) ? 1 : 0;
            }
          });
        });
    return rows[0];
  }

  private long perRowCustomers(List<String> orders) {
    long rows = 0;
    for (String c : column(orders, "customer")) {
      rows += c != null && !jedis.hgetAll(bytes(c)).isEmpty() ? 1 : 0;
    }
    return rows;
  }

  /** Writes one command (or a fixed few) per key, {@value #BATCH} keys a pipeline. */
  private void forBatches(List<String> keys, Consumer<String> write, BatchReader read) {
    for (int from = 0; from < keys.size(); from += BATCH) {
      List<String> batch = keys.subList(from, Math.min(keys.size(), from + BATCH));
      batch.forEach(write);
      pipe.close(r -> read.read(batch, r));
      pipe.settle();
    }
    pipe.drain();
  }

  private long countRows(List<String> keys, Consumer<String> write, RowReader read) {
    long[] rows = {0};
    forBatches(keys, write, (batch, r) -> {
      for (String k : batch) {
        rows[0] += read.row(k, r) ? 1 : 0;
      }
    });
    return rows[0];
  }

  @FunctionalInterface
  private interface BatchReader {
    void read(List<String> batch, InFlight.Reader replies);
  }

  @FunctionalInterface
  private interface RowReader {
    boolean row(String key, InFlight.Reader replies);
  }

  /** Writes HGET name for each distinct key; returns the keys in the order written. */
  private List<String> sendNames(List<String> keys) {
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(keys));
    distinct.remove(null);
    for (String k : distinct) {
      pipe.send(Command.HGET, bytes(k), NAME);
    }
    return distinct;
  }

  /** Reads what {@link #sendNames} wrote: the keys whose name exists. */
  private Set<String> readNames(InFlight.Reader replies, ModelDef model, List<String> keys) {
    Set<String> found = new HashSet<>();
    for (String k : keys) {
      Object raw = replies.next();
      if (raw != null) {
        found.add(k);
        keep(k, model, "name", raw);
      }
    }
    return found;
  }

  /** An HGETALL reply (field, value, field, value ...): a row unless empty. */
  private boolean hashRow(String key, List<?> flat) {
    if (flat.isEmpty()) {
      return false;
    }
    if (decodeReturned) {
      for (int i = 0; i + 1 < flat.size(); i += 2) {
        FieldDef f = order.field(text(flat.get(i)));
        if (f != null && f.hasColumn()) {
          keep(key, order, f.name(), flat.get(i + 1));
        }
      }
    }
    return true;
  }

  /** An HMGET reply of the named fields: a row unless every value is missing. */
  private boolean fieldsRow(String key, List<?> got, String... fields) {
    boolean any = false;
    for (int i = 0; i < fields.length; i++) {
      any |= got.get(i) != null;
      keep(key, order, fields[i], got.get(i));
    }
    return any;
  }

  /** Decodes a value the SQL returns, when this floor decodes them. */
  private void keep(String key, ModelDef model, String field, Object raw) {
    if (decodeReturned && raw != null && decode(key, model, field, raw) != null) {
      decoded++;
    }
  }

  /** One field of many orders, decoded as relationship keys (null when missing). */
  private List<String> column(List<String> orders, String field) {
    Pipeline p = jedis.pipelined();
    List<Response<byte[]>> got = new ArrayList<>();
    for (String o : orders) {
      got.add(p.hget(bytes(o), bytes(field)));
    }
    p.sync();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < orders.size(); i++) {
      out.add(link(orders.get(i), field, got.get(i).get()));
    }
    return out;
  }

  private String link(String orderKey, String field, Object raw) {
    return (String) decode(orderKey, order, field, raw);
  }

  private Object decode(String key, ModelDef model, String field, Object raw) {
    if (raw == null) {
      return null;
    }
    try {
      return values.decode(key, model.field(field), (byte[]) raw);
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

  private static String text(Object raw) {
    return new String((byte[]) raw, StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
