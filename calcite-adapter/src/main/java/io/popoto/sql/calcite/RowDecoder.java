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
  /** The definitions of {@link #hashFields}, looked up once rather than once per row. */
  private final FieldDef[] hashFieldDefs;
  /** 1.x capped lists among the columns, read with LRANGE from {@code <key>::<field>}. */
  private final List<FieldDef> listFields;
  private final int[] fieldIndex;
  /**
   * Whether values go straight into the row ({@link #decodeInPlace}): no capped lists, and no
   * hash field feeds two columns (a geo field's latitude and longitude do).
   */
  private final boolean inPlace;
  /** Which of {@link #hashFields} hold text (str, relationship): those a run of rows shares. */
  private final boolean[] textFields;
  /** Which columns are a datetime field's value, read to epoch millis in place when they can. */
  private final boolean[] dateTimeColumns;
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
    Map<String, Integer> lists = new LinkedHashMap<>();
    this.fieldIndex = new int[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      String f = columns.get(i).hashField();
      if (f != null && model.field(f).isCappedList()) {
        // list values follow the hash values in the decoded array
        fieldIndex[i] = -2 - lists.computeIfAbsent(f, k -> lists.size());
      } else {
        fieldIndex[i] = f == null ? -1 : positions.computeIfAbsent(f, k -> positions.size());
      }
    }
    this.hashFields = new ArrayList<>(positions.keySet());
    this.hashFieldDefs = hashFields.stream().map(model::field).toArray(FieldDef[]::new);
    this.listFields = lists.keySet().stream().map(model::field).toList();
    // before the list columns get their places: the hash-field columns are those at >= 0
    this.inPlace = listFields.isEmpty()
        && positions.size() == java.util.Arrays.stream(fieldIndex).filter(i -> i >= 0).count();
    this.textFields = new boolean[hashFieldDefs.length];
    for (int j = 0; j < textFields.length; j++) {
      ValueType t = hashFieldDefs[j].type();
      textFields[j] = t == ValueType.STR || t == ValueType.KEY;
    }
    this.dateTimeColumns = new boolean[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      PopotoColumn c = columns.get(i);
      dateTimeColumns[i] = c.part() == PopotoColumn.Part.VALUE && c.field() != null
          && c.field().type() == ValueType.DATETIME;
    }
    for (int i = 0; i < fieldIndex.length; i++) {
      if (fieldIndex[i] <= -2) {
        fieldIndex[i] = hashFields.size() + (-2 - fieldIndex[i]);
      }
    }
  }

  /** The capped lists to LRANGE per row, in the order {@link #decode} expects them. */
  List<FieldDef> listFields() {
    return listFields;
  }

  /**
   * Whether a candidate can be a row of this model: an instance key with the model's segment
   * count. 1.x keeps capped lists at {@code <key>::<field>} and 1.8.x pointers at
   * {@code <key>\0idxptr\0<field>}, both inside {@code <Model>:*}; neither is ever a row.
   */
  boolean isRowKey(String key) {
    String name = model.name();
    if (!key.startsWith(name) || key.length() == name.length()
        || key.charAt(name.length()) != ':') {
      return false;
    }
    int colons = 0;
    boolean nul = false; // both pointer markers hold one; a row key almost never does
    for (int i = name.length(); i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == ':') {
        colons++;
      } else if (c == '\0') {
        nul = true;
      }
    }
    return colons == model.keyFields().size()
        && (!nul || !key.contains(LEGACY_INDEX_POINTER) && !key.contains(LEGACY_TAG_POINTER));
  }

  private static final String LEGACY_INDEX_POINTER = "\0idxptr\0";
  private static final String LEGACY_TAG_POINTER = "\0tagptr\0";

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
    return decode(key, values, List.of());
  }

  /**
   * As {@link #decode(String, List)}, reusing a text value when a row's bytes for it are the
   * previous row's ({@link Repeats}).
   */
  Object[] decode(String key, List<byte[]> values, Repeats last) {
    return inPlace ? decodeInPlace(key, values, last) : decode(key, values, List.of());
  }

  /** A place for the rows of one batch to remember their text values (one batch, one thread). */
  Repeats repeats() {
    return new Repeats(textFields);
  }

  /**
   * The last text value decoded for each str and relationship field, with its bytes: rows read
   * in a run tend to share them (the rows of one reverse set all hold its parent's key, a status
   * repeats), and the same bytes decode to the same text. Reusing it saves the String, and its
   * hash code, which a join's match and an exact path's check compute again per new String.
   * Values that failed to decode are never kept, so their warning is given for every row.
   */
  static final class Repeats {
    private final boolean[] text;
    private final byte[][] bytes;
    private final Object[] values;

    private Repeats(boolean[] text) {
      this.text = text;
      bytes = new byte[text.length][];
      values = new Object[text.length];
    }

    private boolean same(int j, byte[] b) {
      return text[j] && b != null && java.util.Arrays.equals(bytes[j], b);
    }

    private void keep(int j, byte[] b, Object value) {
      if (text[j]) {
        bytes[j] = b;
        values[j] = value;
      }
    }
  }

  /** As {@link #decode(String, List)}, with each capped list's LRANGE reply. */
  Object[] decode(String key, List<byte[]> values, List<List<byte[]>> lists) {
    if (inPlace) {
      return decodeInPlace(key, values, null);
    }
    Object[] decoded = new Object[hashFields.size() + listFields.size()];
    for (int j = 0; j < hashFields.size(); j++) {
      decoded[j] = decodeField(key, hashFieldDefs[j], values.get(j));
    }
    for (int j = 0; j < listFields.size(); j++) {
      decoded[hashFields.size() + j] = decodeList(key, listFields.get(j),
          j < lists.size() ? lists.get(j) : List.of());
    }
    Object[] row = new Object[columns.size()];
    for (int i = 0; i < row.length; i++) {
      PopotoColumn c = columns.get(i);
      row[i] = c.part() == PopotoColumn.Part.KEY ? key : toInternal(c, decoded[fieldIndex[i]]);
    }
    return row;
  }

  /**
   * {@link #decode} when each hash field feeds one column: the values go straight into the row,
   * without the array of decoded fields in between (one array fewer per row).
   */
  private Object[] decodeInPlace(String key, List<byte[]> values, Repeats last) {
    Object[] row = new Object[columns.size()];
    for (int i = 0; i < row.length; i++) {
      PopotoColumn c = columns.get(i);
      int j = fieldIndex[i];
      long millis;
      if (c.part() == PopotoColumn.Part.KEY) {
        row[i] = key;
      } else if (last != null && last.same(j, values.get(j))) {
        row[i] = last.values[j];
      } else if (dateTimeColumns[i]
          && (millis = codec.dateTimeMillis(values.get(j))) != ValueCodec.NO_MILLIS) {
        row[i] = millis; // what toInternal makes of the LocalDateTime decode gives
      } else {
        row[i] = toInternal(c, decodeField(key, hashFieldDefs[j], values.get(j), last, j));
      }
    }
    return row;
  }

  private Object decodeField(String key, FieldDef field, byte[] bytes) {
    return decodeField(key, field, bytes, null, -1);
  }

  /** One field's value; kept in {@code last} (when given) if it decoded. */
  private Object decodeField(String key, FieldDef field, byte[] bytes, Repeats last, int j) {
    if (bytes == null) {
      return missing(key, field);
    }
    try {
      Object value = codec.decode(key, field, bytes);
      if (last != null) {
        last.keep(j, bytes, value);
      }
      return value;
    } catch (PopotoDecodeException e) {
      return undecodable(e);
    }
  }

  private Object decodeList(String key, FieldDef field, List<byte[]> items) {
    return lenient(() -> codec.decodeCappedList(key, field, items));
  }

  private interface Decoding {
    Object get() throws PopotoDecodeException;
  }

  /** Strict mode fails the query; lenient mode gives NULL plus a warning. */
  private Object lenient(Decoding decoding) {
    try {
      return decoding.get();
    } catch (PopotoDecodeException e) {
      return undecodable(e);
    }
  }

  private Object undecodable(PopotoDecodeException e) {
    if (strict) {
      throw new PopotoReadException(e.getMessage(), e);
    }
    warnings.accept(e.getMessage() + "; read as NULL");
    return null;
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
