package io.popoto.sql.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.popoto.sql.catalog.Catalog;
import io.popoto.sql.catalog.FieldDef;
import io.popoto.sql.catalog.ModelDef;
import io.popoto.sql.catalog.ValueType;
import io.popoto.sql.redis.PrivateRedis;
import io.popoto.sql.testkit.RedisExtension;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.msgpack.core.MessagePack;
import org.msgpack.value.Value;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.resps.Tuple;

/** Decodes, re-keys, re-scores and re-encodes every hash of the real Popoto 0.8.3 fixture. */
@ExtendWith(RedisExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValueCodecFixtureTest {
  private final Catalog catalog = FoodDeliveryModels.catalog();
  private final ValueCodec values = new ValueCodec(catalog);
  private final KeyCodec keys = KeyCodec.forLine(catalog.formatLine());
  private final IndexKeys indexKeys = new IndexKeys(keys);
  /** key → raw hash bytes per field name. */
  private final Map<String, Map<String, byte[]>> raw = new TreeMap<>();
  /** key → decoded values per field name. */
  private final Map<String, Map<String, Object>> rows = new TreeMap<>();
  private Set<String> allKeys;
  private PrivateRedis redis;

  @BeforeAll
  void load(PrivateRedis redis) throws PopotoDecodeException {
    this.redis = redis;
    RedisExtension.loadFixture(redis);
    try (Jedis jedis = new Jedis(redis.host(), redis.port())) {
      allKeys = jedis.keys("*");
      for (String key : allKeys) {
        if (key.startsWith("$") || !jedis.type(key).equals("hash")) {
          continue;
        }
        ModelDef model = catalog.model(KeyCodec.split(key).get(0));
        Map<String, byte[]> fields = new HashMap<>();
        Map<String, Object> decoded = new HashMap<>();
        for (Map.Entry<byte[], byte[]> e
            : jedis.hgetAll(key.getBytes(StandardCharsets.UTF_8)).entrySet()) {
          String name = new String(e.getKey(), StandardCharsets.UTF_8);
          FieldDef field = model.field(name);
          assertNotNull(field, key + " has undeclared field " + name);
          fields.put(name, e.getValue());
          decoded.put(name, values.decode(key, field, e.getValue()));
        }
        assertEquals(model.fields().size(), fields.size(), "every field stored in " + key);
        raw.put(key, fields);
        rows.put(key, decoded);
      }
    }
  }

  private Map<String, Object> row(String key) {
    Map<String, Object> r = rows.get(key);
    assertNotNull(r, key);
    return r;
  }

  @Test
  void decodesEveryFieldOfEveryHashWithTheValuesExpectedMdLists() {
    assertEquals(32, rows.size());
    Map<String, Object> cafe = row("Restaurant:Zürich:Café Zürich{&#58;} Bar/-Grill");
    assertEquals("Café Zürich: Bar-Grill", cafe.get("name"));
    assertEquals(LocalTime.of(10, 15, 30, 250_000_000), cafe.get("opens_at"));
    assertEquals("{}", cafe.get("hours"));
    assertEquals("[\"fondue\",\"käse\"]", cafe.get("tags"));
    assertEquals(LocalDate.of(2001, 9, 9), cafe.get("opened_on"));
    assertEquals(new GeoPoint(47.3769, 8.5417), cafe.get("location"));
    assertEquals(4.2, cafe.get("rating"));
    assertEquals(3L, cafe.get("price_level"));
    Map<String, Object> burger = row("Restaurant:New York:Burger Palace");
    assertArrayEquals(new byte[] {(byte) 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a},
        (byte[]) burger.get("logo"));
    assertEquals(new GeoPoint(40.7128, -74.006), burger.get("location"));
    Map<String, Object> ghost = row("Restaurant:New York:Ghost Kitchen/*");
    assertNull(ghost.get("location"));
    assertEquals(false, ghost.get("active"));
    assertEquals("Winston-Salem", row("Restaurant:Winston/-Salem:Taco/-Town 24//7").get("city"));

    Map<String, Object> zoe = row("Customer:zoe@example.com:zoë");
    assertEquals("Zoë Ångström 🍣", zoe.get("name"));
    assertNull(zoe.get("address"));
    assertEquals("jean-luc", row("Customer:jean/-luc.picard@starfleet.example:jean/-luc")
        .get("username"));

    assertEquals(new BigDecimal("1234.5"),
        row("Driver:db2fe5afc9224e35a12e2917e78698a8:555/-0101").get("earnings"));
    assertEquals("0.0", ((BigDecimal) row("Driver:2aca5ae00f714a46ad1bd2ab54da4521:+41 44 555 01 03")
        .get("earnings")).toPlainString());
    assertEquals(4.95,
        row("Driver:2aca5ae00f714a46ad1bd2ab54da4521:+41 44 555 01 03").get("rating"));

    Map<String, Object> o1 = row("Order:4c5408e637e841c2a29660dd9818ba3c");
    assertEquals("3.00", ((BigDecimal) o1.get("tip")).toString());
    assertEquals(17.49, o1.get("total"));
    assertEquals(LocalDateTime.of(2024, 5, 1, 12, 30), o1.get("deliver_by"));
    assertEquals("Driver:db2fe5afc9224e35a12e2917e78698a8:555/-0101", o1.get("driver"));
    Map<String, Object> o2 = row("Order:467cde436c264e62a4e4cdcdfb69c3d1");
    assertEquals(LocalDateTime.of(2024, 5, 1, 19, 0, 0, 123_456_000), o2.get("deliver_by"));
    assertNull(o2.get("driver"));
    assertNull(o2.get("tip"));
    assertEquals("0.10", row("Order:66c762af74a6476d8b3ef1ad2dcaf23e").get("tip").toString());
    assertEquals("Customer:carol@example.com:carol{&#58;}old",
        row("Order:7f64028065904aacac757c14f201f1e1").get("customer"));
    assertEquals("Restaurant:Zürich:Café Zürich{&#58;} Bar/-Grill",
        row("Order:25bdff496bee4a38b6cfd2e8686641c3").get("restaurant"));
    double sum = rows.entrySet().stream().filter(e -> e.getKey().startsWith("Order:"))
        .mapToDouble(e -> (Double) e.getValue().get("total")).sum();
    assertEquals(133.74, sum, 1e-9);
    assertEquals(8.0, row("DriverShift:555/-0101:2024/-05/-01").get("hours"));
    assertEquals(LocalDate.of(2024, 5, 1),
        row("DriverShift:555/-0101:2024/-05/-01").get("shift_date"));
    long misoTuples = rows.values().stream().filter(r -> "[250]".equals(r.get("size_ml"))).count();
    assertEquals(1, misoTuples);
  }

  @Test
  void instanceKeyRebuildsEveryHashKeyAndKeySegmentsDecodeThem() {
    for (Map.Entry<String, Map<String, Object>> e : rows.entrySet()) {
      ModelDef model = catalog.model(KeyCodec.split(e.getKey()).get(0));
      assertEquals(e.getKey(), keys.instanceKey(model, e.getValue()));
      assertTrue(keys.isInstanceKey(model, e.getKey()));
      Map<String, String> segments = keys.keySegments(model, e.getKey());
      for (FieldDef kf : model.keyFields()) {
        assertEquals(keys.render(e.getValue().get(kf.name()), kf.type()),
            segments.get(kf.name()), e.getKey() + " " + kf.name());
      }
    }
    ModelDef restaurant = catalog.model("Restaurant");
    assertEquals(Map.of("city", "Winston-Salem", "name", "Taco-Town 24/7"),
        keys.keySegments(restaurant, "Restaurant:Winston/-Salem:Taco/-Town 24//7"));
    assertEquals("Café Zürich: Bar-Grill", keys.keySegments(restaurant,
        "Restaurant:Zürich:Café Zürich{&#58;} Bar/-Grill").get("name"));
    assertNull(keys.keySegments(restaurant, "Restaurant:only-one"));
  }

  @Test
  void indexKeyNamesMatchTheFixture() {
    ModelDef restaurant = catalog.model("Restaurant");
    ModelDef customer = catalog.model("Customer");
    ModelDef order = catalog.model("Order");
    List<String> expected = List.of(
        indexKeys.valueSet(restaurant, restaurant.field("city"), "Winston-Salem"),
        indexKeys.sortedSet(restaurant, restaurant.field("price_level"), List.of("New York")),
        indexKeys.valueSet(customer, customer.field("email"), "carol@example.com"),
        indexKeys.valueSet(customer, customer.field("username"), "carol:old"),
        indexKeys.sortedSet(catalog.model("DriverShift"),
            catalog.model("DriverShift").field("shift_date"), List.of()),
        indexKeys.reverseSet(order, order.field("restaurant"),
            "Restaurant:Zürich:Café Zürich{&#58;} Bar/-Grill"),
        indexKeys.geoSet(restaurant, restaurant.field("location")),
        indexKeys.classSet(order));
    assertEquals(List.of("$KeyF:Restaurant:city:Winston/-Salem",
        "$SortF:Restaurant:price_level:New York", "$UniqueKeyF:Customer:email:carol@example.com",
        "$KeyF:Customer:username:carol{&#58;}old", "$SortedKeyF:DriverShift:shift_date",
        "$RelationshipF:Order:restaurant:Restaurant:Zürich:Café Zürich{&#58;} Bar/-Grill",
        "$GeoF:Restaurant:location", "$Class:Order"), expected);
    for (String k : expected) {
      assertTrue(allKeys.contains(k), k);
    }
    // Every index key derivable from a live row exists in Redis.
    for (Map.Entry<String, Map<String, Object>> e : rows.entrySet()) {
      ModelDef model = catalog.model(KeyCodec.split(e.getKey()).get(0));
      for (FieldDef f : model.fields()) {
        Object v = e.getValue().get(f.name());
        String name = switch (f.fieldClass().indexKind()) {
          case VALUE_SET -> indexKeys.valueSet(model, f, v);
          case SORTED_SET -> indexKeys.sortedSet(model, f, partitionValues(model, f, e.getValue()));
          case REVERSE_SET -> v == null ? null : indexKeys.reverseSet(model, f, (String) v);
          case GEO -> v == null ? null : indexKeys.geoSet(model, f);
          default -> null;
        };
        if (name != null) {
          assertTrue(allKeys.contains(name), name);
        }
      }
    }
  }

  private static List<Object> partitionValues(ModelDef model, FieldDef f, Map<String, Object> r) {
    List<Object> out = new ArrayList<>();
    for (String p : f.partitionBy()) {
      out.add(r.get(p));
    }
    return out;
  }

  @Test
  void scoresEqualEveryZscoreOfRowsThatHoldTheValue() {
    ScoreCodec scores = new ScoreCodec(catalog);
    int checked = 0;
    try (Jedis jedis = new Jedis(redis.host(), redis.port())) {
      for (String z : allKeys) {
        if (!z.startsWith("$SortF:") && !z.startsWith("$SortedKeyF:")) {
          continue;
        }
        List<String> parts = KeyCodec.split(z);
        ModelDef model = catalog.model(parts.get(1));
        FieldDef field = model.field(parts.get(2));
        for (Tuple t : jedis.zrangeWithScores(z, 0, -1)) {
          Map<String, Object> r = rows.get(t.getElement());
          if (r == null || !z.equals(indexKeys.sortedSet(model, field,
              partitionValues(model, field, r)))) {
            continue;
          }
          Object v = r.get(field.name());
          checked++;
          assertEquals(t.getScore(), scores.score(field, v), z + " " + t.getElement());
        }
      }
      assertEquals(1714590000.123456,
          scores.score(catalog.model("Order").field("deliver_by"),
              rows.get("Order:467cde436c264e62a4e4cdcdfb69c3d1").get("deliver_by")));
      assertEquals(739007.0, scores.score(catalog.model("DriverShift").field("shift_date"),
          LocalDate.of(2024, 5, 1)));
      // 11 MenuItem prices, 5+5 Restaurant ratings/price levels, 3+3 Driver ratings/earnings,
      // 3 shift dates, 6+6 Order totals/deliver_by: every member of a live row.
      assertEquals(42, checked);
    }
  }

  @Test
  void encoderReproducesEveryStoredByte() throws Exception {
    ValueEncoder encoder = new ValueEncoder(catalog.formatLine());
    int fields = 0;
    for (Map.Entry<String, Map<String, byte[]>> e : raw.entrySet()) {
      ModelDef model = catalog.model(KeyCodec.split(e.getKey()).get(0));
      for (Map.Entry<String, byte[]> f : e.getValue().entrySet()) {
        FieldDef field = model.field(f.getKey());
        Object input = encoderInput(field, f.getValue(), rows.get(e.getKey()).get(f.getKey()));
        assertArrayEquals(f.getValue(), encoder.encode(field, input),
            e.getKey() + " " + f.getKey());
        fields++;
      }
    }
    assertTrue(fields > 250, "fields checked: " + fields);
  }

  /** Scalars come from the decoded value; containers from the stored msgpack, in stored order. */
  private static Object encoderInput(FieldDef field, byte[] bytes, Object decoded)
      throws Exception {
    ValueType t = field.type();
    if (t != ValueType.LIST && t != ValueType.DICT && t != ValueType.SET
        && t != ValueType.TUPLE) {
      return decoded;
    }
    Value v = MessagePack.newDefaultUnpacker(bytes).unpackValue();
    if (v.isNilValue()) {
      return null;
    }
    Envelope env = Envelope.of(v);
    Object plain = toJava(env == null ? v : env.payload());
    return t == ValueType.SET ? new LinkedHashSet<>((List<?>) plain) : plain;
  }

  private static Object toJava(Value v) {
    switch (v.getValueType()) {
      case NIL: return null;
      case BOOLEAN: return v.asBooleanValue().getBoolean();
      case INTEGER: return v.asIntegerValue().toLong();
      case FLOAT: return v.asFloatValue().toDouble();
      case STRING: return v.asStringValue().asString();
      case BINARY: return v.asBinaryValue().asByteArray();
      case ARRAY: {
        List<Object> out = new ArrayList<>();
        for (Value e : v.asArrayValue()) {
          out.add(toJava(e));
        }
        return out;
      }
      case MAP: {
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Map.Entry<Value, Value> e : v.asMapValue().entrySet()) {
          out.put(toJava(e.getKey()), toJava(e.getValue()));
        }
        return out;
      }
      default: throw new IllegalArgumentException(v.toString());
    }
  }
}
