package io.popoto.sql.codec;

import static io.popoto.sql.codec.MsgpackBytes.bytes;
import static io.popoto.sql.codec.MsgpackBytes.envelope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.popoto.sql.catalog.Catalog;
import io.popoto.sql.catalog.FieldClass;
import io.popoto.sql.catalog.FieldDef;
import io.popoto.sql.catalog.FormatLine;
import io.popoto.sql.catalog.ValueType;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * Reading straight from the bytes must give what the value-tree reading gives, value for value
 * and error for error, for every column type and every kind of odd input.
 */
class DirectValuesTest {
  private final ValueCodec berlin = new ValueCodec(new Catalog(FormatLine.V0_8,
      ZoneId.of("Europe/Berlin"), List.of()));
  private final ValueCodec newest = new ValueCodec(new Catalog(FormatLine.NEWEST, null,
      List.of()));


  private static List<byte[]> inputs() throws IOException {
    List<byte[]> in = new ArrayList<>(List.of(new byte[0], new byte[] {(byte) 0xc1},
        new byte[] {(byte) 0xa5, 'a'}, // str header longer than its bytes
        bytes(p -> p.packNil()), bytes(p -> p.packNil().packNil()),
        bytes(p -> p.packString("delivered")), bytes(p -> p.packString("Zürich 東京 😀")),
        bytes(p -> p.packRawStringHeader(2).writePayload(new byte[] {(byte) 0xc3, 0x28})),
        bytes(p -> p.packBinaryHeader(3).writePayload("abc".getBytes())),
        bytes(p -> p.packBinaryHeader(1).writePayload(new byte[] {(byte) 0xff})),
        bytes(p -> p.packString("Customer:a@b:c").packInt(1)),
        bytes(p -> p.packLong(42)), bytes(p -> p.packLong(Long.MIN_VALUE)),
        bytes(p -> p.packBigInteger(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE))),
        bytes(p -> p.packBigInteger(BigInteger.valueOf(Long.MAX_VALUE))),
        bytes(p -> p.packDouble(12.5)), bytes(p -> p.packFloat(0.1f)),
        bytes(p -> p.packDouble(Double.NaN)), bytes(p -> p.packBoolean(false)),
        bytes(p -> p.packArrayHeader(2).packDouble(1).packDouble(2)),
        bytes(p -> p.packMapHeader(1).packString("a").packInt(1)),
        bytes(p -> p.packExtensionTypeHeader((byte) 1, 1).writePayload(new byte[] {1})),
        // envelopes: as Popoto writes them, reversed, odd, broken
        bytes(p -> p.packMapHeader(2).packString("as_encodable").packString("18.50")
            .packString("__Decimal__").packBoolean(true)),
        bytes(p -> p.packMapHeader(2).packString("__Decimal__").packBoolean(false)
            .packString("as_encodable").packString("18.50")),
        bytes(p -> p.packMapHeader(3).packString("__Decimal__").packBoolean(true)
            .packString("as_encodable").packString("18.50").packString("x").packInt(1)),
        bytes(p -> p.packMapHeader(2).packString("__Decimal__").packBoolean(true)
            .packString("__Decimal__").packBoolean(true)),
        bytes(p -> p.packMapHeader(2).packInt(1).packBoolean(true)
            .packString("as_encodable").packString("18.50")),
        bytes(p -> p.packMapHeader(2).packString("__datetime__").packBoolean(true)
            .packString("as_encodable").packInt(20240501)),
        bytes(p -> p.packMapHeader(2).packString("__Decimal__").packBoolean(true)
            .packString("as_encodable").packRawStringHeader(1).writePayload(new byte[] {-1})),
        bytes(p -> p.packMapHeader(2).packString("__tuple__").packBoolean(true)
            .packString("as_encodable").packArrayHeader(2).packDouble(1.5).packDouble(2.5))));
    for (String decimal : List.of("18.50", "0.10", "1E+3", "-0", "NaN", "x", "")) {
      in.add(envelope("__Decimal__", decimal));
    }
    for (String date : List.of("20240501", "9990501", "2024-05-01", "20241301", "soon")) {
      in.add(envelope("__date__", date));
    }
    for (String time : List.of("08:30:00.000000", "08:30:00+02:00", "08:30", "25:00", "")) {
      in.add(envelope("__time__", time));
    }
    for (String dt : List.of("20240501T12:30:00.000000", "2024-05-01T12:30:00",
        "2026-06-15T08:00:00.5+00:00", "2024-05-01 12:30:00", "2024-02-30T00:00",
        "+999999999-12-31T23:59:59-18:00", "-999999999-01-01T00:00:00+18:00",
        "+999999999-12-31T23:59:59", "2024-05-01T12:30:00+02:0030", "later")) {
      in.add(envelope("__datetime__", dt));
    }
    in.add(envelope("__dataframe__", "{\"a\":{\"0\":1}}"));
    byte[] good = envelope("__datetime__", "2024-05-01T12:30:00");
    byte[] trailing = Arrays.copyOf(good, good.length + 1);
    trailing[good.length] = (byte) 0xc0;
    in.add(trailing);
    return in;
  }

  @Test
  void givesWhatTheTreeReadingGivesForEveryTypeAndInput() throws IOException {
    List<byte[]> inputs = inputs();
    int direct = 0;
    for (ValueType type : ValueType.values()) {
      FieldDef field = new FieldDef("f", FieldClass.FIELD, type, true, null, List.of(), null,
          null, false, null);
      for (ValueCodec codec : List.of(berlin, newest)) {
        for (byte[] in : inputs) {
          String what = type + " " + Arrays.toString(in);
          assertEquals(outcome(() -> codec.decodeTree("Order:1", field, in)),
              outcome(() -> codec.decode("Order:1", field, in)), what);
          if (DirectValues.read(type, in) != DirectValues.UNDECIDED) {
            direct++;
          }
        }
      }
    }
    assertTrue(direct > 100, "the fast reading took part " + direct + " times");
  }

  /**
   * The header-only reading of scalars gives exactly what the unpacker gives: every int format
   * at its bounds (also in formats wider than needed, as other writers use), float32 and
   * float64, str of every header size with ASCII, other scripts, emoji and invalid UTF-8, nil,
   * bool; each also cut short by a byte and followed by one, for every column type.
   */
  @Test
  void readingScalarsOffTheirHeadersAgreesWithTheUnpacker() throws IOException {
    List<byte[]> in = new ArrayList<>();
    long[] ints = {0, 1, 31, 127, 128, 255, 256, 65_535, 65_536, 4_294_967_295L, 4_294_967_296L,
        Long.MAX_VALUE, -1, -32, -33, -128, -129, -32_768, -32_769, Integer.MIN_VALUE,
        Integer.MIN_VALUE - 1L, Long.MIN_VALUE};
    for (long v : ints) {
      in.add(bytes(p -> p.packLong(v)));
      in.add(sized(0xd3, v, 8));
      if (v >= 0) {
        in.add(sized(0xcf, v, 8));
      }
      if (v >= -128 && v <= 127) {
        in.add(sized(0xd0, v, 1));
      }
      if (v >= 0 && v <= 255) {
        in.add(sized(0xcc, v, 1));
      }
      if (v >= 0 && v <= 65_535) {
        in.add(sized(0xcd, v, 2));
      }
      if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
        in.add(sized(0xd1, v, 2));
      }
      if (v >= 0 && v <= 4_294_967_295L) {
        in.add(sized(0xce, v, 4));
      }
      if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
        in.add(sized(0xd2, v, 4));
      }
    }
    in.add(sized(0xcf, -1, 8)); // 2^64 - 1: beyond a long
    for (double d : new double[] {0.0, -0.0, 12.5, -3.75, Double.NaN, Double.MAX_VALUE,
        Double.MIN_VALUE, Double.NEGATIVE_INFINITY}) {
      in.add(bytes(p -> p.packDouble(d)));
      in.add(bytes(p -> p.packFloat((float) d)));
    }
    StringBuilder longText = new StringBuilder();
    for (int length : new int[] {0, 1, 31, 32, 255, 256, 65_535, 65_536}) {
      while (longText.length() < length) {
        longText.append('a');
      }
      String text = longText.substring(0, length);
      in.add(bytes(p -> p.packString(text)));
    }
    for (String text : List.of("Zürich", "東京", "😀 emoji", "Ελληνικά", "עברית", "\u0000")) {
      in.add(bytes(p -> p.packString(text)));
    }
    in.add(bytes(p -> p.packRawStringHeader(2).writePayload(new byte[] {(byte) 0xc3, 0x28})));
    in.add(bytes(p -> p.packRawStringHeader(1).writePayload(new byte[] {(byte) 0xed})));
    in.add(new byte[] {(byte) 0xd9, 1, 'x'});
    in.add(new byte[] {(byte) 0xda, 0, 1, 'x'});
    in.add(bytes(p -> p.packNil()));
    in.add(bytes(p -> p.packBoolean(true)));
    in.add(bytes(p -> p.packBoolean(false)));
    List<byte[]> all = new ArrayList<>();
    for (byte[] b : in) {
      all.add(b);
      all.add(Arrays.copyOf(b, b.length + 1)); // a nil after it
      if (b.length > 1) {
        all.add(Arrays.copyOf(b, b.length - 1));
      }
    }
    int answered = 0;
    for (ValueType type : ValueType.values()) {
      for (byte[] b : all) {
        Object header = DirectValues.read(type, b);
        Object unpacker = DirectValues.streamed(type, b);
        String what = type + " " + Arrays.toString(Arrays.copyOf(b, Math.min(b.length, 12)))
            + " (" + b.length + " bytes)";
        if (unpacker instanceof byte[] u) {
          assertTrue(header instanceof byte[] h && Arrays.equals(u, h), what);
        } else {
          assertEquals(unpacker, header, what);
        }
        if (header != DirectValues.UNDECIDED) {
          answered++;
        }
      }
    }
    assertTrue(answered > 300, "values answered " + answered);
  }

  /** An int in the given format, {@code size} bytes big-endian after its header. */
  private static byte[] sized(int header, long v, int size) {
    byte[] b = new byte[1 + size];
    b[0] = (byte) header;
    for (int i = 0; i < size; i++) {
      b[size - i] = (byte) (v >>> (8 * i));
    }
    return b;
  }

  private interface Decoding {
    Object get() throws PopotoDecodeException;
  }

  private static String outcome(Decoding decoding) {
    try {
      Object v = decoding.get();
      return v instanceof byte[] b ? "bytes " + Arrays.toString(b)
          : v == null ? "null" : v.getClass().getSimpleName() + " " + v;
    } catch (PopotoDecodeException e) {
      return "error " + e.getMessage() + " | found " + e.found();
    }
  }
}
