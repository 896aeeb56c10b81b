package io.popoto.sql.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.popoto.sql.catalog.Catalog;
import io.popoto.sql.catalog.FieldDef;
import io.popoto.sql.catalog.FormatLine;
import io.popoto.sql.catalog.ValueType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.msgpack.value.ArrayValue;
import org.msgpack.value.Value;

/**
 * Decodes a hash field's msgpack bytes into the Java value of its SQL column (spec 3,
 * architecture 3). Java types: STR/KEY String; INT Long (BigInteger above Long.MAX_VALUE is a
 * decode error for BIGINT); FLOAT Double; BOOL Boolean; BYTES byte[]; DECIMAL BigDecimal (scale
 * kept); DATE LocalDate; TIME LocalTime; DATETIME LocalDateTime in UTC (offsets converted; naive
 * values read in the catalog's naive zone, as-is when unknown); LIST/DICT/SET/TUPLE/DATAFRAME JSON
 * text String (set elements sorted for a stable order); GEO GeoPoint or null for [nil, nil].
 * msgpack nil is null. Envelopes are interpreted only at the top level.
 *
 * <p>Two lenient conversions, because msgpack writers without use_bin_type store bytes as str:
 * a str in a BYTES field gives its raw bytes, and a bin in a STR/KEY field gives its text when
 * it is valid UTF-8 (an error otherwise). Newest Popoto reads naive datetimes as UTC (#519), so
 * the naive zone applies to 0.8 data only.
 */
public final class ValueCodec {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** {@link #dateTimeMillis}'s answer when the bytes need {@link #decode}. */
  public static final long NO_MILLIS = DateTimeBytes.UNDECIDED;

  private final FormatLine line;
  private final ZoneId naiveZone;
  /** Where {@link #utc} places a naive datetime, in seconds east of UTC, if at a fixed offset. */
  private final int naiveOffsetSeconds;

  public ValueCodec(Catalog catalog) {
    this.line = catalog.formatLine();
    this.naiveZone = catalog.naiveZone();
    if (line != FormatLine.V0_8 || naiveZone == null) {
      naiveOffsetSeconds = 0; // as written
    } else if (naiveZone.getRules().isFixedOffset()) {
      naiveOffsetSeconds = naiveZone.getRules().getOffset(java.time.Instant.EPOCH)
          .getTotalSeconds();
    } else {
      naiveOffsetSeconds = DateTimeBytes.NOT_FIXED; // daylight saving: the full reading
    }
  }

  /**
   * A datetime field's value as UTC epoch milliseconds, the TIMESTAMP column's own value, read
   * straight from the bytes when they hold a datetime envelope in a shape Popoto writes
   * ({@link DateTimeBytes}); {@link #NO_MILLIS} for anything else (nil, another shape, a value
   * in error), which {@link #decode} then reads. Where it answers, it is {@link #decode}'s
   * instant, without the text and the java.time objects.
   */
  public long dateTimeMillis(byte[] msgpack) {
    long range = msgpack == null ? -1
        : DirectValues.envelopeRange(msgpack, DirectValues.dateTimeTag());
    return range < 0 ? NO_MILLIS : DateTimeBytes.epochMillis(msgpack, (int) (range >>> 32),
        (int) range, naiveOffsetSeconds);
  }

  /** Strict decode; key is only used in the exception message. */
  public Object decode(String key, FieldDef field, byte[] msgpack) throws PopotoDecodeException {
    Object direct = DirectValues.read(field.type(), msgpack);
    if (direct != DirectValues.UNDECIDED) {
      try {
        return direct instanceof TemporalPayloads.Stamp stamp
            ? field.type() == ValueType.TIME ? utcTime(stamp) : utc(stamp) : direct;
      } catch (DateTimeException e) {
        // out of range once moved to UTC: the full reading reports it
      }
    }
    return decodeTree(key, field, msgpack);
  }

