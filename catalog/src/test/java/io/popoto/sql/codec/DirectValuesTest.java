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
