package io.popoto.sql.calcite;

import io.popoto.sql.catalog.FieldDef;
import io.popoto.sql.catalog.ModelDef;
import io.popoto.sql.catalog.ValueType;
import io.popoto.sql.codec.GeoPoint;
import io.popoto.sql.codec.KeyCodec;
import io.popoto.sql.codec.PopotoDecodeException;
import io.popoto.sql.codec.ValueCodec;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.calcite.avatica.util.ByteString;

/**
 * Turns the hash values of one row into Calcite's internal column values (DATE as days, TIME as
 * millis of day, TIMESTAMP as epoch millis, VARBINARY as ByteString), for a chosen list of
 * columns. Knows which hash fields those columns need, so the fetch reads only those.
 */
final class RowDecoder {
  private final ModelDef model;
  private final List<PopotoColumn> columns;
  private final List<String> hashFields;
  private final int[] fieldIndex;
  private final ValueCodec codec;
  private final KeyCodec keyCodec;
  private final boolean strict;
  private final Consumer<String> warnings;

  RowDecoder(ModelDef model, List<PopotoColumn> columns, ValueCodec codec, KeyCodec keyCodec,
      boolean strict, Consumer<String> warnings) {
    this.model = model;
    this.columns = List.copyOf(columns);
    this.codec = codec;
    this.keyCodec = keyCodec;
    this.strict = strict;
    this.warnings = warnings;
    Map<String, Integer> positions = new LinkedHashMap<>();
    this.fieldIndex = new int[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      String f = columns.get(i).hashField();
      fieldIndex[i] = f == null ? -1 : positions.computeIfAbsent(f, k -> positions.size());
    }
    this.hashFields = new ArrayList<>(positions.keySet());
  }

  /** Records a problem with a row that did not stop the scan, for an SQLWarning. */
  void warn(String message) {
    warnings.accept(message);
  }

  /** The hash fields to HMGET, in the order {@link #decode} expects their values. */
  List<String> hashFields() {
    return hashFields;
  }

  /**
   * Decodes one row. {@code values} are the raw HMGET replies aligned with {@link #hashFields()};
   * a null entry means the hash has no such field (not the same as a stored msgpack nil).
   */
  Object[] decode(String key, List<byte[]> values) {
    Object[] decoded = new Object[hashFields.size()];
    for (int j = 0; j < decoded.length; j++) {
      decoded[j] = decodeField(key, model.field(hashFields.get(j)), values.get(j));
    }
    Object[] row = new Object[columns.size()];
    for (int i = 0; i < row.length; i++) {
      PopotoColumn c = columns.get(i);
      row[i] = c.part() == PopotoColumn.Part.KEY ? key : toInternal(c, decoded[fieldIndex[i]]);
    }
    return row;
  }

  private Object decodeField(String key, FieldDef field, byte[] bytes) {
    if (bytes == null) {
      return missing(key, field);
    }
    try {
      return codec.decode(key, field, bytes);
    } catch (PopotoDecodeException e) {
      if (strict) {
        throw new PopotoReadException(e.getMessage(), e);
      }
      warnings.accept(e.getMessage() + "; read as NULL");
      return null;
    }
  }

  /**
   * A field absent from the hash: a key field's value is recovered from the key segment (it is
   * authoritative, spec 5.4); any other field takes its declared default (spec 3.5).
   */
  private Object missing(String key, FieldDef field) {
    if (field.isKey() && field.type() == ValueType.STR) {
      Map<String, String> segments = keyCodec.keySegments(model, key);
      if (segments != null) {
        return segments.get(field.name());
      }
    }
    return codec.defaultValue(field);
  }

  private static Object toInternal(PopotoColumn c, Object v) {
    if (v == null) {
      return null;
    }
    switch (c.part()) {
      case LATITUDE:
        return ((GeoPoint) v).latitude();
      case LONGITUDE:
        return ((GeoPoint) v).longitude();
      default:
        break;
    }
    if (v instanceof LocalDate d) {
      return (int) d.toEpochDay();
    }
    if (v instanceof LocalTime t) {
      return (int) (t.toNanoOfDay() / 1_000_000L);
    }
    if (v instanceof LocalDateTime ts) {
      return ts.toInstant(ZoneOffset.UTC).toEpochMilli();
    }
    if (v instanceof byte[] b) {
      return new ByteString(b);
    }
    if (v instanceof java.math.BigDecimal d && c.field().decimalPlaces() != null) {
      // The declared scale, as a NUMERIC(p, s) column holds it: 5.5 reads as 5.50 (a
      // SortedField Decimal stores float text); more places round half-even.
      return d.setScale(c.field().decimalPlaces(), java.math.RoundingMode.HALF_EVEN);
    }
    return v;
  }
}
