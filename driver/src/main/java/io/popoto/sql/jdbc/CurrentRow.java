package io.popoto.sql.jdbc;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Calendar;
import java.util.TimeZone;
import org.apache.calcite.avatica.AvaticaResultSet;
import org.apache.calcite.avatica.util.ArrayIteratorCursor;
import org.apache.calcite.avatica.util.DateTimeUtils;

/**
 * The values of the row a Calcite result set is on, read from the row itself for the column
 * types whose JDBC value is the row's own value (VARCHAR as String, DOUBLE, INTEGER, BIGINT,
 * BOOLEAN) or, for TIMESTAMP, a fixed shift of its epoch milliseconds.
 *
 * <p>Why: Avatica's getObject goes through {@code AvaticaSite.get} for every value: a type
 * switch, megamorphic accessor calls, unboxing and boxing again, and for TIMESTAMP a
 * {@code Timestamp.valueOf(LocalDateTime)} whose {@code java.util.Date} normalisation looks the
 * zone up twice. Reading 13 columns of 100,000 rows cost a third of a full scan's client CPU.
 *
 * <p>The answer is always Avatica's own:
 * <ul>
 *   <li>A row read here is the one Avatica's accessors read: {@code IteratorCursor.current}, whose
 *       {@code ArrayGetter} takes element {@code column - 1}.</li>
 *   <li>A value is answered here only when its class is the one Avatica's accessor returns
 *       unchanged for that type.</li>
 *   <li>A TIMESTAMP is shifted here only when every zone involved has a fixed offset and the
 *       instant lies between the Gregorian cutover and year 9999, where
 *       {@code DateTimeUtils.unixTimestampToSqlTimestamp}'s calendar arithmetic reduces to that
 *       shift. Any other instant is Avatica's method's.</li>
 *   <li>Avatica's null flag is set as its accessor would set it, so {@code wasNull()} stays
 *       Avatica's.</li>
 *   <li>Any other type, cursor, row or value, and any Avatica whose fields are not where this
 *       expects them, goes through Avatica as before ({@link #AVATICA}).</li>
 * </ul>
 * {@code CurrentRowTest} compares every answer with Avatica's.
 */
final class CurrentRow {
  /** Returned when Avatica must answer. */
  static final Object AVATICA = new Object();

  private static final byte VIA_AVATICA = 0;
  private static final byte SAME = 1;
  private static final byte TIMESTAMP = 2;
  /** 1582-10-17T00:00Z: two days past the Gregorian cutover, a margin for any zone offset. */
  static final long GREGORIAN_FROM = -12219120000000L;
  /** 9999-12-30T00:00Z. */
  static final long GREGORIAN_TO = 253402128000000L;

  private static final VarHandle CURSOR;
  private static final VarHandle CURRENT;
  private static final VarHandle WAS_NULL;
  private static final VarHandle CALENDAR;

  static {
    VarHandle cursor = null;
    VarHandle current = null;
    VarHandle wasNull = null;
    VarHandle calendar = null;
    try {
      MethodHandles.Lookup here = MethodHandles.lookup();
      Class<?> rs = AvaticaResultSet.class;
      Class<?> iterator = Class.forName("org.apache.calcite.avatica.util.IteratorCursor");
      Class<?> abstractCursor = Class.forName("org.apache.calcite.avatica.util.AbstractCursor");
      MethodHandles.Lookup rsLookup = MethodHandles.privateLookupIn(rs, here);
      cursor = rsLookup.findVarHandle(rs, "cursor",
          Class.forName("org.apache.calcite.avatica.util.Cursor"));
      calendar = rsLookup.findVarHandle(rs, "localCalendar", Calendar.class);
      current = MethodHandles.privateLookupIn(iterator, here)
          .findVarHandle(iterator, "current", Object.class);
      wasNull = MethodHandles.privateLookupIn(abstractCursor, here)
          .findVarHandle(abstractCursor, "wasNull", boolean[].class);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      cursor = null; // another Avatica, or a module that does not open it: Avatica answers
    }
    CURSOR = cursor;
    CURRENT = current;
    WAS_NULL = wasNull;
    CALENDAR = calendar;
  }

  private final AvaticaResultSet rows;
  /** Per column: how its values are read; null until the first read. */
  private byte[] kinds;
  /** Per column: the class its values have when read here. */
  private Class<?>[] classes;
  /** Milliseconds to subtract from a TIMESTAMP; valid when {@link #shiftKnown}. */
  private long shift;
  private boolean shiftKnown;

  private CurrentRow(AvaticaResultSet rows) {
    this.rows = rows;
  }