  /** The full reading through msgpack's value tree: every shape, and every error worded. */
  Object decodeTree(String key, FieldDef field, byte[] msgpack) throws PopotoDecodeException {
    Value value = MsgpackValues.read(key, field.name(), msgpack);
    if (value.isNilValue()) {
      return null;
    }
    try {
      Object decoded = decodeValue(field.type(), value);
      if (decoded == MISMATCH) {
        throw new PopotoDecodeException(key, field.name(), MsgpackValues.describe(value),
            "not a " + field.type().pythonName() + " value");
      }
      return decoded;
    } catch (DateTimeException | NumberFormatException e) {
      throw new PopotoDecodeException(key, field.name(), MsgpackValues.describe(value),
          "bad " + field.type().pythonName() + " text: " + e.getMessage());
    } catch (OutOfRange e) {
      throw new PopotoDecodeException(key, field.name(), MsgpackValues.describe(value),
          e.getMessage());
    }
  }

  /**
   * A 1.x capped list from its LRANGE 0 -1 reply (spec 1x 4.8): JSON array text of the items
   * in list order. Each item was packed with the envelope of its own runtime type, so an
   * envelope item shows its payload ({@code "12.50"}, an ISO datetime, a tuple's array); an
   * empty or missing LIST is {@code []}, as Popoto loads it.
   */
  public String decodeCappedList(String key, FieldDef field, List<byte[]> items)
      throws PopotoDecodeException {
    List<Value> values = new java.util.ArrayList<>(items.size());
    for (byte[] item : items) {
      Value v = MsgpackValues.read(key + "::" + field.name(), field.name(), item);
      Envelope env = Envelope.of(v);
      values.add(env == null ? v : env.payload());
    }
    return JsonText.of(org.msgpack.value.ValueFactory.newArray(values));
  }

  /** The field's declared default as a Java value of its column type; null when none. */
  public Object defaultValue(FieldDef field) {
    Object d = field.defaultValue();
    if (d == null) {
      return null;
    }
    switch (field.type()) {
      case STR: case KEY: return String.valueOf(d);
      case INT: return d instanceof Number n ? (Object) n.longValue() : Long.valueOf(d.toString());
      case FLOAT: return d instanceof Number n ? (Object) n.doubleValue()
          : Double.valueOf(d.toString());
      case BOOL: return d instanceof Boolean ? d : Boolean.valueOf(d.toString());
      case DECIMAL: return new BigDecimal(d instanceof Double x ? PythonText.floatRepr(x)
          : d.toString());
      case BYTES: return d instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : null;
      case DATE: return LocalDate.parse(d.toString());
      case TIME: return LocalTime.parse(d.toString());
      case DATETIME: return utc(TemporalPayloads.dateTime(d.toString()));
      case DATAFRAME: return d.toString();
      case GEO:
        return d instanceof List<?> l && l.size() == 2 && l.get(0) instanceof Number lat
            && l.get(1) instanceof Number lon
            ? new GeoPoint(lat.doubleValue(), lon.doubleValue()) : null;
      default:
        try {
          return JSON.writeValueAsString(d);
        } catch (JsonProcessingException e) {
          throw new IllegalArgumentException("default of " + field.name() + " is not JSON", e);
        }
    }
  }

  /** Hash fields to skip: undeclared (caller checks) and internal names containing NUL. */
  public static boolean isInternalField(String hashField) {
    return hashField.indexOf('\0') >= 0;
  }

  /** Returned when the msgpack type does not fit; the caller builds the message. */
  private static final Object MISMATCH = new Object();

  private static final class OutOfRange extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OutOfRange(String message) {
      super(message, null, false, false);
    }
  }

  private Object decodeValue(ValueType type, Value value) {
    switch (type) {
      case STR: case KEY: return text(value);
      case INT: return integer(value);
      case FLOAT: return floating(value);
      case BOOL: return value.isBooleanValue() ? value.asBooleanValue().getBoolean() : MISMATCH;
      case BYTES: return value.isRawValue() ? value.asRawValue().asByteArray() : MISMATCH;
      case LIST: return value.isArrayValue() ? JsonText.of(value) : MISMATCH;
      case DICT: return value.isMapValue() ? JsonText.of(value) : MISMATCH;
      default: return decodeEnvelope(type, Envelope.of(value));
    }
  }

