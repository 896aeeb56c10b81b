package io.popoto.sql.codec;

import io.popoto.sql.catalog.FieldDef;
import io.popoto.sql.catalog.FieldClass;
import io.popoto.sql.catalog.FormatLine;
import io.popoto.sql.catalog.ValueType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.Collection;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;

/**
 * Encodes Java values into hash bytes exactly as Popoto does (used by the data generator and by
 * tests): msgpack with smallest ints, float64 floats, str/bin families, and the envelopes of
 * spec 3.3 with the tag entry first. Accepts String, Integer/Long/BigInteger, Double, Boolean,
 * byte[], BigDecimal, LocalDate, LocalTime, LocalDateTime (naive), OffsetDateTime (aware), List,
 * Map, Set, GeoPoint (or null for [nil, nil]) and a key String for a Relationship.
 */
public final class ValueEncoder {
  private final FormatLine line;

  public ValueEncoder(FormatLine line) {
    this.line = line;
  }

  public byte[] encode(FieldDef field, Object value) {
    try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
      packField(packer, field, value);
      packer.flush();
      return packer.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One item of a 1.x capped list: packed with the envelope of its own runtime type (spec 1x
   * 4.8): BigDecimal, LocalDate, LocalTime, LocalDateTime/OffsetDateTime and Set are
   * enveloped, anything else is packed plain.
   */
  public byte[] encodeItem(Object item) {
    ValueType runtime = item instanceof BigDecimal ? ValueType.DECIMAL
        : item instanceof LocalDate ? ValueType.DATE
        : item instanceof LocalTime || item instanceof OffsetTime ? ValueType.TIME
        : item instanceof LocalDateTime || item instanceof OffsetDateTime ? ValueType.DATETIME
        : item instanceof java.util.Set ? ValueType.SET : ValueType.LIST;
    return encode(new FieldDef("item", FieldClass.FIELD, runtime, true, null, null, null, null,
        false, null), item);
  }

  private void packField(MessagePacker p, FieldDef field, Object value) throws IOException {
    ValueType type = field.type();
    if (field.isTags()) {
      // TagField: sorted(set(str(t) for t in tags if t is not None)); no tags is [].
      java.util.TreeSet<String> tags = new java.util.TreeSet<>(JsonText::compareCodePoints);
      for (Object t : value == null ? List.of() : (Iterable<?>) value) {
        if (t != null) {
          tags.add(t.toString());
        }
      }
      packAny(p, new java.util.ArrayList<>(tags));
      return;
    }
    if (type == ValueType.GEO) {
      // "No location" keeps the envelope: __tuple__ [nil, nil].
      GeoPoint g = (GeoPoint) value;
      envelope(p, Envelope.TUPLE);
      p.packArrayHeader(2);
      packAny(p, g == null ? null : g.latitude());
      packAny(p, g == null ? null : g.longitude());
      return;
    }
    if (value == null) {
      p.packNil();
      return;
    }
    switch (type) {
      case FLOAT -> packAny(p, ((Number) value).doubleValue());
      case DECIMAL -> {
        envelope(p, Envelope.DECIMAL);
        p.packString(decimalPayload(field, value));
      }
      case TUPLE -> {
        envelope(p, Envelope.TUPLE);
        packAny(p, value);
      }
      case SET -> {
        envelope(p, Envelope.SET);
        packAny(p, value);
      }
      case DATE -> {
        envelope(p, Envelope.DATE);
        p.packString(PythonText.compactDate((LocalDate) value));
      }
      case TIME -> {
        envelope(p, Envelope.TIME);
        p.packString(timePayload(value));
      }
      case DATETIME -> {
        envelope(p, Envelope.DATETIME);
        p.packString(dateTimePayload(value));
      }
      case DATAFRAME -> {
        envelope(p, Envelope.DATAFRAME);
        p.packString(value.toString());
      }
      default -> packAny(p, value);
    }
  }

  /** SortedField(type=Decimal) stores float(value), so the payload is the float's repr. */
  private static String decimalPayload(FieldDef field, Object value) {
    boolean sorted = field.fieldClass() == FieldClass.SORTED_FIELD
        || field.fieldClass() == FieldClass.SORTED_KEY_FIELD;
    if (sorted) {
      return PythonText.floatRepr(((Number) value).doubleValue());
    }
    return PythonText.decimalStr(value instanceof BigDecimal d ? d : new BigDecimal(
        value.toString()));
  }

  private String timePayload(Object value) {
    LocalTime t = value instanceof OffsetTime ot ? ot.toLocalTime() : (LocalTime) value;
    if (line == FormatLine.V0_8) {
      return PythonText.timeFixedFraction(t);
    }
    String iso = PythonText.time(t);
    return value instanceof OffsetTime ot ? iso + PythonText.offset(ot.getOffset()) : iso;
  }

  private String dateTimePayload(Object value) {
    LocalDateTime wall = value instanceof OffsetDateTime odt
        ? odt.toLocalDateTime() : (LocalDateTime) value;
    if (line == FormatLine.V0_8) {
      // 0.8.3's strftime drops the offset of an aware value.
      return PythonText.legacyDateTime(wall);
    }
    String iso = PythonText.dateTime(wall, 'T');
    return value instanceof OffsetDateTime odt ? iso + PythonText.offset(odt.getOffset()) : iso;
  }

  private static void envelope(MessagePacker p, String tag) throws IOException {
    p.packMapHeader(2);
    p.packString(tag);
    p.packBoolean(true);
    p.packString(Envelope.PAYLOAD);
  }

  /** msgpack-python's packb for plain values; nested values are never enveloped. */
  private static void packAny(MessagePacker p, Object v) throws IOException {
    if (v == null) {
      p.packNil();
    } else if (v instanceof String s) {
      p.packString(s);
    } else if (v instanceof Boolean b) {
      p.packBoolean(b);
    } else if (v instanceof Double || v instanceof Float) {
      p.packDouble(((Number) v).doubleValue());
    } else if (v instanceof BigInteger i) {
      p.packBigInteger(i);
    } else if (v instanceof Number n && !(v instanceof BigDecimal)) {
      p.packLong(n.longValue());
    } else if (v instanceof byte[] b) {
      p.packBinaryHeader(b.length);
      p.writePayload(b);
    } else if (v instanceof Collection<?> c) {
      p.packArrayHeader(c.size());
      for (Object e : c) {
        packAny(p, e);
      }
    } else if (v instanceof Object[] a) {
      packAny(p, Arrays.asList(a));
    } else if (v instanceof Map<?, ?> m) {
      p.packMapHeader(m.size());
      for (Map.Entry<?, ?> e : m.entrySet()) {
        packAny(p, e.getKey());
        packAny(p, e.getValue());
      }
    } else {
      throw new IllegalArgumentException("msgpack cannot store a nested "
          + v.getClass().getSimpleName());
    }
  }
}
