package io.popoto.sql.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.popoto.sql.redis.PrivateRedis;
import io.popoto.sql.testkit.RedisExtension;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The facts of the fixture's expected.md, asked as SQL through the driver. */
@ExtendWith(RedisExtension.class)
class FixtureFactsTest {
  static final String O1 = "Order:4c5408e637e841c2a29660dd9818ba3c";
  static final String O2 = "Order:467cde436c264e62a4e4cdcdfb69c3d1";
  static final String O3 = "Order:25bdff496bee4a38b6cfd2e8686641c3";
  static final String O4 = "Order:d4862c64822d44fdb985f16a8ce23390";
  static final String O5 = "Order:7f64028065904aacac757c14f201f1e1";
  static final String O7 = "Order:66c762af74a6476d8b3ef1ad2dcaf23e";

  static final String WITHIN_10_KM = "SELECT name FROM Restaurant "
      + "WHERE popoto_within(location_latitude, location_longitude, 40.7128, -74.0060, 10) "
      + "ORDER BY name";

  private static Connection db;

  @BeforeAll
  static void connect(PrivateRedis redis) throws SQLException {
    RedisExtension.loadFixture(redis);
    db = FoodDelivery.connect(redis, true);
  }

  @AfterAll
  static void close() throws SQLException {
    db.close();
  }

  @Test
  void customerCountIgnoresTheStaleClassMember() throws SQLException {
    assertEquals(4L, single("SELECT COUNT(*) FROM Customer"));
  }

  @Test
  void perTableCounts() throws SQLException {
    Map<String, Long> expected = Map.of("Restaurant", 5L, "MenuItem", 11L, "Customer", 4L,
        "Driver", 3L, "DriverShift", 3L, "\"Order\"", 6L);
    for (Map.Entry<String, Long> e : expected.entrySet()) {
      assertEquals(e.getValue(), single("SELECT COUNT(*) FROM " + e.getKey()), e.getKey());
    }
  }

  @Test
  void ordersPerRestaurantInnerJoinDropsTheDanglingOrder() throws SQLException {
    // Correlated counts rather than GROUP BY, so the facts do not depend on grouping.
    assertEquals(Map.of("Burger Palace", 1L, "Sushi Zen", 2L, "Café Zürich: Bar-Grill", 1L,
            "Taco-Town 24/7", 1L, "Ghost Kitchen*", 0L),
        pairs("SELECT r.name, (SELECT COUNT(*) FROM \"Order\" o WHERE o.restaurant = r._key) "
            + "FROM Restaurant r"));
    assertEquals(5L, single(
        "SELECT COUNT(*) FROM \"Order\" o JOIN Restaurant r ON o.restaurant = r._key"));
  }

  @Test
  void leftJoinGivesNullRestaurantColumnsForTheDanglingOrder() throws SQLException {
    List<List<Object>> rows = rows("SELECT o._key, r.name, r.city FROM \"Order\" o "
        + "LEFT JOIN Restaurant r ON o.restaurant = r._key WHERE r._key IS NULL");
    assertEquals(List.of(java.util.Arrays.asList(O5, null, null)), rows);
    assertEquals(6L, single(
        "SELECT COUNT(*) FROM \"Order\" o LEFT JOIN Restaurant r ON o.restaurant = r._key"));
  }

  @Test
  void ordersPerDriverComeFromTheHashNotTheStaleReverseIndex() throws SQLException {
    assertEquals(Map.of("Alex", 2L, "Bianca", 1L, "Chen", 1L),
        pairs("SELECT d.name, (SELECT COUNT(*) FROM \"Order\" o WHERE o.driver = d._key) "
            + "FROM Driver d"));
    assertEquals(List.of(List.of(O7)), rows("SELECT _key FROM \"Order\" "
        + "WHERE driver = 'Driver:217cde2006ac424695eff2c74c406f9a:555/-0102'"));
    assertEquals(2L, single("SELECT COUNT(*) FROM \"Order\" WHERE driver IS NULL"));
  }

