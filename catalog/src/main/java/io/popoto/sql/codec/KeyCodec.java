package io.popoto.sql.codec;

import io.popoto.sql.catalog.FieldDef;
import io.popoto.sql.catalog.FormatLine;
import io.popoto.sql.catalog.ModelDef;
import io.popoto.sql.catalog.ValueType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Instance keys exactly as Popoto writes them (spec 2): key fields in alphabetical order, each
 * value rendered ({@link #render}) then escaped ({@link #clean}).
 */
public final class KeyCodec {
  /** Popoto's replacement for ':' inside a segment. */
  public static final String COLON = "{&#58;}";
  private static final String GLOB = "'?*^[]-";
  private static final String ESCAPABLE = "/'?*^[]-{";
  private static final KeyCodec V0_8 = new KeyCodec(FormatLine.V0_8);
  private static final KeyCodec NEWEST = new KeyCodec(FormatLine.NEWEST);

  private final FormatLine line;

  private KeyCodec(FormatLine line) {
    this.line = line;
  }

  public static KeyCodec forLine(FormatLine line) {
    return line == FormatLine.NEWEST ? NEWEST : V0_8;
  }

  public FormatLine line() {
    return line;
  }

  /** Popoto's clean(): escapes / ' ? * ^ [ ] - and : (and, newest only, a literal {&#58;}). */
  public String clean(String raw) {
    StringBuilder out = new StringBuilder(raw.length() + 8);
    int i = 0;
    while (i < raw.length()) {
      char c = raw.charAt(i);
      // One pass is equivalent to Popoto's chain of replacements: none of them creates text
      // that a later one would match.
      if (line == FormatLine.NEWEST && raw.startsWith(COLON, i)) {
        out.append('/').append(COLON);
        i += COLON.length();
        continue;
      }
      if (c == '/' || GLOB.indexOf(c) >= 0) {
        out.append('/').append(c);
      } else if (c == ':') {
        out.append(COLON);
      } else {
        out.append(c);
      }
      i++;
    }
    return out.toString();
  }

  /** The scanner of spec 2.4; decodes the output of either line's clean(). */
  public String unclean(String segment) {
    if (segment.indexOf('/') < 0 && !segment.contains(COLON)) {
      return segment;
    }
    StringBuilder out = new StringBuilder(segment.length());
    int i = 0;
    int n = segment.length();
    while (i < n) {
      char c = segment.charAt(i);
      if (c == '/' && i + 1 < n && ESCAPABLE.indexOf(segment.charAt(i + 1)) >= 0) {
        out.append(segment.charAt(i + 1));
        i += 2;
      } else if (segment.startsWith(COLON, i)) {
        out.append(':');
        i += COLON.length();
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /**
   * The text Popoto renders for a key-field value before escaping (spec 2.2): Python str() of
   * String, Long, Double (Python repr: 1.0, 4.95), BigDecimal (keeps scale), Boolean (True/False),
   * null (None), LocalDate, LocalTime, LocalDateTime/OffsetDateTime (0.8.3 str(dt), newest
   * canonical UTC with 'Z').
   */
  public String render(Object value, ValueType type) {
    if (value instanceof LocalDateTime || value instanceof OffsetDateTime) {
      return line == FormatLine.NEWEST ? canonicalUtc(value) : legacyDateTime(value);
    }
    return renderScalar(value, type);
  }

  /** {@code clean(render(value, type))}. */
  public String segment(Object value, ValueType type) {
    return clean(render(value, type));
  }

  /** Every datetime key segment that may hold this value: both renderings (spec 2.5). */
  public List<String> segmentVariants(Object value, ValueType type) {
    String own = segment(value, type);
    if (!(value instanceof LocalDateTime || value instanceof OffsetDateTime)) {
      return List.of(own);
    }
    // Newest data may still sit under 0.8.3 keys and vice versa (POPOTO_DATETIME_KEY_LEGACY).
    String other = clean(line == FormatLine.NEWEST ? legacyDateTime(value) : canonicalUtc(value));
    return own.equals(other) ? List.of(own) : List.of(own, other);
  }

  /** Builds {@code <Model>:<seg(kf1)>:...}; keyValues maps key-field name to Java value. */
  public String instanceKey(ModelDef model, Map<String, ?> keyValues) {
    StringBuilder key = new StringBuilder(clean(model.name()));
    for (FieldDef f : model.keyFields()) {
      key.append(':').append(segment(keyValues.get(f.name()), f.type()));
    }
    return key.toString();
  }

  /** Splits a key on ':' (clean() never emits a bare ':'). */
  public static List<String> split(String key) {
    return Arrays.asList(key.split(":", -1));
  }

  /** True when the key has the model's name and exactly 1 + key-field-count segments. */
  public boolean isInstanceKey(ModelDef model, String key) {
    List<String> parts = split(key);
    return parts.size() == 1 + model.keyFields().size() && parts.get(0).equals(model.name());
  }

  /** Decoded key-segment text per key-field name, in segment order; null if not this model's. */
  public Map<String, String> keySegments(ModelDef model, String key) {
    if (!isInstanceKey(model, key)) {
      return null;
    }
    List<String> parts = split(key);
    Map<String, String> out = new LinkedHashMap<>();
    List<FieldDef> keys = model.keyFields();
    for (int i = 0; i < keys.size(); i++) {
      out.put(keys.get(i).name(), unclean(parts.get(i + 1)));
    }
    return out;
  }

  private static String renderScalar(Object value, ValueType type) {
    if (value == null) {
      return "None";
    }
    if (value instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (value instanceof Double || value instanceof Float) {
      return PythonText.floatRepr(((Number) value).doubleValue());
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte || value instanceof BigInteger) {
      // Popoto coerces a float field's value with float() before it renders the key.
      return type == ValueType.FLOAT
          ? PythonText.floatRepr(((Number) value).doubleValue()) : value.toString();
    }
    if (value instanceof BigDecimal d) {
      return PythonText.decimalStr(d);
    }
    if (value instanceof LocalDate d) {
      return PythonText.date(d);
    }
    if (value instanceof LocalTime t) {
      return PythonText.time(t);
    }
    if (value instanceof OffsetTime t) {
      return PythonText.time(t.toLocalTime()) + PythonText.offset(t.getOffset());
    }
    return value.toString();
  }

  /** 0.8.3 str(dt): space separator, fraction only when set, +HH:MM only when aware. */
  private static String legacyDateTime(Object value) {
    if (value instanceof OffsetDateTime odt) {
      return PythonText.dateTime(odt.toLocalDateTime(), ' ') + PythonText.offset(odt.getOffset());
    }
    return PythonText.dateTime((LocalDateTime) value, ' ');
  }

  /** Newest canonical form: UTC, always six fraction digits and 'Z'; naive means UTC. */
  private static String canonicalUtc(Object value) {
    LocalDateTime utc = value instanceof OffsetDateTime odt
        ? odt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()
        : (LocalDateTime) value;
    return PythonText.date(utc.toLocalDate()) + "T"
        + PythonText.timeFixedFraction(utc.toLocalTime()) + "Z";
  }
}
