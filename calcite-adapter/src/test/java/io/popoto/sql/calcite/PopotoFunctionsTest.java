package io.popoto.sql.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
}
