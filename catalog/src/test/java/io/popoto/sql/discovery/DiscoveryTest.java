package io.popoto.sql.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.popoto.sql.catalog.Catalog;
import io.popoto.sql.catalog.CatalogReader;
import io.popoto.sql.catalog.CatalogWriter;
import io.popoto.sql.catalog.FieldClass;
import io.popoto.sql.catalog.FieldDef;
import io.popoto.sql.catalog.ModelDef;
import io.popoto.sql.redis.PrivateRedis;
import io.popoto.sql.testkit.RedisExtension;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;

@ExtendWith(RedisExtension.class)
class DiscoveryTest {
  private static Discovery.Result result;
  private static JsonNode json;
  private static Catalog sample;
  private static Set<String> commandsSent;

  @BeforeAll
  static void discover(PrivateRedis redis) throws Exception {
    RedisExtension.loadFixture(redis);
    sample = CatalogReader.load("classpath:popoto-sql/samples/food-delivery/catalog.json");
    try (Jedis jedis = new Jedis(redis.host(), redis.port())) {
      jedis.configResetStat();
      result = Discovery.discover(jedis, 50);
      commandsSent = new TreeSet<>();
      jedis.info("commandstats").lines().filter(l -> l.startsWith("cmdstat_"))
          .forEach(l -> commandsSent.add(l.substring("cmdstat_".length(), l.indexOf(':'))));
    }
    json = new ObjectMapper().readTree(result.toJson());
  }

  @Test
  void sendsOnlyReadCommandsAndNeverKeys() {
    // config|resetstat is the test's own command; info is counted after it.
    Set<String> allowed = Set.of("scan", "sscan", "hgetall", "type", "ttl", "llen",
        "config|resetstat",
        "info");
    assertTrue(allowed.containsAll(commandsSent), commandsSent.toString());
    assertTrue(commandsSent.containsAll(Set.of("scan", "sscan", "hgetall")),
        commandsSent.toString());
  }

  @Test
  void findsEveryModelWithTheSampleKeyFieldsInOrder() {
    assertEquals(names(sample), names(result.catalog()));
    for (ModelDef m : sample.models()) {
      ModelDef d = result.catalog().model(m.name());
      assertTrue(guessed(m.name(), null).isEmpty(), m.name() + " key fields were guessed");
      assertEquals(fieldNames(m.keyFields()), fieldNames(d.keyFields()), m.name());
      for (FieldDef k : m.keyFields()) {
        if (!guessed(m.name(), k.name()).contains("class")) {
          assertEquals(k.fieldClass(), d.field(k.name()).fieldClass(), m.name() + "." + k.name());
        }
      }
    }
  }

  /** Every field of the sample, with the same type, target and index class unless guessed. */
  @Test
  void agreesWithTheSampleCatalogWhereNothingIsGuessed() {
    int compared = 0;
    for (ModelDef m : sample.models()) {
      ModelDef d = result.catalog().model(m.name());
      assertEquals(fieldNames(m.fields()).stream().sorted().toList(),
          fieldNames(d.fields()).stream().sorted().toList(), m.name());
      for (FieldDef f : m.fields()) {
        FieldDef g = d.field(f.name());
        String where = m.name() + "." + f.name();
        List<String> guesses = guessed(m.name(), f.name());
        if (!guesses.contains("type")) {
          assertEquals(f.type(), g.type(), where);
        }
        if (!guesses.contains("model")) {
          assertEquals(f.model(), g.model(), where);
        }
        if (!guesses.contains("class") && f.fieldClass().indexKind() != FieldClass.IndexKind.NONE) {
          assertEquals(f.fieldClass(), g.fieldClass(), where);
          assertEquals(f.indexPrefix(), g.indexPrefix(), where);
          compared++;
        }
        if (!guesses.contains("partitionBy")) {
          assertEquals(f.partitionBy(), g.partitionBy(), where);
        }
      }
    }
    assertTrue(compared >= 15, "too few indexed fields compared: " + compared);
  }

  @Test
  void guessesPartitionsAndRelationshipTargets() {
    FieldDef priceLevel = result.catalog().model("Restaurant").field("price_level");
    assertEquals(List.of("city"), priceLevel.partitionBy());
    assertTrue(guessed("Restaurant", "price_level").contains("partitionBy"));
    assertEquals("MenuItem", result.catalog().model("MenuItem").field("combo_includes").model());
    assertEquals("Driver", result.catalog().model("Order").field("driver").model());
  }

  @Test
  void marksTheFormatLineAndZoneAsGuessed() {
    assertEquals("0.8", json.get("popoto").asText());
    assertTrue(json.get("naiveDatetimeZone").isNull());
    assertEquals("[\"popoto\",\"naiveDatetimeZone\"]", json.get("guessed").toString());
    assertTrue(result.notes().stream().anyMatch(n -> n.contains("naiveDatetimeZone")),
        result.notes().toString());
  }

  @Test
  void jsonReadsBackToTheSameCatalog() throws Exception {
    Catalog back = CatalogReader.read("draft.json",
        new ByteArrayInputStream(result.toJson().getBytes(StandardCharsets.UTF_8)));
    assertEquals(CatalogWriter.toJson(result.catalog()), CatalogWriter.toJson(back));
  }

  @Test
  void rejectsAnEmptySample(PrivateRedis redis) {
    try (Jedis jedis = new Jedis(redis.host(), redis.port())) {
      assertThrows(IllegalArgumentException.class, () -> Discovery.discover(jedis, 0));
    }
  }

  private static List<String> guessed(String model, String field) {
    JsonNode node = field == null ? json.at("/models/" + model + "/guessed")
        : json.at("/models/" + model + "/fields/" + field + "/guessed");
    List<String> out = new ArrayList<>();
    node.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<String> names(Catalog c) {
    return c.models().stream().map(ModelDef::name).sorted().toList();
  }

  private static List<String> fieldNames(List<FieldDef> fields) {
    return fields.stream().map(FieldDef::name).toList();
  }
}
