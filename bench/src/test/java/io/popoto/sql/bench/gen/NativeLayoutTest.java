package io.popoto.sql.bench.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.popoto.sql.catalog.Catalog;
import io.popoto.sql.catalog.FieldDef;
import io.popoto.sql.catalog.ModelDef;
import io.popoto.sql.catalog.ValueType;
import io.popoto.sql.codec.ValueCodec;
import io.popoto.sql.redis.PrivateRedis;
import io.popoto.sql.testkit.NativeWriter;
import io.popoto.sql.testkit.Pipe;
import io.popoto.sql.testkit.RedisExtension;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;

/**
 * Feeds the writer the live rows of the fixture Popoto 0.8.3 wrote (database 0) and checks that
 * what it writes to database 1 is what Popoto wrote: same keys, members, scores and bytes. The
 * fixture's stale and deleted artifacts are extra members there, so ours must be a subset.
 */
@ExtendWith(RedisExtension.class)
class NativeLayoutTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<ValueType> JSON_DECODED =
      Set.of(ValueType.LIST, ValueType.DICT, ValueType.TUPLE, ValueType.SET);

  @Test
  void reproducesTheFixtureLayoutFromItsLiveRows(PrivateRedis redis) throws Exception {
    RedisExtension.loadFixture(redis);
    Catalog catalog = FoodDeliveryGenerator.loadCatalog();
    ValueCodec codec = new ValueCodec(catalog);
    List<String> mismatches = new ArrayList<>();
    Map<String, Integer> checked = new TreeMap<>();
    try (Jedis fixture = new Jedis(redis.host(), redis.port());
         Jedis ours = new Jedis(redis.host(), redis.port())) {
      ours.select(1);
      int rows = 0;
      try (Pipe pipe = new Pipe(ours, Pipe.DEFAULT_BATCH)) {
        NativeWriter writer = new NativeWriter(catalog, pipe);
        for (ModelDef model : catalog.models()) {
          for (String key : fixture.smembers("$Class:" + model.name())) {
            Map<byte[], byte[]> hash = fixture.hgetAll(bytes(key));
            if (hash.isEmpty()) {
              continue; // a deliberately deleted row: nothing live implies it
            }
            Map<String, Object> values = liveValues(codec, model, key, hash);
            String rebuilt = writer.instanceKey(model, values);
            if (!rebuilt.equals(key)) {
              mismatches.add("instance key " + key + " rebuilt as " + rebuilt);
            }
            writer.accept(model, key, values);
            rows++;
          }
        }
      }
      assertTrue(rows >= 20, "fixture rows read: " + rows);

      for (String key : ours.keys("*")) {
        String type = ours.type(key);
        checked.merge(type, 1, Integer::sum);
        if (!type.equals(fixture.type(key))) {
          mismatches.add(key + ": ours is a " + type + ", fixture has " + fixture.type(key));
          continue;
        }
        switch (type) {
          case "hash" -> compareHash(codec, catalog, key, fixture, ours, mismatches);
          case "set" -> {
            for (String m : ours.smembers(key)) {
              if (!fixture.sismember(key, m)) {
                mismatches.add(key + ": member " + m + " not in the fixture");
              }
            }
          }
          case "zset" -> {
            for (var t : ours.zrangeWithScores(key, 0, -1)) {
              Double expected = fixture.zscore(key, t.getElement());
              if (expected == null || expected != t.getScore()) {
                mismatches.add(key + ": " + t.getElement() + " scored " + t.getScore()
                    + ", fixture " + expected);
              }
            }
          }
          default -> mismatches.add(key + ": unexpected type " + type);
        }
      }
    }
    assertEquals(List.of(), mismatches);
    // Every structure Popoto uses was exercised, so the comparison above is not vacuous.
    assertTrue(checked.getOrDefault("hash", 0) >= 20, checked.toString());
    assertTrue(checked.getOrDefault("set", 0) >= 30, checked.toString());
    assertTrue(checked.getOrDefault("zset", 0) >= 10, checked.toString());
  }

  /** The fixture row as the Java values the generator would produce for it. */
  private static Map<String, Object> liveValues(ValueCodec codec, ModelDef model, String key,
      Map<byte[], byte[]> hash) throws Exception {
    Map<String, byte[]> byName = new LinkedHashMap<>();
    hash.forEach((k, v) -> byName.put(new String(k, StandardCharsets.UTF_8), v));
    Map<String, Object> values = new LinkedHashMap<>();
    for (FieldDef f : model.fields()) {
      byte[] raw = byName.get(f.name());
      if (raw == null || f.hidden()) {
        continue;
      }
      Object v = codec.decode(key, f, raw);
      // ValueCodec hands containers back as JSON text; the encoder takes Lists and Maps.
      if (v instanceof String s && JSON_DECODED.contains(f.type())) {
        v = JSON.readValue(s, Object.class);
      }
      values.put(f.name(), v);
    }
    return values;
  }

  private static void compareHash(ValueCodec codec, Catalog catalog, String key, Jedis fixture,
      Jedis ours, List<String> mismatches) throws Exception {
    ModelDef model = catalog.model(key.substring(0, key.indexOf(':')));
    for (FieldDef f : model.fields()) {
      byte[] expected = fixture.hget(bytes(key), bytes(f.name()));
      if (expected == null) {
        continue; // an older row without the field: Popoto reads the default
      }
      byte[] actual = ours.hget(bytes(key), bytes(f.name()));
      if (actual == null) {
        mismatches.add(key + "." + f.name() + " missing");
      } else if (f.type() == ValueType.SET) {
        // A Python set's iteration order is not reproducible; compare the members.
        if (!java.util.Objects.equals(codec.decode(key, f, expected),
            codec.decode(key, f, actual))) {
          mismatches.add(key + "." + f.name() + " set members differ");
        }
      } else if (!java.util.Arrays.equals(expected, actual)) {
        mismatches.add(key + "." + f.name() + " bytes differ");
      }
    }
  }

  @Test
  void generatedOrdersAreSkewedAndAboutAThirdHaveNoDriver(PrivateRedis redis) {
    try (Jedis jedis = new Jedis(redis.host(), redis.port())) {
      jedis.select(2);
      GeneratedData data = new FoodDeliveryGenerator(new GenerationOptions(7, 0.01, 0.0),
          Progress.NONE).generate(jedis);
      assertEquals(1000, data.rowsPerModel().get("Order"));
      long hottest = jedis.scard("$RelationshipF:Order:restaurant:" + data.restaurantKeys()
          .get(0));
      long coldest = jedis.scard("$RelationshipF:Order:restaurant:" + data.restaurantKeys()
          .get(data.restaurantKeys().size() - 1));
      assertTrue(hottest > 5 * Math.max(1, coldest), hottest + " vs " + coldest);
      long withDriver = jedis.keys("$RelationshipF:Order:driver:*").stream()
          .mapToLong(jedis::scard).sum();
      assertTrue(withDriver > 550 && withDriver < 780, "orders with a driver: " + withDriver);
      assertEquals(1000, jedis.scard("$Class:Order"));
      assertEquals(1000, jedis.zcard("$SortF:Order:total"));
    }
  }

  @Test
  void faultsAddStaleMembersAndHashlessClassMembers(PrivateRedis redis) {
    try (Jedis jedis = new Jedis(redis.host(), redis.port())) {
      jedis.select(3);
      GeneratedData data = new FoodDeliveryGenerator(new GenerationOptions(7, 0.01, 0.1),
          Progress.NONE).generate(jedis);
      assertTrue(data.faults() > 0);
      long members = jedis.scard("$Class:Order");
      long hashes = jedis.smembers("$Class:Order").stream().filter(jedis::exists).count();
      assertEquals(1000, hashes);
      assertTrue(members > hashes, "hash-less $Class members: " + (members - hashes));
      long reverseMembers = jedis.keys("$RelationshipF:Order:restaurant:*").stream()
          .mapToLong(jedis::scard).sum();
      assertTrue(reverseMembers >= 1000, "stale reverse members counted: " + reverseMembers);
      List<String> dangling = new ArrayList<>(jedis.keys("$RelationshipF:Order:customer:*"));
      dangling.removeIf(k -> jedis.exists(k.substring("$RelationshipF:Order:customer:".length())));
      assertTrue(!dangling.isEmpty(), "no dangling customer relationship");
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