  @Test
  void ordersPerCustomer() throws SQLException {
    assertEquals(Map.of("janedoe", 2L, "jean-luc", 2L, "zoë", 1L, "carol", 0L),
        pairs("SELECT c.username, (SELECT COUNT(*) FROM \"Order\" o WHERE o.customer = c._key) "
            + "FROM Customer c"));
    assertEquals(List.of(List.of(O5)), rows("SELECT o._key FROM \"Order\" o "
        + "LEFT JOIN Customer c ON o.customer = c._key WHERE c._key IS NULL"));
  }

  @Test
  void menuItemsPerRestaurant() throws SQLException {
    assertEquals(Map.of("Burger Palace", 4L, "Sushi Zen", 3L, "Café Zürich: Bar-Grill", 1L,
            "Taco-Town 24/7", 1L, "Ghost Kitchen*", 1L),
        pairs("SELECT r.name, (SELECT COUNT(*) FROM MenuItem m WHERE m.restaurant = r._key) "
            + "FROM Restaurant r"));
    assertEquals(List.of(List.of("Pancakes")), rows("SELECT m.name FROM MenuItem m "
        + "LEFT JOIN Restaurant r ON m.restaurant = r._key WHERE r._key IS NULL"));
  }

  @Test
  void comboSelfJoinAndTwoHopChain() throws SQLException {
    assertEquals(Map.of("Burger Combo", "Classic Burger", "Mega Combo", "Burger Combo",
            "Bento Combo", "Salmon Nigiri"),
        pairs("SELECT m.name, t.name FROM MenuItem m JOIN MenuItem t ON m.combo_includes = t._key"));
    assertEquals(List.of(List.of("Classic Burger")), rows("SELECT c.name FROM MenuItem a "
        + "JOIN MenuItem b ON a.combo_includes = b._key "
        + "JOIN MenuItem c ON b.combo_includes = c._key WHERE a.name = 'Mega Combo'"));
  }

  @Test
  void totalsSumMaxMin() throws SQLException {
    List<Object> row = rows("SELECT SUM(total), MAX(total), MIN(total) FROM \"Order\"").get(0);
    assertEquals(133.74, (Double) row.get(0), 1e-9);
    assertEquals(48.0, row.get(1));
    assertEquals(7.25, row.get(2));
  }

  @Test
  void sortedFieldRanges() throws SQLException {
    assertEquals(List.of(O3, O2, O7),
        column("SELECT _key FROM \"Order\" WHERE total > 20 ORDER BY total DESC"));
    assertEquals(List.of(O1, O2, O3), column("SELECT _key FROM \"Order\" "
        + "WHERE deliver_by < TIMESTAMP '2024-05-03 00:00:00' ORDER BY deliver_by"));
    assertEquals(List.of("Burger Palace", "Sushi Zen"),
        column("SELECT name FROM Restaurant WHERE rating >= 4.5 ORDER BY name"));
    assertEquals(List.of("Alex", "Chen"),
        column("SELECT name FROM Driver WHERE rating >= 4.8 ORDER BY name"));
    assertEquals(List.of("Burger Palace", "Ghost Kitchen*"), column("SELECT name FROM Restaurant "
        + "WHERE price_level <= 2 AND city = 'New York' ORDER BY name"));
  }

  @Test
  void geoRadius() throws SQLException {
    String sql = WITHIN_10_KM;
    String known = KnownIssues.reason("*", sql);
    assumeTrue(known == null, known);
    assertEquals(List.of("Burger Palace", "Sushi Zen"), column(sql));
  }

  @Test
  void missingGeoPointIsNull() throws SQLException {
    assertEquals(List.of("zoë"),
        column("SELECT username FROM Customer WHERE address_latitude IS NULL"));
  }

  @Test
  void escapedKeySegmentsDecodeToTheHashValues() throws SQLException {
    assertEquals(List.of(List.of("Winston-Salem", "Taco-Town 24/7")), rows("SELECT city, name "
        + "FROM Restaurant WHERE _key = 'Restaurant:Winston/-Salem:Taco/-Town 24//7'"));
    assertEquals(List.of("Café Zürich: Bar-Grill"), column("SELECT name FROM Restaurant "
        + "WHERE _key = 'Restaurant:Zürich:Café Zürich{&#58;} Bar/-Grill'"));
  }

