package io.popoto.sql.codec;

import io.popoto.sql.catalog.FormatLine;
import io.popoto.sql.catalog.ModelDef;
import io.popoto.sql.catalog.ValueType;
import java.util.List;
import java.util.Map;

/**
 * Instance keys exactly as Popoto writes them (spec 2): key fields in alphabetical order, each
 * value rendered ({@link #render}) then escaped ({@link #clean}).
 */
public final class KeyCodec {
  public static KeyCodec forLine(FormatLine line) {
    throw new UnsupportedOperationException("TODO");
  }

  public FormatLine line() {
    throw new UnsupportedOperationException("TODO");
  }

  /** Popoto's clean(): escapes / ' ? * ^ [ ] - and : (and, newest only, a literal {&#58;}). */
  public String clean(String raw) {
    throw new UnsupportedOperationException("TODO");
  }

  /** The scanner of spec 2.4; decodes the output of either line's clean(). */
  public String unclean(String segment) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * The text Popoto renders for a key-field value before escaping (spec 2.2): Python str() of
   * String, Long, Double (Python repr: 1.0, 4.95), BigDecimal (keeps scale), Boolean (True/False),
   * null (None), LocalDate, LocalTime, LocalDateTime/OffsetDateTime (0.8.3 str(dt), newest
   * canonical UTC with 'Z').
   */
  public String render(Object value, ValueType type) {
    throw new UnsupportedOperationException("TODO");
  }

  /** {@code clean(render(value, type))}. */
  public String segment(Object value, ValueType type) {
    throw new UnsupportedOperationException("TODO");
  }

  /** Every datetime key segment that may hold this value: both renderings (spec 2.5). */
  public List<String> segmentVariants(Object value, ValueType type) {
    throw new UnsupportedOperationException("TODO");
  }

  /** Builds {@code <Model>:<seg(kf1)>:...}; keyValues maps key-field name to Java value. */
  public String instanceKey(ModelDef model, Map<String, ?> keyValues) {
    throw new UnsupportedOperationException("TODO");
  }

  /** Splits a key on ':' (clean() never emits a bare ':'). */
  public static List<String> split(String key) {
    throw new UnsupportedOperationException("TODO");
  }

  /** True when the key has the model's name and exactly 1 + key-field-count segments. */
  public boolean isInstanceKey(ModelDef model, String key) {
    throw new UnsupportedOperationException("TODO");
  }

  /** Decoded key-segment text per key-field name, in segment order; null if not this model's. */
  public Map<String, String> keySegments(ModelDef model, String key) {
    throw new UnsupportedOperationException("TODO");
  }
}
