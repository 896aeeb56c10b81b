package io.popoto.sql.e2e;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A result set read into plain Java rows. Temporal JDBC objects become java.time values so that
 * two drivers that both honour the JVM zone compare equal whatever that zone is.
 */
final class ResultRows {
  private ResultRows() {}

  static List<List<Object>> read(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    List<List<Object>> rows = new ArrayList<>();
    while (rs.next()) {
      Object[] row = new Object[md.getColumnCount()];
      for (int i = 0; i < row.length; i++) {
        row[i] = normalize(rs.getObject(i + 1));
      }
      rows.add(Arrays.asList(row));
    }
    return rows;
  }

  static Object normalize(Object value) {
    if (value instanceof Timestamp ts) {
      return ts.toLocalDateTime();
    }
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (value instanceof Time t) {
      // Time.toLocalTime() drops the milliseconds that TIME(3) keeps.
      return t.toLocalTime().withNano((int) Math.floorMod(t.getTime(), 1000L) * 1_000_000);
    }
    return value;
  }
}
