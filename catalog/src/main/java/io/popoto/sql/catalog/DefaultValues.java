package io.popoto.sql.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Turns a JSON {@code default} into the Java value a {@link FieldDef} holds, checking its type. */
final class DefaultValues {
  private DefaultValues() {}

  /**
   * @return the value (String, Long, Double, Boolean, List, Map or null)
   * @throws IllegalArgumentException when the JSON value cannot be a value of {@code type}
   */
  static Object convert(Located v, ValueType type) {
    if (v.kind == Located.Kind.NULL) {
      return null;
    }
    switch (type) {
      case STR: case BYTES: case KEY:
        return require(v, v.kind == Located.Kind.STRING);
      case INT:
        return require(v, v.kind == Located.Kind.INTEGER);
      case FLOAT:
        require(v, isNumber(v));
        return ((Number) number(v)).doubleValue();
      case DECIMAL:
        // Kept as the decimal's text: a double would round what the user wrote.
        require(v, isNumber(v) || v.kind == Located.Kind.STRING);
        return new BigDecimal(String.valueOf(v.scalar)).toPlainString();
      case BOOL:
        return require(v, v.kind == Located.Kind.BOOLEAN);
      case DATE:
        require(v, v.kind == Located.Kind.STRING);
        LocalDate.parse(v.string());
        return v.string();
      case TIME:
        require(v, v.kind == Located.Kind.STRING);
        LocalTime.parse(v.string());
        return v.string();
      case DATETIME:
        require(v, v.kind == Located.Kind.STRING);
        parseDatetime(v.string());
        return v.string();
      case LIST: case SET: case TUPLE:
        return require(v, v.kind == Located.Kind.ARRAY);
      case DICT:
        return require(v, v.kind == Located.Kind.OBJECT);
      case GEO:
        require(v, v.kind == Located.Kind.ARRAY && v.elements.size() == 2
            && v.elements.stream().allMatch(DefaultValues::isNumber));
        return List.of(number(v.elements.get(0)).doubleValue(),
            number(v.elements.get(1)).doubleValue());
      default:
        return v.toJava();
    }
  }

  private static Object require(Located v, boolean fits) {
    if (!fits) {
      throw new IllegalArgumentException();
    }
    return v.toJava();
  }

  private static boolean isNumber(Located v) {
    return v.kind == Located.Kind.INTEGER || v.kind == Located.Kind.DECIMAL;
  }

  private static Number number(Located v) {
    return (Number) (v.kind == Located.Kind.INTEGER ? v.scalar : v.toJava());
  }

  private static void parseDatetime(String text) {
    try {
      LocalDateTime.parse(text);
    } catch (DateTimeParseException naiveFailed) {
      OffsetDateTime.parse(text);
    }
  }

  /** Whether {@link #convert} accepts the value; parse failures count as not fitting. */
  static boolean fits(Located v, ValueType type) {
    try {
      convert(v, type);
      return true;
    } catch (IllegalArgumentException | DateTimeParseException e) {
      return false;
    }
  }
}