  /** For a Calcite result set whose rows can be read here; else null. */
  static CurrentRow of(ResultSet rs) {
    return CURSOR != null && rs instanceof AvaticaResultSet a ? new CurrentRow(a) : null;
  }

  /** The column's JDBC value as getObject gives it, or {@link #AVATICA}. */
  Object value(int column) throws SQLException {
    byte[] k = kinds();
    if (column < 1 || column > k.length || k[column - 1] == VIA_AVATICA || rows.isClosed()) {
      return AVATICA;
    }
    Object cursor = CURSOR.get(rows);
    if (cursor == null || cursor.getClass() != ArrayIteratorCursor.class
        || !(CURRENT.get(cursor) instanceof Object[] row) || row.length != k.length) {
      return AVATICA;
    }
    Object v = row[column - 1];
    if (v == null) {
      wasNull(cursor, true);
      return null;
    }
    if (v.getClass() != classes[column - 1]) {
      return AVATICA;
    }
    if (k[column - 1] == TIMESTAMP) {
      long millis = (Long) v;
      if (!shiftKnown || millis < GREGORIAN_FROM || millis > GREGORIAN_TO) {
        return AVATICA;
      }
      v = new Timestamp(millis - shift);
    }
    wasNull(cursor, false);
    return v;
  }

  /** A VARCHAR column's value as getString gives it, or {@link #AVATICA}. */
  Object string(int column) throws SQLException {
    byte[] k = kinds();
    return column >= 1 && column <= k.length && classes[column - 1] == String.class
        ? value(column) : AVATICA;
  }

  /** A TIMESTAMP column's value as getTimestamp(int) gives it, or {@link #AVATICA}. */
  Object timestamp(int column) throws SQLException {
    byte[] k = kinds();
    return column >= 1 && column <= k.length && k[column - 1] == TIMESTAMP
        ? value(column) : AVATICA;
  }

  private static void wasNull(Object cursor, boolean isNull) {
    ((boolean[]) WAS_NULL.get(cursor))[0] = isNull;
  }

  private byte[] kinds() throws SQLException {
    if (kinds == null) {
      ResultSetMetaData md = rows.getMetaData();
      int n = md.getColumnCount();
      byte[] k = new byte[n];
      Class<?>[] c = new Class<?>[n];
      for (int i = 0; i < n; i++) {
        int type = md.getColumnType(i + 1);
        c[i] = switch (type) {
          case Types.VARCHAR -> String.class;
          case Types.DOUBLE -> Double.class;
          case Types.INTEGER -> Integer.class;
          case Types.BIGINT, Types.TIMESTAMP -> Long.class;
          case Types.BOOLEAN -> Boolean.class;
          default -> null;
        };
        k[i] = c[i] == null ? VIA_AVATICA : type == Types.TIMESTAMP ? TIMESTAMP : SAME;
      }
      Calendar calendar = (Calendar) CALENDAR.get(rows);
      Long s = fixedShift(TimeZone.getDefault(), DateTimeUtils.DEFAULT_ZONE,
          calendar == null ? null : calendar.getTimeZone());
      shiftKnown = s != null;
      shift = shiftKnown ? s : 0;
      classes = c;
      kinds = k;
    }
    return kinds;
  }

  /**
   * What {@code DateTimeUtils.unixTimestampToSqlTimestamp(v, calendar)} subtracts from v, for
   * any v in [{@link #GREGORIAN_FROM}, {@link #GREGORIAN_TO}], when every zone has a fixed
   * offset; else null. {@code Timestamp.valueOf} reads v's UTC wall clock in the JVM's default
   * zone (v - D), then Avatica adds its DEFAULT_ZONE's offset (A) and subtracts the calendar's
   * (C): v - D + A - C.
   *
   * @param jvmDefault the zone {@code Timestamp.valueOf} reads in
   * @param avaticaDefault Avatica's {@code DateTimeUtils.DEFAULT_ZONE}
   * @param calendar the result set's calendar zone, or null for none
   */
  static Long fixedShift(TimeZone jvmDefault, TimeZone avaticaDefault, TimeZone calendar) {
    if (!fixed(jvmDefault) || !fixed(avaticaDefault) || calendar != null && !fixed(calendar)) {
      return null;
    }
    long c = calendar == null ? 0 : calendar.getRawOffset();
    return (long) jvmDefault.getRawOffset() - avaticaDefault.getRawOffset() + c;
  }

  private static boolean fixed(TimeZone zone) {
    return zone.toZoneId().getRules().isFixedOffset();
  }
}
