package io.popoto.sql.bench.gen;

import io.popoto.sql.catalog.Catalog;
import io.popoto.sql.catalog.CatalogException;
import io.popoto.sql.catalog.CatalogReader;
import io.popoto.sql.catalog.ModelDef;
import io.popoto.sql.testkit.NativeWriter;
import io.popoto.sql.testkit.Pipe;
import io.popoto.sql.testkit.RowSink;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import redis.clients.jedis.Jedis;

/**
 * Generates the food-delivery sample at scale in Popoto's native layout. Orders are skewed: a
 * Zipf draw picks restaurants and customers, and about a third have no driver.
 */
public final class FoodDeliveryGenerator {
  public static final String CATALOG = "classpath:popoto-sql/samples/food-delivery/catalog.json";
  private static final int ORDER_SAMPLE = 5_000;

  private final Catalog catalog;
  private final GenerationOptions options;
  private final Progress progress;
  private final List<RowSink> extraSinks = new ArrayList<>();

  public FoodDeliveryGenerator(GenerationOptions options, Progress progress) {
    this.catalog = loadCatalog();
    this.options = options;
    this.progress = progress;
  }

  public static Catalog loadCatalog() {
    try {
      return CatalogReader.load(CATALOG);
    } catch (CatalogException e) {
      throw new IllegalStateException("bundled sample catalog is unreadable", e);
    }
  }

  /** Also hands every row to this sink (e.g. the PostgreSQL baseline loader). */
  public FoodDeliveryGenerator alsoTo(RowSink sink) {
    extraSinks.add(sink);
    return this;
  }

  /** Connects to {@code redis://host:port[/db]} and generates there. */
  public GeneratedData generate(URI redis) {
    try (Jedis jedis = new Jedis(redis)) {
      return generate(jedis);
    }
  }

  public GeneratedData generate(Jedis jedis) {
    long start = System.nanoTime();
    Random random = new Random(options.seed());
    FoodDeliveryRows rows = new FoodDeliveryRows(random);
    Map<String, Integer> counts = new LinkedHashMap<>();
    try (Pipe pipe = new Pipe(jedis, Pipe.DEFAULT_BATCH)) {
      NativeWriter writer = new NativeWriter(catalog, pipe);
      FaultInjector faults = new FaultInjector(options.faultRate(), random, writer);
      Writer out = new Writer(writer, counts);

      List<String> restaurantKeys = new ArrayList<>();
      List<String> restaurantNames = new ArrayList<>();
      ModelDef restaurant = catalog.model("Restaurant");
      for (int i = 0; i < options.restaurants(); i++) {
        Map<String, Object> r = rows.restaurant(i);
        restaurantKeys.add(out.write(restaurant, r));
        restaurantNames.add((String) r.get("name"));
        progress.update("restaurants", i + 1, options.restaurants());
      }
      List<String> customerKeys = new ArrayList<>();
      ModelDef customer = catalog.model("Customer");
      for (int i = 0; i < options.customers(); i++) {
        customerKeys.add(out.write(customer, rows.customer(i)));
        progress.update("customers", i + 1, options.customers());
      }
      List<String> driverKeys = new ArrayList<>();
      ModelDef driver = catalog.model("Driver");
      ModelDef shift = catalog.model("DriverShift");
      for (int i = 0; i < options.drivers(); i++) {
        Map<String, Object> d = rows.driver(i);
        driverKeys.add(out.write(driver, d));
        out.write(shift, rows.driverShift((String) d.get("phone"), i % 7));
        progress.update("drivers", i + 1, options.drivers());
      }
      List<String> menuKeys = new ArrayList<>();
      ModelDef menuItem = catalog.model("MenuItem");
      for (int i = 0; i < options.menuItems(); i++) {
        String combo = i % 50 == 49 ? menuKeys.get(i - 1) : null;
        menuKeys.add(out.write(menuItem,
            rows.menuItem(restaurantKeys.get(i % restaurantKeys.size()), combo)));
        progress.update("menu items", i + 1, options.menuItems());
      }

      List<String> orderSample = new ArrayList<>();
      ModelDef order = catalog.model("Order");
      Zipf hotRestaurants = new Zipf(restaurantKeys.size(), 1.0);
      Zipf hotCustomers = new Zipf(customerKeys.size(), 0.8);
      for (int i = 0; i < options.orders(); i++) {
        String customerKey = faults.strikes() ? faults.danglingCustomer()
            : customerKeys.get(hotCustomers.next(random));
        String driverKey = random.nextInt(3) == 0 ? null
            : driverKeys.get(random.nextInt(driverKeys.size()));
        List<String> items = new ArrayList<>();
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
          items.add(menuKeys.get(random.nextInt(menuKeys.size())));
        }
        Map<String, Object> o = rows.order(customerKey,
            restaurantKeys.get(hotRestaurants.next(random)), driverKey, items);
        String key = out.write(order, o);
        if (orderSample.size() < ORDER_SAMPLE) {
          orderSample.add(key);
        }
        if (faults.strikes()) {
          faults.staleReverseMember(order, key, restaurantKeys, driverKeys);
        }
        if (faults.strikes()) {
          faults.classMemberWithoutHash(order, rows.autoKey());
        }
        progress.update("orders", i + 1, options.orders());
      }
      pipe.flush();
      for (RowSink sink : extraSinks) {
        sink.finish();
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      return new GeneratedData(restaurantKeys, restaurantNames, customerKeys, driverKeys,
          orderSample, counts, faults.injected(), pipe.commandsSent(), millis);
    }
  }

  /** Writes a row to Redis and the extra sinks, and counts it. */
  private final class Writer {
    private final NativeWriter redis;
    private final Map<String, Integer> counts;

    Writer(NativeWriter redis, Map<String, Integer> counts) {
      this.redis = redis;
      this.counts = counts;
    }

    String write(ModelDef model, Map<String, Object> values) {
      String key = redis.instanceKey(model, values);
      redis.accept(model, key, values);
      for (RowSink sink : extraSinks) {
        sink.accept(model, key, values);
      }
      counts.merge(model.name(), 1, Integer::sum);
      return key;
    }
  }
}
