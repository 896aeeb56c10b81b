package io.popoto.sql.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.popoto.sql.catalog.Catalog;
import io.popoto.sql.catalog.FieldDef;
import io.popoto.sql.catalog.FormatLine;
import io.popoto.sql.catalog.ModelDef;
import io.popoto.sql.redis.PrivateRedis;
import io.popoto.sql.testkit.OneXSample;
import io.popoto.sql.testkit.RedisExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;

/**
 * Discovery on the Popoto 1.x sample: it recognises the 1.x line from the data and proposes
 * the 1.x classes from their prefixes, and the draft equals the shipped catalog in every
 * property it does not mark as guessed.
 */
@ExtendWith(RedisExtension.class)
class OneXDiscoveryTest {
  private static Catalog shipped;
  private static Discovery.Result result;
  private static JsonNode json;

  @BeforeAll
  static void discover(PrivateRedis redis) throws Exception {
    try (Jedis jedis = new Jedis(redis.host(), redis.port())) {
      OneXSample.load(jedis);
      result = Discovery.discover(jedis, 50);
    }
    shipped = OneXSample.catalog();
    json = new ObjectMapper().readTree(result.toJson());
  }

  @Test
  void recognisesLineOne() {
    assertEquals(FormatLine.NEWEST, result.catalog().formatLine());
    assertEquals("1", json.get("popoto").asText());
  }

  @Test
  void proposesTheOneXClassesFromTheirPrefixes() {
    Catalog d = result.catalog();
    assertEquals("IndexedField", cls(d, "Kitchen", "city"));
    assertEquals("UniqueField", cls(d, "Kitchen", "email"));
    assertEquals("TagField", cls(d, "Kitchen", "tags"));
    assertEquals("TagField", cls(d, "Delivery", "labels"));
    assertEquals("ListField", cls(d, "Courier", "recent_zones"));
    assertTrue(d.model("Courier").field("recent_zones").isCappedList());
    assertEquals("DecayingSortedField", cls(d, "Courier", "last_seen"));
    assertEquals("CyclicDecayField", cls(d, "Shift", "relevance"));
    assertEquals("ulid", d.model("Courier").field("courier_id").extras().strategy());
    assertEquals(List.of(List.of("city", "cuisine"), List.of("city", "name")),
        d.model("Kitchen").meta().indexes().stream().map(i -> i.fields()).sorted(
            (a, b) -> a.toString().compareTo(b.toString())).toList());
    assertEquals(2592000, d.model("Delivery").meta().ttl());
    assertTrue(guessed("Kitchen", null).contains("meta"));
    // a pre-1.9 datetime key next to new ones: still the key field
    assertEquals(List.of("courier_phone", "starts", "week"),
        d.model("Shift").keyFields().stream().map(FieldDef::name).toList());
  }

  /** The shipped catalog, field by field, wherever the draft does not mark a guess. */
  @Test
  void equalsTheShippedCatalogApartFromTheMarkedGuesses() {
    int compared = 0;
    for (ModelDef m : shipped.models()) {
      ModelDef d = result.catalog().model(m.name());
      assertNotNull(d, m.name());
      assertEquals(names(m.fields()), names(d.fields()), m.name());
      assertEquals(m.keyFields().stream().map(FieldDef::name).toList(),
          d.keyFields().stream().map(FieldDef::name).toList(), m.name());
      if (!guessed(m.name(), null).contains("meta")) {
        assertEquals(m.meta(), d.meta(), m.name());
      }
      for (FieldDef f : m.fields()) {
        FieldDef g = d.field(f.name());
        String where = m.name() + "." + f.name();
        List<String> guesses = guessed(m.name(), f.name());
        if (!guesses.contains("class")) {
          assertEquals(f.fieldClass(), g.fieldClass(), where);
          assertEquals(f.indexPrefix(), g.indexPrefix(), where);
          assertEquals(f.nullable(), g.nullable(), where);
          compared++;
          if (!guesses.contains("type")) {
            assertEquals(f.type(), g.type(), where);
          }
        }
        if (!guesses.contains("model")) {
          assertEquals(f.model(), g.model(), where);
        }
        if (!guesses.contains("max_length")) {
          assertEquals(f.extras().maxLength(), g.extras().maxLength(), where);
        }
        if (!guesses.contains("strategy")) {
          assertEquals(f.extras().strategy(), g.extras().strategy(), where);
        }
        assertEquals(f.isCappedList(), g.isCappedList(), where);
        if (!guesses.contains("partitionBy")) {
          assertEquals(f.partitionBy(), g.partitionBy(), where);
        }
      }
    }
    assertTrue(compared >= 15, "too few fields compared: " + compared);
  }

  private static String cls(Catalog c, String model, String field) {
    return c.model(model).field(field).fieldClass().popotoName();
  }

  private static List<String> names(List<FieldDef> fields) {
    return fields.stream().map(FieldDef::name).sorted().toList();
  }

  private static List<String> guessed(String model, String field) {
    JsonNode node = field == null ? json.at("/models/" + model + "/guessed")
        : json.at("/models/" + model + "/fields/" + field + "/guessed");
    List<String> out = new ArrayList<>();
    node.forEach(n -> out.add(n.asText()));
    return out;
  }
}
