package io.popoto.sql.codec;

import static io.popoto.sql.codec.MsgpackBytes.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.popoto.sql.catalog.Catalog;
import io.popoto.sql.catalog.FieldClass;
import io.popoto.sql.catalog.FieldDef;
import io.popoto.sql.catalog.FormatLine;
import io.popoto.sql.catalog.ValueType;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JSON text of list and dict columns, pinned value for value: whether read straight from
 * the bytes or through a value tree, every msgpack type as an element and as a map key
 * (Python's json.dumps key rules), nesting, 64-bit unsigned integers, float32, invalid UTF-8,
 * bin and extension values.
 */
class JsonTextTest {
  private final ValueCodec codec = new ValueCodec(new Catalog(FormatLine.NEWEST, null,
      List.of()));

  private String decoded(ValueType type, byte[] msgpack) throws Exception {
    FieldDef field = new FieldDef("f", FieldClass.FIELD, type, true, null, List.of(), null,
        null, false, null);
    String direct = (String) codec.decode("Order:1", field, msgpack);
    assertEquals(direct, codec.decodeTree("Order:1", field, msgpack), "tree and direct");
    return direct;
  }

  /**
   * Strict UTF-8 text is what a reporting decoder gives (null where it refuses): other scripts,
   * emoji, a genuine U+FFFD, and every malformed shape (stray continuation bytes, overlong
   * forms, encoded surrogates, code points past U+10FFFF, cut sequences), then 20,000 seeded
   * random byte strings biased toward multi-byte sequences; each also read in place between
   * stray bytes.
   */
  @Test
  void strictTextIsWhatAReportingDecoderGives() {
    List<byte[]> cases = new java.util.ArrayList<>();
    for (String t : List.of("", "plain", "Zürich", "東京", "😀👍🏽", "Ελληνικά", "עברית",
        "text with \uFFFD in it", "\uFFFD")) {
      cases.add(t.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    int[][] odd = {{0x80}, {0xbf, 0x41}, {0xc0, 0x80}, {0xc1, 0xbf}, {0xe0, 0x80, 0x80},
        {0xed, 0xa0, 0x80}, {0xed, 0xbf, 0xbf}, {0xf0, 0x80, 0x80, 0x80}, {0xf4, 0x90, 0x80, 0x80},
        {0xf5, 0x80, 0x80, 0x80}, {0xff}, {0xe6, 0x9d}, {0xf0, 0x9f, 0x98}, {0x41, 0xc3},
        {0xef, 0xbf, 0xbd, 0xc3, 0x28}};
    for (int[] o : odd) {
      byte[] b = new byte[o.length];
      for (int i = 0; i < o.length; i++) {
        b[i] = (byte) o[i];
      }
      cases.add(b);
    }
    java.util.Random random = new java.util.Random(20261202L);
    int[] leads = {0x41, 0xc3, 0xe6, 0xf0, 0x80, 0xbf, 0xed, 0xef, 0xf4, 0xff};
    for (int i = 0; i < 20_000; i++) {
      byte[] b = new byte[1 + random.nextInt(8)];
      for (int k = 0; k < b.length; k++) {
        b[k] = (byte) (random.nextBoolean() ? leads[random.nextInt(leads.length)]
            : 0x80 + random.nextInt(0x40));
      }
      cases.add(b);
    }
    for (byte[] b : cases) {
      String expected;
      try {
        expected = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
            .decode(java.nio.ByteBuffer.wrap(b)).toString();
      } catch (java.nio.charset.CharacterCodingException e) {
        expected = null;
      }
      assertEquals(expected, JsonText.strictText(b), java.util.Arrays.toString(b));
      // read in place: the same text between other bytes (a str header before, more after)
      byte[] framed = new byte[b.length + 3];
      framed[0] = (byte) 0xd9;
      framed[1] = (byte) 0xc3;
      System.arraycopy(b, 0, framed, 2, b.length);
      framed[framed.length - 1] = (byte) 0xe6;
      assertEquals(expected, JsonText.strictText(framed, 2, 2 + b.length),
          "in place: " + java.util.Arrays.toString(b));
    }
  }

  @Test
  void listsAndDictsAreWrittenAsPythonsJsonDumpsWouldReadThem() throws Exception {
    assertEquals("[1,2.5,\"a\",null,true,-7]", decoded(ValueType.LIST, bytes(p -> p
        .packArrayHeader(6).packInt(1).packDouble(2.5).packString("a").packNil()
        .packBoolean(true).packInt(-7))));
    assertEquals("[18446744073709551615,9223372036854775807,0.10000000149011612]",
        decoded(ValueType.LIST, bytes(p -> p.packArrayHeader(3)
            .packBigInteger(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE))
            .packLong(Long.MAX_VALUE).packFloat(0.1f))));
    assertEquals("[[],[{\"x\":[1]}],\"Zürich 東京 😀\"]", decoded(ValueType.LIST, bytes(p -> p
        .packArrayHeader(3).packArrayHeader(0).packArrayHeader(1).packMapHeader(1)
        .packString("x").packArrayHeader(1).packInt(1).packString("Zürich 東京 😀"))));
    assertEquals("[\"\uFFFD(\",\"YWJj\",\"AQ==\"]", decoded(ValueType.LIST, bytes(p -> p
        .packArrayHeader(3).packRawStringHeader(2).writePayload(new byte[] {(byte) 0xc3, 0x28})
        .packBinaryHeader(3).writePayload("abc".getBytes())
        .packExtensionTypeHeader((byte) 1, 1).writePayload(new byte[] {1}))));
    assertEquals("{\"a\":1,\"2\":\"x\",\"1.5\":[1],\"true\":null,\"null\":false,"
        + "\"k\":\"/w==\",\"/w==\":0,\"[1,2]\":3,\"-1\":{}}", decoded(ValueType.DICT,
            bytes(p -> p.packMapHeader(9).packString("a").packInt(1)
                .packInt(2).packString("x")
                .packDouble(1.5).packArrayHeader(1).packInt(1)
                .packBoolean(true).packNil()
                .packNil().packBoolean(false)
                .packBinaryHeader(1).writePayload("k".getBytes())
                .packBinaryHeader(1).writePayload(new byte[] {(byte) 0xff})
                .packBinaryHeader(1).writePayload(new byte[] {(byte) 0xff}).packInt(0)
                .packArrayHeader(2).packInt(1).packInt(2).packInt(3)
                .packInt(-1).packMapHeader(0))));
    assertEquals("{\"NaN\":1,\"Infinity\":2,\"1e+20\":3}", decoded(ValueType.DICT,
        bytes(p -> p.packMapHeader(3).packDouble(Double.NaN).packInt(1)
            .packDouble(Double.POSITIVE_INFINITY).packInt(2).packDouble(1e20).packInt(3))));
  }

  /**
   * Arrays of strings, ints, bools and nils are written without a generator: the text must be
   * the generator's (the tree reading's) for 5,000 seeded random arrays whose strings hold
   * every control character, quotes, backslashes, DEL, slashes, other scripts, emoji and
   * invalid UTF-8, and whose ints take every msgpack format up to 64-bit unsigned (floats and
   * nested values among them send the array to the generator). A third of the arrays hold
   * plain ASCII strings only (written as bytes), some of them longer than the text's first
   * guess at its size, and the others mix such strings with ones that need quoting, before and
   * after them.
   */
  @Test
  void flatArraysAreWrittenAsTheGeneratorWritesThem() throws Exception {
    java.util.Random random = new java.util.Random(20261203);
    String[] pieces = {"a", "Z", "0", " ", "\"", "\\", "/", "\u007f", "é", "東京", "😀",
        "\u2028", "\ufffd"};
    String[] plain = {"a", "Z", "0", " ", "/", "~", "\u007f", "MenuItem:", "-"};
    int flat = 0;
    for (int round = 0; round < 5_000; round++) {
      int n = random.nextInt(6);
      boolean plainOnly = round % 3 == 0;
      boolean[] odd = {false};
      byte[] msgpack = bytes(p -> {
        p.packArrayHeader(n);
        for (int i = 0; i < n; i++) {
          switch (random.nextInt(random.nextInt(20) == 0 ? 9 : 6)) {
            case 0 -> p.packNil();
            case 1 -> p.packBoolean(random.nextBoolean());
            case 2 -> p.packLong(random.nextInt(3) == 0 ? random.nextLong()
                : random.nextInt(70_000) - 35_000);
            case 6 -> {
              odd[0] = true;
              p.packDouble(random.nextDouble() * 100);
            }
            case 7 -> p.packBigInteger(BigInteger.ONE.shiftLeft(63).add(BigInteger.valueOf(
                  random.nextInt(1000))));
            case 8 -> {
              odd[0] = true;
              p.packArrayHeader(1).packString("nested");
            }
            default -> {
              if (plainOnly || random.nextInt(4) == 0) {
                StringBuilder text = new StringBuilder();
                for (int k = random.nextInt(random.nextInt(10) == 0 ? 80 : 8); k > 0; k--) {
                  text.append(plain[random.nextInt(plain.length)]);
                }
                p.packString(text.toString());
              } else if (random.nextInt(10) == 0) { // invalid UTF-8: U+FFFD in the text
                p.packRawStringHeader(2).writePayload(new byte[] {(byte) 0xc3, 0x28});
              } else {
                StringBuilder text = new StringBuilder();
                for (int k = random.nextInt(8); k > 0; k--) {
                  text.append(random.nextInt(3) == 0 ? String.valueOf((char) random.nextInt(32))
                      : pieces[random.nextInt(pieces.length)]);
                }
                p.packString(text.toString());
              }
            }
          }
        }
      });
      String text = decoded(ValueType.LIST, msgpack);
      if (!odd[0]) {
        flat++;
        try (org.msgpack.core.MessageUnpacker in =
            org.msgpack.core.MessagePack.newDefaultUnpacker(msgpack)) {
          assertEquals(text, JsonText.flatArray(in), "written without a generator");
        }
      }
    }
    org.junit.jupiter.api.Assertions.assertTrue(flat > 3_000, "flat arrays: " + flat);
  }
}