  private Object decodeEnvelope(ValueType type, Envelope env) {
    if (env == null || !env.tag().equals(tagOf(type))) {
      return MISMATCH;
    }
    Value p = env.payload();
    switch (type) {
      case DECIMAL: return p.isStringValue() ? new BigDecimal(p.toString()) : MISMATCH;
      case DATE: return p.isStringValue() ? TemporalPayloads.date(p.toString()) : MISMATCH;
      case TIME: return p.isStringValue() ? utcTime(TemporalPayloads.time(p.toString()))
          : MISMATCH;
      case DATETIME: return p.isStringValue() ? utc(TemporalPayloads.dateTime(p.toString()))
          : MISMATCH;
      case DATAFRAME: return p.isStringValue() ? p.toString() : MISMATCH;
      case TUPLE: return p.isArrayValue() ? JsonText.of(p) : MISMATCH;
      case SET: return p.isArrayValue() ? JsonText.sortedArray(p.asArrayValue()) : MISMATCH;
      case GEO: return p.isArrayValue() ? geo(p.asArrayValue()) : MISMATCH;
      default: return MISMATCH;
    }
  }

  private static String tagOf(ValueType type) {
    switch (type) {
      case DECIMAL: return Envelope.DECIMAL;
      case DATE: return Envelope.DATE;
      case TIME: return Envelope.TIME;
      case DATETIME: return Envelope.DATETIME;
      case DATAFRAME: return Envelope.DATAFRAME;
      case SET: return Envelope.SET;
      default: return Envelope.TUPLE;
    }
  }

  private static Object text(Value value) {
    if (value.isStringValue()) {
      String s = JsonText.strictText(value.asRawValue().asByteArray());
      if (s == null) {
        throw new OutOfRange("str is not valid UTF-8");
      }
      return s;
    }
    if (value.isBinaryValue()) {
      String s = JsonText.strictText(value.asRawValue().asByteArray());
      if (s == null) {
        throw new OutOfRange("bin is not valid UTF-8 text");
      }
      return s;
    }
    return MISMATCH;
  }

  private static Object integer(Value value) {
    if (!value.isIntegerValue()) {
      return MISMATCH;
    }
    if (!value.asIntegerValue().isInLongRange()) {
      throw new OutOfRange("integer " + value.asIntegerValue().toBigInteger()
          + " is outside the BIGINT range");
    }
    return value.asIntegerValue().toLong();
  }

  private static Object floating(Value value) {
    if (value.isFloatValue()) {
      return value.asFloatValue().toDouble();
    }
    // Rows written before the field became a float, or by untyped writers, hold ints.
    if (value.isIntegerValue()) {
      return value.asIntegerValue().toBigInteger().doubleValue();
    }
    return MISMATCH;
  }

  private static Object geo(ArrayValue pair) {
    if (pair.size() != 2) {
      return MISMATCH;
    }
    Value lat = pair.get(0);
    Value lon = pair.get(1);
    if (lat.isNilValue() && lon.isNilValue()) {
      return null;
    }
    if (!lat.isNumberValue() || !lon.isNumberValue()) {
      return MISMATCH;
    }
    return new GeoPoint(lat.asNumberValue().toDouble(), lon.asNumberValue().toDouble());
  }

  private LocalDateTime utc(TemporalPayloads.Stamp stamp) {
    // through the epoch second: withZoneSameInstant builds a ZonedDateTime and UTC's rules
    // (a new ZoneRules each time) for every value of a full scan
    LocalDateTime wall = stamp.wallClock();
    if (stamp.offset() != null) {
      return LocalDateTime.ofEpochSecond(wall.toEpochSecond(stamp.offset()), wall.getNano(),
          ZoneOffset.UTC);
    }
    if (line == FormatLine.V0_8 && naiveZone != null) {
      return LocalDateTime.ofEpochSecond(wall.atZone(naiveZone).toEpochSecond(),
          wall.getNano(), ZoneOffset.UTC);
    }
    return wall;
  }

  /** A time with an offset is shifted to UTC, like datetimes; a naive time stays as written. */
  private static LocalTime utcTime(TemporalPayloads.Stamp stamp) {
    if (stamp.offset() == null) {
      return stamp.wallClock().toLocalTime();
    }
    return stamp.wallClock().toLocalTime().atOffset(stamp.offset())
        .withOffsetSameInstant(ZoneOffset.UTC).toLocalTime();
  }
}
