package io.popoto.sql.jdbc;

import java.sql.Types;

/**
 * The sizes JDBC reports for a column of one SQL type, from Calcite's precision and scale: one
 * rule behind both {@code getColumns} (COLUMN_SIZE, DECIMAL_DIGITS, CHAR_OCTET_LENGTH) and
 * {@code ResultSetMetaData} (getPrecision, getScale, getColumnDisplaySize), so the two agree by
 * construction.
 *
 * <ul>
 *   <li>size: characters for strings and bytes ({@link #UNBOUNDED} when Calcite has no length:
 *       Redis strings are binary safe and unbounded in practice), digits for numbers, the
 *       length of the text form for dates and times ({@code 2026-12-01 21:30:00.123} is 23);
 *   <li>digits: the scale of exact numbers, the fractional second digits of times and
 *       timestamps, null where JDBC calls it not applicable (getScale reports 0 then);
 *   <li>display size: the widest text form: the size, plus a sign (and a decimal point) for
 *       numbers, {@code false} for booleans.
 * </ul>
 */
record ColumnSize(int size, Integer digits, int displaySize) {
  /** Redis strings are binary safe and unbounded in practice; tools want a number. */
  static final int UNBOUNDED = Integer.MAX_VALUE;

  /**
   * @param jdbcType a {@link Types} constant
   * @param precision Calcite's precision, 0 or negative when the type has none; for times and
   *     timestamps the fractional second digits
   * @param scale Calcite's scale
   */
  static ColumnSize of(int jdbcType, int precision, int scale) {
    int fraction = Math.max(scale, 0);
    int secondDigits = Math.max(precision, 0);
    switch (jdbcType) {
      case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR,
          Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> {
        int size = precision > 0 ? precision : UNBOUNDED;
        return new ColumnSize(size, null, size);
      }
      case Types.TINYINT -> {
        return integer(3);
      }
      case Types.SMALLINT -> {
        return integer(5);
      }
      case Types.INTEGER -> {
        return integer(10);
      }
      case Types.BIGINT -> {
        return integer(19);
      }
      case Types.REAL -> {
        return new ColumnSize(7, null, 14); // -1.2345678E-38
      }
      case Types.FLOAT, Types.DOUBLE -> {
        return new ColumnSize(15, null, 24); // -1.2345678901234567E-308
      }
      case Types.DECIMAL, Types.NUMERIC -> {
        return new ColumnSize(precision, fraction, precision + 1 + (fraction > 0 ? 1 : 0));
      }
      case Types.BOOLEAN, Types.BIT -> {
        return new ColumnSize(1, null, 5);
      }
      case Types.DATE -> {
        return new ColumnSize(10, null, 10);
      }
      case Types.TIME, Types.TIME_WITH_TIMEZONE -> {
        int size = 8 + (secondDigits > 0 ? secondDigits + 1 : 0);
        return new ColumnSize(size, secondDigits, size);
      }
      case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> {
        int size = 19 + (secondDigits > 0 ? secondDigits + 1 : 0);
        return new ColumnSize(size, secondDigits, size);
      }
      default -> {
        int size = Math.max(precision, 0);
        return new ColumnSize(size, null, size);
      }
    }
  }

  private static ColumnSize integer(int digits) {
    return new ColumnSize(digits, 0, digits + 1);
  }

  /** CHAR_OCTET_LENGTH: the maximum bytes of a string or binary column, else null. */
  Integer charOctetLength(int jdbcType) {
    return switch (jdbcType) {
      case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR,
          Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> size;
      default -> null;
    };
  }

  /** NUM_PREC_RADIX: 10 for numbers, null otherwise. */
  static Integer radix(int jdbcType) {
    return switch (jdbcType) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.REAL,
          Types.FLOAT, Types.DOUBLE, Types.DECIMAL, Types.NUMERIC -> 10;
      default -> null;
    };
  }

  /** What ResultSetMetaData.getScale reports: the digits, 0 where they do not apply. */
  int scale() {
    return digits == null ? 0 : digits;
  }
}
