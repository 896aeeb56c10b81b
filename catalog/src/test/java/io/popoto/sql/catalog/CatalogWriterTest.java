package io.popoto.sql.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The writer's output reads back to the same catalog. */
class CatalogWriterTest {

  /** Everything but source positions, which naturally differ between two files. */
  private static List<String> shape(Catalog c) {
    return c.models().stream().flatMap(m -> m.fields().stream().map(f -> m.name() + "."
        + f.name() + " " + f.fieldClass() + " " + f.type() + " null=" + f.nullable() + " default="
        + f.defaultValue() + " partitionBy=" + f.partitionBy() + " model=" + f.model()
        + " prefix=" + f.indexPrefix() + " hidden=" + f.hidden() + " places=" + f.decimalPlaces()))
        .collect(Collectors.toList());
  }

  private static Catalog read(String json) throws CatalogException {
    return CatalogReader.read("written.json",
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void fixtureCatalogSurvivesARoundTrip() throws CatalogException {
    Catalog original = CatalogReader.load(FixtureCatalogTest.LOCATION);
    Catalog again = read(CatalogWriter.toJson(original));
    assertEquals(shape(original), shape(again));
    assertEquals(original.formatLine(), again.formatLine());
    assertEquals(original.naiveZone(), again.naiveZone());
    assertEquals(53, shape(original).size());
  }

  @Test
  void hiddenAutoKeyIsNotWrittenAndGuessesAre() throws CatalogException {
    ModelDef note = new ModelDef("Note", List.of(
        new FieldDef("rank", FieldClass.SORTED_FIELD, ValueType.DECIMAL, false, "1.5",
            List.of("kind"), null, "$RankF", false, null),
        FieldDef.of("kind", FieldClass.FIELD)), null);
    Catalog catalog = new Catalog(FormatLine.NEWEST, null, List.of(note));
    String json = CatalogWriter.toJson(catalog,
        (model, field) -> field == null ? List.of("fields") : List.of("type"));
    assertFalse(json.contains(ModelDef.AUTO_KEY), json);
    assertTrue(json.contains("\"guessed\": [ \"type\" ]"), json);
    assertTrue(json.contains("\"indexPrefix\": \"$RankF\""), json);
    Catalog again = read(json);
    assertEquals(shape(catalog), shape(again));
    assertTrue(again.model("Note").field(ModelDef.AUTO_KEY).hidden());
  }
}
