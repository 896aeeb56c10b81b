package io.popoto.sql.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The 1.x catalog vocabulary: classes, capped lists, strategies, Meta, the format line. */
class OneXCatalogTest {
  static final String LOCATION = "classpath:popoto-sql/samples/popoto-1x/catalog.json";

  private static Catalog read(String json) throws CatalogException {
    return CatalogReader.read("c.json", new ByteArrayInputStream(
        json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void sampleCatalogReadsEveryOneXClass() throws CatalogException {
    Catalog c = CatalogReader.load(LOCATION);
    assertEquals(FormatLine.NEWEST, c.formatLine());
    ModelDef courier = c.model("Courier");
    assertTrue(courier.field("recent_zones").isCappedList());
    assertEquals(3, courier.field("recent_zones").extras().maxLength());
    assertEquals("ulid", courier.field("courier_id").extras().strategy());
    assertFalse(courier.field("bio_terms").hasColumn());
    assertFalse(courier.field("buddies").hasColumn());
    assertEquals(ValueType.FLOAT, courier.field("confidence").type());
    assertEquals(ValueType.INT, courier.field("embedding").type());
    assertTrue(courier.field("last_seen").isSorted());
    assertEquals("$DecayingSortF", courier.field("last_seen").indexPrefix());
    ModelDef kitchen = c.model("Kitchen");
    assertEquals(List.of(new ModelMeta.CompositeIndex(List.of("city", "name"), true),
        new ModelMeta.CompositeIndex(List.of("city", "cuisine"), false)),
        kitchen.meta().indexes());
    assertEquals("$UniquF", kitchen.field("email").indexPrefix());
    assertTrue(kitchen.field("tags").isTags());
    assertEquals(2592000, c.model("Delivery").meta().ttl());
    assertNull(kitchen.meta().ttl());
  }

  @Test
  void sampleCatalogSurvivesARoundTrip() throws CatalogException {
    Catalog original = CatalogReader.load(LOCATION);
    String json = CatalogWriter.toJson(original);
    assertTrue(json.contains("\"popoto\": \"1\""), json);
    Catalog again = read(json);
    assertEquals(shape(original), shape(again));
  }

  @Test
  void newestAndVersionNumbersAreAliasesOfLineOne() throws CatalogException {
    for (String line : List.of("1", "1.x", "1.10.1", "newest")) {
      assertEquals(FormatLine.NEWEST, read("{\"popoto\": \"" + line + "\", \"models\": {}}")
          .formatLine(), line);
    }
  }

  @Test
  void maxLengthCapsAListOnlyOnLineOne() throws CatalogException {
    String model = "\"models\": {\"A\": {\"fields\": {\"l\": {\"class\": \"ListField\","
        + " \"max_length\": 5}}}}}";
    assertTrue(read("{\"popoto\": \"1\", " + model).model("A").field("l").isCappedList());
    assertFalse(read("{\"popoto\": \"0.8\", " + model).model("A").field("l").isCappedList());
  }

  @Test
  void oneXMistakesAreReportedWithTheirPosition() {
    CatalogException e = assertThrows(CatalogException.class, () -> read("{\"popoto\": \"1\","
        + " \"models\": {\"A\": {\"fields\": {\"id\": {\"class\": \"AutoKeyField\","
        + " \"strategy\": \"ulidd\"}, \"x\": {\"class\": \"Field\"}},"
        + " \"meta\": {\"indexes\": [[[\"x\", \"y\"], true], \"x\"], \"ttl\": \"1h\"}}}}"));
    String m = e.getMessage();
    assertTrue(m.contains("Unknown strategy 'ulidd' for field 'id' of model 'A'; use uuid4,"
        + " ulid or ksuid; did you mean 'ulid'?"), m);
    assertTrue(m.contains("Index of model 'A' names 'y', which is not a field of 'A'"), m);
    assertTrue(m.contains("An index of model 'A' must be [[\"field\", ...], unique]"), m);
    assertTrue(m.contains("Property 'ttl' of the meta of model 'A' must be an integer"), m);
    assertTrue(m.contains("c.json:1:"), m);
  }

  private static List<String> shape(Catalog c) {
    return c.models().stream().flatMap(m -> m.fields().stream().map(f -> m.name() + "."
        + f.name() + " " + f.fieldClass() + " " + f.type() + " null=" + f.nullable()
        + " prefix=" + f.indexPrefix() + " " + f.extras() + " " + m.meta()))
        .collect(Collectors.toList());
  }
}
