package io.popoto.sql.codec;

import static io.popoto.sql.codec.MsgpackBytes.bytes;
import static io.popoto.sql.codec.MsgpackBytes.envelope;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.popoto.sql.catalog.Catalog;
import io.popoto.sql.catalog.FieldClass;
import io.popoto.sql.catalog.FieldDef;
import io.popoto.sql.catalog.FormatLine;
import io.popoto.sql.catalog.ValueType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueCodecTest {
  private final ValueCodec utc = new ValueCodec(new Catalog(FormatLine.V0_8, ZoneOffset.UTC,
      List.of()));
  private final ValueCodec berlin = new ValueCodec(new Catalog(FormatLine.V0_8,
      ZoneId.of("Europe/Berlin"), List.of()));
  private final ValueCodec unknownZone = new ValueCodec(new Catalog(FormatLine.V0_8, null,
      List.of()));
  private final FieldDef when = FieldDef.of("when", FieldClass.DATETIME_FIELD);
  private final FieldDef at = FieldDef.of("at", FieldClass.TIME_FIELD);


  @Test
  void datetimeEnvelopesInBothFormats() throws Exception {
    assertEquals(LocalDateTime.of(2024, 5, 1, 12, 30),
        utc.decode("k", when, envelope("__datetime__", "20240501T12:30:00.000000")));
    assertEquals(LocalDateTime.of(2024, 5, 1, 10, 30),
        berlin.decode("k", when, envelope("__datetime__", "20240501T12:30:00.000000")));
    assertEquals(LocalDateTime.of(2024, 5, 1, 12, 30),
        unknownZone.decode("k", when, envelope("__datetime__", "20240501T12:30:00.000000")));
    assertEquals(LocalDateTime.of(2024, 5, 1, 12, 30),
        utc.decode("k", when, envelope("__datetime__", "2024-05-01T12:30:00")));
    assertEquals(LocalDateTime.of(2024, 5, 1, 12, 30, 0, 123_456_000),
        utc.decode("k", when, envelope("__datetime__", "2024-05-01T12:30:00.123456")));
    assertEquals(LocalDateTime.of(2026, 6, 15, 6, 0, 0, 500_000_000),
        berlin.decode("k", when, envelope("__datetime__", "2026-06-15T08:00:00.5+02:00")));
    assertEquals(LocalDateTime.of(2026, 6, 15, 8, 0),
        berlin.decode("k", when, envelope("__datetime__", "2026-06-15T08:00:00+00:00")));
    ValueCodec newest = new ValueCodec(new Catalog(FormatLine.NEWEST,
        ZoneId.of("Europe/Berlin"), List.of()));
    assertEquals(LocalDateTime.of(2024, 5, 1, 12, 30),
        newest.decode("k", when, envelope("__datetime__", "20240501T12:30:00.000000")),
        "newest reads naive values as UTC");
  }

  @Test
  void timeEnvelopesInBothFormats() throws Exception {
    assertEquals(LocalTime.of(8, 30), utc.decode("k", at, envelope("__time__", "08:30:00.000000")));
    assertEquals(LocalTime.of(10, 15, 30, 250_000_000),
        utc.decode("k", at, envelope("__time__", "10:15:30.250000")));
    assertEquals(LocalTime.of(8, 30), utc.decode("k", at, envelope("__time__", "08:30:00")));
    assertEquals(LocalTime.of(6, 30), utc.decode("k", at, envelope("__time__", "08:30:00+02:00")));
  }

  @Test
  void integersFloatsAndDecimals() throws Exception {
    FieldDef n = FieldDef.of("n", FieldClass.INT_FIELD);
    FieldDef x = FieldDef.of("x", FieldClass.FLOAT_FIELD);
    FieldDef d = FieldDef.of("d", FieldClass.DECIMAL_FIELD);
    assertEquals(-5L, utc.decode("k", n, bytes(p -> p.packLong(-5))));
    assertEquals(Long.MIN_VALUE, utc.decode("k", n, bytes(p -> p.packLong(Long.MIN_VALUE))));
    byte[] uint64Max = bytes(p -> p.packBigInteger(new BigInteger("18446744073709551615")));
    PopotoDecodeException e = assertThrows(PopotoDecodeException.class,
        () -> utc.decode("Thing:1", n, uint64Max));
    assertTrue(e.getMessage().contains("18446744073709551615"), e.getMessage());
    assertEquals(1.8446744073709552e19, utc.decode("k", x, uint64Max));
    assertEquals(4.0, utc.decode("k", x, bytes(p -> p.packLong(4))));
    assertEquals(new BigDecimal("1E+3"), utc.decode("k", d, envelope("__Decimal__", "1E+3")));
    assertEquals("1E+3", utc.decode("k", d, envelope("__Decimal__", "1E+3")).toString());
  }

  @Test
  void mapsWithOddKeysBecomeJson() throws Exception {
    FieldDef dict = FieldDef.of("prefs", FieldClass.DICT_FIELD);
    byte[] numpy = bytes(p -> {
      p.packMapHeader(3);
      p.packBinaryHeader(2).writePayload("nd".getBytes());
      p.packBoolean(false);
      p.packBinaryHeader(4).writePayload("type".getBytes());
      p.packString("<i8");
      p.packBinaryHeader(4).writePayload("data".getBytes());
      p.packBinaryHeader(2).writePayload(new byte[] {7, 0});
    });
    assertEquals("{\"nd\":false,\"type\":\"<i8\",\"data\":\"BwA=\"}",
        utc.decode("k", dict, numpy));
    byte[] nonString = bytes(p -> p.packMapHeader(3).packInt(1).packString("a")
        .packDouble(1.5).packNil().packBoolean(true).packArrayHeader(0));
    assertEquals("{\"1\":\"a\",\"1.5\":null,\"true\":[]}", utc.decode("k", dict, nonString));
    byte[] nested = bytes(p -> p.packMapHeader(1).packString("x").packMapHeader(2)
        .packString("__set__").packBoolean(true).packString("as_encodable").packArrayHeader(0));
    assertEquals("{\"x\":{\"__set__\":true,\"as_encodable\":[]}}",
        utc.decode("k", dict, nested), "nested envelopes stay maps");
  }

  @Test
  void setsSortAndGeoNilIsNull() throws Exception {
    FieldDef tags = FieldDef.of("tags", FieldClass.SET_FIELD);
    byte[] set = bytes(p -> p.packMapHeader(2).packString("__set__").packBoolean(true)
        .packString("as_encodable").packArrayHeader(3).packString("b").packInt(2).packString("a"));
    assertEquals("[2,\"a\",\"b\"]", utc.decode("k", tags, set));
    FieldDef geo = FieldDef.of("loc", FieldClass.GEO_FIELD);
    byte[] none = bytes(p -> p.packMapHeader(2).packString("as_encodable").packArrayHeader(2)
        .packNil().packNil().packString("__tuple__").packBoolean(true));
    assertNull(utc.decode("k", geo, none));
  }

  @Test
  void strAndBinAreConvertedLeniently() throws Exception {
    FieldDef blob = FieldDef.of("blob", FieldClass.BYTES_FIELD);
    FieldDef name = FieldDef.of("name", FieldClass.FIELD);
    assertArrayEquals("hé".getBytes("UTF-8"), (byte[]) utc.decode("k", blob,
        bytes(p -> p.packString("hé"))));
    assertEquals("hé", utc.decode("k", name,
        bytes(p -> p.packBinaryHeader(3).writePayload("hé".getBytes("UTF-8")))));
    assertThrows(PopotoDecodeException.class, () -> utc.decode("k", name,
        bytes(p -> p.packBinaryHeader(1).writePayload(new byte[] {(byte) 0xff}))));
  }

  @Test
  void strictErrorsNameKeyFieldAndFoundType() throws Exception {
    FieldDef d = FieldDef.of("tip", FieldClass.DECIMAL_FIELD);
    PopotoDecodeException e = assertThrows(PopotoDecodeException.class,
        () -> utc.decode("Order:abc", d, bytes(p -> p.packString("3.00"))));
    assertEquals("Order:abc", e.key());
    assertEquals("tip", e.field());
    assertEquals("msgpack str", e.found());
    assertTrue(e.getMessage().contains("Order:abc") && e.getMessage().contains("tip")
        && e.getMessage().contains("msgpack str"), e.getMessage());
    PopotoDecodeException wrongTag = assertThrows(PopotoDecodeException.class,
        () -> utc.decode("Order:abc", d, envelope("__date__", "20240501")));
    assertEquals("map with __date__", wrongTag.found());
    assertThrows(PopotoDecodeException.class, () -> utc.decode("k",
        FieldDef.of("n", FieldClass.INT_FIELD), new byte[] {(byte) 0xc1}));
  }

  @Test
  void defaultsBecomeColumnValues() {
    FieldDef status = new FieldDef("status", FieldClass.FIELD, ValueType.STR, true, "pending",
        null, null, null, false, null);
    FieldDef vip = new FieldDef("vip", FieldClass.BOOLEAN_FIELD, ValueType.BOOL, true, false,
        null, null, null, false, null);
    FieldDef items = new FieldDef("items", FieldClass.LIST_FIELD, ValueType.LIST, true,
        List.of(1L, "a"), null, null, null, false, null);
    assertEquals("pending", utc.defaultValue(status));
    assertEquals(false, utc.defaultValue(vip));
    assertEquals("[1,\"a\"]", utc.defaultValue(items));
    assertNull(utc.defaultValue(FieldDef.of("x", FieldClass.FIELD)));
  }

  @Test
  void encoderWritesEnvelopesPerLine() throws Exception {
    ValueEncoder v08 = new ValueEncoder(FormatLine.V0_8);
    ValueEncoder newest = new ValueEncoder(FormatLine.NEWEST);
    FieldDef earnings = new FieldDef("earnings", FieldClass.SORTED_FIELD, ValueType.DECIMAL,
        false, null, null, null, null, false, null);
    assertArrayEquals(envelope("__Decimal__", "1234.5"),
        v08.encode(earnings, new BigDecimal("1234.50")));
    assertArrayEquals(envelope("__Decimal__", "1234.50"),
        v08.encode(FieldDef.of("d", FieldClass.DECIMAL_FIELD), new BigDecimal("1234.50")));
    OffsetDateTime aware = OffsetDateTime.of(2026, 6, 15, 8, 0, 0, 500_000_000,
        ZoneOffset.UTC);
    assertArrayEquals(envelope("__datetime__", "2026-06-15T08:00:00.500000+00:00"),
        newest.encode(when, aware));
    assertArrayEquals(envelope("__datetime__", "20260615T08:00:00.500000"),
        v08.encode(when, aware));
    assertArrayEquals(envelope("__datetime__", "2024-05-01T12:30:00"),
        newest.encode(when, LocalDateTime.of(2024, 5, 1, 12, 30)));
    assertArrayEquals(envelope("__time__", "08:30:00"), newest.encode(at, LocalTime.of(8, 30)));
    assertArrayEquals(envelope("__time__", "08:30:00.000000"), v08.encode(at, LocalTime.of(8, 30)));
    assertArrayEquals(new byte[] {(byte) 0xcf, -1, -1, -1, -1, -1, -1, -1, -1},
        v08.encode(FieldDef.of("n", FieldClass.INT_FIELD), new BigInteger("18446744073709551615")));
    assertArrayEquals(new byte[] {(byte) 0xd0, (byte) 0x80},
        v08.encode(FieldDef.of("n", FieldClass.INT_FIELD), -128L));
  }
}
