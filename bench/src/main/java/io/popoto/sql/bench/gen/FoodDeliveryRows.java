package io.popoto.sql.bench.gen;

import io.popoto.sql.codec.GeoPoint;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Field values for the food-delivery models, drawn from one seeded Random so a seed always gives
 * the same data. Values are the Java types ValueEncoder takes (spec 3).
 */
final class FoodDeliveryRows {
  private static final String[] CITIES = {"New York", "Zürich", "Winston-Salem", "Austin",
      "Lyon", "Osaka", "Porto", "Kraków"};
  private static final double[][] CITY_CENTERS = {{40.71, -74.0}, {47.37, 8.54},
      {36.1, -80.24}, {30.27, -97.74}, {45.76, 4.84}, {34.69, 135.5}, {41.15, -8.61},
      {50.06, 19.94}};
  static final String[] CUISINES = {"American", "Japanese", "Mexican", "Italian", "Swiss",
      "Indian", "Thai", "French", "Chinese", "Greek"};
  private static final String[] STATUSES = {"delivered", "delivered", "delivered", "pending",
      "cancelled", "en_route"};
  private static final String[] DISHES = {"Burger", "Nigiri", "Taco", "Pizza", "Fondue",
      "Curry", "Pad Thai", "Crêpe", "Dumplings", "Gyro"};
  private static final LocalDateTime START = LocalDateTime.of(2024, 1, 1, 0, 0);

  private final Random random;

  FoodDeliveryRows(Random random) {
    this.random = random;
  }

  /** A Python uuid4().hex look-alike, from the seeded Random. */
  String autoKey() {
    return String.format("%016x%016x", random.nextLong(), random.nextLong());
  }

  Map<String, Object> restaurant(int i) {
    int city = i % CITIES.length;
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("name", "Restaurant " + i + " " + DISHES[i % DISHES.length]);
    r.put("city", CITIES[city]);
    r.put("cuisine", CUISINES[random.nextInt(CUISINES.length)]);
    r.put("rating", round(1 + random.nextDouble() * 4, 1));
    r.put("price_level", (long) (1 + random.nextInt(4)));
    r.put("location", near(CITY_CENTERS[city], i % 97 == 0));
    r.put("active", random.nextInt(10) > 0);
    r.put("opened_on", LocalDate.of(2000, 1, 1).plusDays(random.nextInt(9000)));
    r.put("opens_at", LocalTime.of(6 + random.nextInt(6), random.nextBoolean() ? 0 : 30));
    r.put("avg_ticket", cents(8 + random.nextDouble() * 60));
    r.put("tags", List.of(DISHES[i % DISHES.length].toLowerCase(), "tag" + random.nextInt(20)));
    Map<String, Object> hours = new LinkedHashMap<>();
    hours.put("mon", List.of("11:00", "22:00"));
    hours.put("sun", random.nextBoolean() ? null : List.of("12:00", "20:00"));
    r.put("hours", hours);
    r.put("logo", random.nextInt(4) == 0 ? new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) i}
        : null);
    return r;
  }

  Map<String, Object> customer(int i) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("username", "user" + i);
    c.put("email", "user" + i + "@example.com");
    c.put("name", "Customer " + i);
    c.put("address", near(CITY_CENTERS[i % CITY_CENTERS.length], i % 13 == 0));
    c.put("vip", random.nextInt(20) == 0);
    c.put("birthday", random.nextInt(3) == 0 ? null
        : LocalDate.of(1950, 1, 1).plusDays(random.nextInt(20000)));
    c.put("preferences", Map.of("spicy", random.nextBoolean()));
    return c;
  }

  Map<String, Object> driver(int i) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("driver_id", autoKey());
    d.put("name", "Driver " + i);
    d.put("phone", String.format("555-%05d", i));
    d.put("rating", round(3 + random.nextDouble() * 2, 2));
    d.put("earnings", cents(random.nextDouble() * 5000));
    d.put("location", near(CITY_CENTERS[i % CITY_CENTERS.length], false));
    d.put("active", random.nextInt(5) > 0);
    d.put("shift_start", LocalTime.of(random.nextInt(24), 0));
    return d;
  }

  Map<String, Object> driverShift(String phone, int day) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("driver_phone", phone);
    s.put("shift_date", LocalDate.of(2024, 5, 1).plusDays(day));
    s.put("hours", round(4 + random.nextDouble() * 6, 1));
    s.put("zone", "Zone " + random.nextInt(12));
    return s;
  }

  Map<String, Object> menuItem(String restaurantKey, String comboOf) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("item_id", autoKey());
    m.put("name", DISHES[random.nextInt(DISHES.length)] + " " + random.nextInt(100));
    m.put("price", round(2 + random.nextDouble() * 40, 2));
    m.put("restaurant", restaurantKey);
    m.put("available", random.nextInt(10) > 0);
    m.put("calories", random.nextInt(4) == 0 ? null : (long) (100 + random.nextInt(1200)));
    m.put("allergens", random.nextBoolean() ? List.of("gluten") : List.of());
    m.put("size_ml", List.of((long) (200 + random.nextInt(600))));
    m.put("combo_includes", comboOf);
    return m;
  }

  Map<String, Object> order(String customerKey, String restaurantKey, String driverKey,
      List<String> items) {
    Map<String, Object> o = new LinkedHashMap<>();
    LocalDateTime created = START.plusSeconds(random.nextInt(365 * 24 * 3600))
        .plusNanos(random.nextInt(1_000_000) * 1000L);
    o.put("order_id", autoKey());
    o.put("customer", customerKey);
    o.put("restaurant", restaurantKey);
    o.put("driver", driverKey);
    o.put("total", round(5 + random.nextDouble() * 95, 2));
    o.put("deliver_by", created.plusMinutes(30 + random.nextInt(60)));
    o.put("tip", cents(random.nextDouble() * 10));
    o.put("status", STATUSES[random.nextInt(STATUSES.length)]);
    o.put("items", new ArrayList<>(items));
    o.put("note", random.nextInt(10) == 0 ? "ring twice" : null);
    o.put("created_at", created);
    o.put("updated_at", created.plusMinutes(random.nextInt(120)));
    return o;
  }

  private GeoPoint near(double[] center, boolean none) {
    if (none) {
      return null;
    }
    return new GeoPoint(round(center[0] + (random.nextDouble() - 0.5) * 0.2, 5),
        round(center[1] + (random.nextDouble() - 0.5) * 0.2, 5));
  }

  private static BigDecimal cents(double v) {
    return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
  }

  private static double round(double v, int digits) {
    return BigDecimal.valueOf(v).setScale(digits, RoundingMode.HALF_UP).doubleValue();
  }
}
