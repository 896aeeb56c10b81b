package io.popoto.sql.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.popoto.sql.catalog.FieldClass;
import io.popoto.sql.catalog.FieldDef;
import io.popoto.sql.catalog.FormatLine;
import io.popoto.sql.catalog.ValueType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The worked byte examples of the 1.x layout (popoto-1x-examples.txt), line by line: keys,
 * value bytes, tag bytes, field-class prefixes. The 1.x writer is built from exactly these
 * pieces, so the sample it writes is as right as these are.
 */
class OneXExamplesTest {
  private final KeyCodec keys = KeyCodec.forLine(FormatLine.NEWEST);
  private final ValueEncoder encoder = new ValueEncoder(FormatLine.NEWEST);

  @Test
  void keysEscapeLikeTheExamples() {
    Map<String, String> author = new LinkedHashMap<>();
    author.put("a:b", "Author:a{&#58;}b");
    author.put("x/y", "Author:x//y");
    author.put("re-run", "Author:re/-run");
    author.put("star*", "Author:star/*");
    author.put("Zoë 🚀", "Author:Zoë 🚀");
    author.put("{&#58;}lit", "Author:/{&#58;}lit");
    author.put("O'Brien [q]?^", "Author:O/'Brien /[q/]/?/^");
    author.forEach((raw, key) -> {
      assertEquals(key, "Author:" + keys.segment(raw, ValueType.STR));
      assertEquals(raw, keys.unclean(key.substring("Author:".length())));
    });
  }

  @Test
  void datetimeKeysAreCanonicalUtc() {
    assertEquals("2026/-08/-07T05{&#58;}00{&#58;}00.123456Z", keys.segment(OffsetDateTime.of(
        2026, 8, 7, 12, 0, 0, 123_456_000, ZoneOffset.ofHours(7)), ValueType.DATETIME));
    assertEquals("2026/-08/-07T05{&#58;}00{&#58;}00.000000Z",
        keys.segment(LocalDateTime.of(2026, 8, 7, 5, 0), ValueType.DATETIME));
    assertEquals("2026/-08/-07", keys.segment(LocalDate.of(2026, 8, 7), ValueType.DATE));
    assertEquals("09{&#58;}30{&#58;}00", keys.segment(LocalTime.of(9, 30), ValueType.TIME));
    // the legacy rendering a pre-1.9 key may still carry
    assertEquals(List.of("2026/-08/-07T05{&#58;}00{&#58;}00.000000Z",
        "2026/-08/-07 05{&#58;}00{&#58;}00"),
        keys.segmentVariants(LocalDateTime.of(2026, 8, 7, 5, 0), ValueType.DATETIME));
  }

  @Test
  void valuesPackLikeTheExamples() {
    assertHex("a568656c6c6f", ValueType.STR, "hello");
    assertHex("2a", ValueType.INT, 42L);
    assertHex("cb400c000000000000", ValueType.FLOAT, 3.5);
    assertHex("c3", ValueType.BOOL, true);
    assertHex("c0", ValueType.STR, null);
    assertHex("82ab5f5f446563696d616c5f5fc3ac61735f656e636f6461626c65a531322e3530",
        ValueType.DECIMAL, new BigDecimal("12.50"));
    assertHex("82ac5f5f6461746574696d655f5fc3ac61735f656e636f6461626c65b9323032362d30382d30"
        + "375431323a30303a30302b30303a3030", ValueType.DATETIME,
        OffsetDateTime.of(2026, 8, 7, 12, 0, 0, 0, ZoneOffset.UTC));
    assertHex("82ac5f5f6461746574696d655f5fc3ac61735f656e636f6461626c65b3323032362d30382d30"
        + "375431323a30303a3030", ValueType.DATETIME, LocalDateTime.of(2026, 8, 7, 12, 0));
    assertHex("82a85f5f646174655f5fc3ac61735f656e636f6461626c65a83230323630383037",
        ValueType.DATE, LocalDate.of(2026, 8, 7));
    assertHex("82a95f5f7475706c655f5fc3ac61735f656e636f6461626c6592cb40486ccccccccccdcb4002cc"
        + "cccccccccd", ValueType.TUPLE, List.of(48.85, 2.35));
    assertHex("81a16b920102", ValueType.DICT, Map.of("k", List.of(1L, 2L)));
    assertHex("92a161a162", ValueType.LIST, List.of("a", "b"));
    assertHex("c4020001", ValueType.BYTES, new byte[] {0, 1});
    assertHex("b0417574686f723a617b262335383b7d62", ValueType.KEY, "Author:a{&#58;}b");
  }

  @Test
  void tagsAndCappedItemsPackLikeTheExamples() {
    // TagField stores sorted(set(tags)): ["x", "a"] is written as ["a", "x"]
    assertEquals("92a161a178", HexFormat.of().formatHex(encoder.encode(
        FieldDef.of("tags", FieldClass.TAG_FIELD), List.of("a", "x"))));
    // a capped list item takes the envelope of its own runtime type
    assertEquals("82ab5f5f446563696d616c5f5fc3ac61735f656e636f6461626c65a531322e3530",
        HexFormat.of().formatHex(encoder.encodeItem(new BigDecimal("12.50"))));
    assertEquals("a568656c6c6f", HexFormat.of().formatHex(encoder.encodeItem("hello")));
  }

  @Test
  void classPrefixesFollowTheStripRule() {
    Map<FieldClass, String> prefixes = Map.of(FieldClass.KEY_FIELD, "$KeyF",
        FieldClass.SORTED_FIELD, "$SortF", FieldClass.INDEXED_FIELD, "$IndexF",
        FieldClass.UNIQUE_FIELD, "$UniquF", FieldClass.TAG_FIELD, "$TagF",
        FieldClass.GEO_FIELD, "$GeoF", FieldClass.RELATIONSHIP, "$RelationshipF",
        FieldClass.AUTO_KEY_FIELD, "$AutoKeyF", FieldClass.UNIQUE_KEY_FIELD, "$UniqueKeyF",
        FieldClass.SORTED_KEY_FIELD, "$SortedKeyF");
    prefixes.forEach((c, p) -> assertEquals(p, c.defaultIndexPrefix(), c.popotoName()));
    assertEquals("$ConfidencF", FieldClass.CONFIDENCE_FIELD.defaultIndexPrefix());
    assertEquals("$DecayingSortF", FieldClass.DECAYING_SORTED_FIELD.defaultIndexPrefix());
    assertEquals("$CyclicDecayF", FieldClass.CYCLIC_DECAY_FIELD.defaultIndexPrefix());
    assertEquals("$ValidityF", FieldClass.VALIDITY_FIELD.defaultIndexPrefix());
  }

  @Test
  void compositeIndexDigestIsSha256OfTheCanonicalValues() {
    IndexKeys ix = new IndexKeys(keys);
    // sha256("Bern:O'Brien's Pub") starts with these 16 hex digits
    // (computed with Python's hashlib)
    assertEquals("8ffcd4707d6d8364", ix.compositeDigest(List.of("Bern", "O'Brien's Pub")));
  }

  private void assertHex(String hex, ValueType type, Object value) {
    FieldDef f = new FieldDef("f", FieldClass.FIELD, type, true, null, null, null, null, false,
        null);
    assertEquals(hex, HexFormat.of().formatHex(encoder.encode(f, value)), String.valueOf(value));
  }
}
