package io.popoto.sql.jdbc;

import java.math.BigDecimal;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * A forward-only cursor over metadata rows computed in memory, typed by its {@link MetaColumn}s:
 * what getPrimaryKeys, getImportedKeys and friends return. Getters convert the way drivers
 * commonly do (numbers between widths, anything to its string), since tools differ in which
 * getter they call for KEY_SEQ or NON_UNIQUE.
 */
final class MetaResultSet extends UnsupportedResultSet {
  private final List<MetaColumn> columns;
  private final List<Object[]> rows;
  private int row = -1;
  private boolean wasNull;
  private boolean closed;

  MetaResultSet(List<MetaColumn> columns, List<Object[]> rows) {
    for (Object[] r : rows) {
      if (r.length != columns.size()) {
        throw new IllegalArgumentException("row of " + r.length + " values for "
            + columns.size() + " columns");
      }
    }
    this.columns = List.copyOf(columns);
    this.rows = List.copyOf(rows);
  }

  List<MetaColumn> columns() {
    return columns;
  }

  @Override
  public boolean next() throws SQLException {
    checkOpen();
    if (row < rows.size()) {
      row++;
    }
    return row < rows.size();
  }

  @Override
  public Object getObject(int column) throws SQLException {
    checkOpen();
    if (row < 0 || row >= rows.size()) {
      throw new SQLException("The cursor is not on a row", "24000");
    }
    if (column < 1 || column > columns.size()) {
      throw new SQLException("No column " + column + "; there are " + columns.size(),
          SqlStates.UNDEFINED_COLUMN);
    }
    Object value = rows.get(row)[column - 1];
    wasNull = value == null;
    return value;
  }

  @Override
  public Object getObject(String label) throws SQLException {
    return getObject(findColumn(label));
  }

  @Override
  public <T> T getObject(int column, Class<T> type) throws SQLException {
    Object value = getObject(column);
    if (value == null || type.isInstance(value)) {
      return type.cast(value);
    }
    if (type == String.class) {
      return type.cast(value.toString());
    }
    if (value instanceof Number n) {
      if (type == Integer.class) {
        return type.cast(n.intValue());
      } else if (type == Long.class) {
        return type.cast(n.longValue());
      } else if (type == Short.class) {
        return type.cast(n.shortValue());
      }
    }
    throw new SQLException("Cannot read column " + column + " as " + type.getName(),
        "22018");
  }

  @Override
  public <T> T getObject(String label, Class<T> type) throws SQLException {
    return getObject(findColumn(label), type);
  }

  @Override
  public String getString(int column) throws SQLException {
    Object value = getObject(column);
    return value == null ? null : value.toString();
  }

  @Override
  public String getString(String label) throws SQLException {
    return getString(findColumn(label));
  }

  @Override
  public boolean getBoolean(int column) throws SQLException {
    Object value = getObject(column);
    if (value instanceof Boolean b) {
      return b;
    }
    return value instanceof Number n ? n.intValue() != 0
        : value != null && Boolean.parseBoolean(value.toString());
  }

  @Override
  public boolean getBoolean(String label) throws SQLException {
    return getBoolean(findColumn(label));
  }

  @Override
  public short getShort(int column) throws SQLException {
    return (short) getLong(column);
  }

  @Override
  public short getShort(String label) throws SQLException {
    return getShort(findColumn(label));
  }

  @Override
  public int getInt(int column) throws SQLException {
    return (int) getLong(column);
  }

  @Override
  public int getInt(String label) throws SQLException {
    return getInt(findColumn(label));
  }

  @Override
  public long getLong(int column) throws SQLException {
    Object value = getObject(column);
    if (value == null) {
      return 0;
    }
    if (value instanceof Number n) {
      return n.longValue();
    }
    if (value instanceof Boolean b) {
      return b ? 1 : 0;
    }
    try {
      return Long.parseLong(value.toString().strip());
    } catch (NumberFormatException e) {
      throw new SQLException("Column " + column + " is not a number: " + value, "22018", e);
    }
  }

  @Override
  public long getLong(String label) throws SQLException {
    return getLong(findColumn(label));
  }

  @Override
  public double getDouble(int column) throws SQLException {
    Object value = getObject(column);
    return value instanceof Number n ? n.doubleValue() : getLong(column);
  }

  @Override
  public double getDouble(String label) throws SQLException {
    return getDouble(findColumn(label));
  }

  @Override
  public float getFloat(int column) throws SQLException {
    return (float) getDouble(column);
  }

  @Override
  public float getFloat(String label) throws SQLException {
    return getFloat(findColumn(label));
  }

  @Override
  public BigDecimal getBigDecimal(int column) throws SQLException {
    Object value = getObject(column);
    return value == null ? null : new BigDecimal(value.toString());
  }

  @Override
  public BigDecimal getBigDecimal(String label) throws SQLException {
    return getBigDecimal(findColumn(label));
  }

  @Override
  public boolean wasNull() {
    return wasNull;
  }

  @Override
  public int findColumn(String label) throws SQLException {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equalsIgnoreCase(label)) {
        return i + 1;
      }
    }
    throw new SQLException("No column " + label + " in this result", SqlStates.UNDEFINED_COLUMN);
  }

  @Override
  public ResultSetMetaData getMetaData() {
    return new MetaResultSetMetaData(columns);
  }

  @Override
  public boolean isBeforeFirst() {
    return row < 0 && !rows.isEmpty();
  }

  @Override
  public boolean isAfterLast() {
    return row >= rows.size() && !rows.isEmpty();
  }

  @Override
  public boolean isFirst() {
    return row == 0 && !rows.isEmpty();
  }

  @Override
  public boolean isLast() {
    return row == rows.size() - 1 && !rows.isEmpty();
  }

  @Override
  public int getRow() {
    return row >= 0 && row < rows.size() ? row + 1 : 0;
  }

  @Override
  public int getType() {
    return TYPE_FORWARD_ONLY;
  }

  @Override
  public int getConcurrency() {
    return CONCUR_READ_ONLY;
  }

  @Override
  public int getHoldability() {
    return HOLD_CURSORS_OVER_COMMIT;
  }

  @Override
  public int getFetchDirection() {
    return FETCH_FORWARD;
  }

  @Override
  public void setFetchDirection(int direction) throws SQLException {
    if (direction != FETCH_FORWARD) {
      throw unsupported("setFetchDirection");
    }
  }

  @Override
  public int getFetchSize() {
    return 0;
  }

  @Override
  public void setFetchSize(int rows) {
    // All rows are in memory already; the hint changes nothing.
  }

  @Override
  public Statement getStatement() {
    return null; // metadata results have no statement (JDBC allows null here)
  }

  @Override
  public SQLWarning getWarnings() {
    return null;
  }

  @Override
  public void clearWarnings() {
    // there are never warnings
  }

  @Override
  public void close() {
    closed = true;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("Not a wrapper for " + iface.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }

  private void checkOpen() throws SQLException {
    if (closed) {
      throw new SQLException("The result set is closed", "24000");
    }
  }

  @Override
  public String toString() {
    return "MetaResultSet" + columns.stream().map(c -> c.name().toLowerCase(Locale.ROOT))
        .toList() + " rows=" + rows.size();
  }
}