  @Test
  void unicodeSurvives() throws SQLException {
    assertEquals(List.of("Zoë Ångström 🍣"),
        column("SELECT name FROM Customer WHERE _key = 'Customer:zoe@example.com:zoë'"));
  }

  @Test
  void valueTypes() throws SQLException {
    try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(
        "SELECT logo FROM Restaurant WHERE name = 'Burger Palace'")) {
      assertTrue(rs.next());
      assertArrayEquals(new byte[] {(byte) 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a},
          rs.getBytes(1));
    }
    List<Object> zurich = rows("SELECT hours, tags, opens_at FROM Restaurant "
        + "WHERE city = 'Zürich'").get(0);
    assertEquals("{}", zurich.get(0));
    assertEquals("[\"fondue\",\"käse\"]", zurich.get(1)); // set elements sorted for stability
    assertEquals(LocalTime.of(10, 15, 30, 250_000_000), zurich.get(2));
  }

  @Test
  void decimalsCarryTheCatalogsDecimalPlaces() throws SQLException {
    Map<String, String> tips = new TreeMap<>();
    try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(
        "SELECT _key, tip FROM \"Order\" WHERE tip IS NOT NULL")) {
      while (rs.next()) {
        BigDecimal tip = rs.getBigDecimal(2);
        assertEquals(tip.toPlainString(), rs.getString(2));
        tips.put(rs.getString(1), tip.toPlainString());
      }
    }
    // decimal_places 2 in the sample's catalog: 5.5 as stored reads as 5.50.
    assertEquals(Map.of(O1, "3.00", O3, "5.50", O7, "0.10"), tips);
    Map<String, String> earnings = new TreeMap<>();
    try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(
        "SELECT name, earnings FROM Driver")) {
      while (rs.next()) {
        assertEquals(rs.getBigDecimal(2).toPlainString(), rs.getString(2));
        earnings.put(rs.getString(1), rs.getString(2));
      }
    }
    // A SortedField Decimal stores float text ("1234.5", "0.0"): the declared scale restores it.
    assertEquals(Map.of("Alex", "1234.50", "Bianca", "980.25", "Chen", "0.00"), earnings);
  }

  @Test
  void driverShiftDates() throws SQLException {
    assertEquals(List.of(
            List.of("555-0101", LocalDate.of(2024, 5, 1), 8.0),
            List.of("555-0101", LocalDate.of(2024, 5, 2), 6.5),
            List.of("555-0102", LocalDate.of(2024, 5, 1), 7.0)),
        rows("SELECT driver_phone, shift_date, hours FROM DriverShift "
            + "ORDER BY driver_phone, shift_date"));
  }

  @Test
  void deliverByOfO2KeepsMilliseconds() throws SQLException {
    // Popoto stored 19:00:00.123456; TIMESTAMP(3) keeps milliseconds, so the microseconds go.
    assertEquals(List.of(LocalDateTime.of(2024, 5, 1, 19, 0, 0, 123_000_000)),
        column("SELECT deliver_by FROM \"Order\" WHERE _key = '" + O2 + "'"));
  }

  private static Object single(String sql) throws SQLException {
    List<List<Object>> rows = rows(sql);
    assertEquals(1, rows.size(), sql);
    return rows.get(0).get(0);
  }

  private static List<Object> column(String sql) throws SQLException {
    List<Object> values = new ArrayList<>();
    for (List<Object> row : rows(sql)) {
      values.add(row.get(0));
    }
    return values;
  }

  private static Map<Object, Object> pairs(String sql) throws SQLException {
    Map<Object, Object> map = new java.util.HashMap<>();
    for (List<Object> row : rows(sql)) {
      assertNull(map.put(row.get(0), row.get(1)), "duplicate " + row.get(0) + " in " + sql);
    }
    return map;
  }

  private static List<List<Object>> rows(String sql) throws SQLException {
    return Differential.run(db, sql);
  }
}
