package io.popoto.sql.calcite;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

/**
 * Turns SQL literals and statement parameters into the Java values the codec works with
 * (the same types {@code ValueCodec} produces), so an index key or score built from a query
 * value matches the one Popoto built from the stored value.
 */
final class ValueConverter {
  private ValueConverter() {}

  /** The literal as a codec value for a column of the given type; null if it cannot be. */
  static Object fromLiteral(RexLiteral literal, SqlTypeName columnType) {
    if (literal.isNull()) {
      return null;
    }
    switch (columnType) {
      case VARCHAR:
        return literal.getValueAs(String.class);
      case BIGINT: {
        BigDecimal d = literal.getValueAs(BigDecimal.class);
        return d == null ? null : integral(d);
      }
      case DOUBLE: {
        BigDecimal d = literal.getValueAs(BigDecimal.class);
        return d == null ? literal.getValueAs(Double.class) : d.doubleValue();
      }
      case DECIMAL:
        return literal.getValueAs(BigDecimal.class);
      case BOOLEAN:
        return literal.getValueAs(Boolean.class);
      case DATE: {
        DateString d = literal.getValueAs(DateString.class);
        return d == null ? null : LocalDate.ofEpochDay(d.getDaysSinceEpoch());
      }
      case TIME: {
        TimeString t = literal.getValueAs(TimeString.class);
        return t == null ? null : LocalTime.ofNanoOfDay(t.getMillisOfDay() * 1_000_000L);
      }
      case TIMESTAMP: {
        TimestampString ts = literal.getValueAs(TimestampString.class);
        return ts == null ? null : LocalDateTime.ofEpochSecond(
            Math.floorDiv(ts.getMillisSinceEpoch(), 1000),
            (int) Math.floorMod(ts.getMillisSinceEpoch(), 1000) * 1_000_000, ZoneOffset.UTC);
      }
      default:
        return null;
    }
  }

  /** A statement parameter (JDBC or Calcite-internal representation) as a codec value. */
  static Object fromParameter(Object v, SqlTypeName columnType) {
    if (v == null) {
      return null;
    }
    switch (columnType) {
      case VARCHAR:
        return v.toString();
      case BIGINT:
        return v instanceof Number n ? integral(new BigDecimal(n.toString())) : null;
      case DOUBLE:
        return v instanceof Number n ? n.doubleValue() : null;
      case DECIMAL:
        return v instanceof Number n ? new BigDecimal(n.toString()) : null;
      case BOOLEAN:
        return v instanceof Boolean ? v : null;
      case DATE:
        if (v instanceof java.sql.Date d) {
          return d.toLocalDate();
        }
        return v instanceof Number n ? LocalDate.ofEpochDay(n.longValue()) : null;
      case TIME:
        // a 1.x SortedField(type=time) scores seconds since midnight, so its bound matters
        if (v instanceof java.sql.Time t) {
          // like Timestamp above: the wall clock, with the milliseconds toLocalTime() drops
          return t.toLocalTime().withNano((int) Math.floorMod(t.getTime(), 1000L) * 1_000_000);
        }
        return v instanceof Number n
            ? LocalTime.ofNanoOfDay(Math.floorMod(n.longValue(), 86_400_000L) * 1_000_000L)
            : null;
      case TIMESTAMP:
        if (v instanceof java.sql.Timestamp t) {
          return t.toLocalDateTime();
        }
        if (v instanceof Number n) {
          long ms = n.longValue();
          return LocalDateTime.ofEpochSecond(Math.floorDiv(ms, 1000),
              (int) Math.floorMod(ms, 1000) * 1_000_000, ZoneOffset.UTC);
        }
        return null;
      default:
        return null;
    }
  }

  private static Object integral(BigDecimal d) {
    try {
      return d.longValueExact();
    } catch (ArithmeticException notIntegral) {
      return null;
    }
  }
}
