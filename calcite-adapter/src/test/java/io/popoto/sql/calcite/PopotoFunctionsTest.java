package io.popoto.sql.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ScalarFunction;
import org.junit.jupiter.api.Test;

/** The tag functions on a TagField's JSON text, NULLs as SQL comparisons treat them. */
class PopotoFunctionsTest {
  private static final String TAGS = "[\"late:night\",\"spicy\",\"{&#58;}literal\"]";

  @Test
  void hasTagAllAndAny() {
    assertEquals(true, PopotoFunctions.hasTag(TAGS, "late:night"));
    assertEquals(true, PopotoFunctions.hasTag(TAGS, "{&#58;}literal"));
    assertEquals(false, PopotoFunctions.hasTag(TAGS, "late"));
    assertEquals(true, PopotoFunctions.hasAllTags(TAGS, "spicy", "late:night"));
    assertEquals(false, PopotoFunctions.hasAllTags(TAGS, "spicy", "vegan"));
    assertEquals(true, PopotoFunctions.hasAnyTag(TAGS, "vegan", "spicy"));
    assertEquals(false, PopotoFunctions.hasAnyTag(TAGS, "vegan", "family"));
    assertEquals(false, PopotoFunctions.hasTag("[]", "spicy"));
  }

  @Test
  void nullsGiveNull() {
    assertNull(PopotoFunctions.hasTag(null, "spicy"));
    assertNull(PopotoFunctions.hasTag(TAGS, null));
    assertNull(PopotoFunctions.hasAllTags(TAGS, "spicy", null));
    assertNull(PopotoFunctions.hasTag("not json", "spicy"));
    // three-valued: TRUE OR NULL is TRUE, FALSE AND NULL is FALSE
    assertEquals(true, PopotoFunctions.hasAnyTag(TAGS, null, "spicy"));
    assertNull(PopotoFunctions.hasAnyTag(TAGS, null, "vegan"));
    assertEquals(false, PopotoFunctions.hasAllTags(TAGS, null, "vegan"));
  }

  /** Calcite sees each tag function once per tag count, every one a BOOLEAN of named tags. */
  @Test
  void everyTagCountIsAFunctionOfTheSchema() {
    var functions = PopotoFunctions.all();
    var typeFactory = new PopotoTypeFactory(PopotoTypeSystem.INSTANCE);
    assertEquals(List.of("tags", "tag"), names(functions.get(PopotoFunctions.HAS_TAG)
        .iterator().next()));
    for (String name : List.of(PopotoFunctions.HAS_ALL_TAGS, PopotoFunctions.HAS_ANY_TAG)) {
      List<List<String>> arities = new ArrayList<>();
      for (Function f : functions.get(name)) {
        arities.add(names(f));
        assertEquals("BOOLEAN", ((ScalarFunction) f).getReturnType(typeFactory)
            .getSqlTypeName().getName());
      }
      assertEquals(PopotoFunctions.MAX_TAG_ARGUMENTS, arities.size(), name);
      assertEquals(List.of("tags", "tag1", "tag2"), arities.get(1));
    }
  }

  private static List<String> names(Function f) {
    return f.getParameters().stream().map(FunctionParameter::getName).toList();
  }
}
