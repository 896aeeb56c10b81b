package io.popoto.sql.jdbc;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;

/** Column descriptions of a {@link MetaResultSet}, straight from its {@link MetaColumn}s. */
final class MetaResultSetMetaData implements ResultSetMetaData {
  private final List<MetaColumn> columns;

  MetaResultSetMetaData(List<MetaColumn> columns) {
    this.columns = columns;
  }

  private MetaColumn column(int i) throws SQLException {
    if (i < 1 || i > columns.size()) {
      throw new SQLException("No column " + i + "; there are " + columns.size(),
          SqlStates.UNDEFINED_COLUMN);
    }
    return columns.get(i - 1);
  }

  @Override
  public int getColumnCount() {
    return columns.size();
  }

  @Override
  public String getColumnLabel(int i) throws SQLException {
    return column(i).name();
  }

  @Override
  public String getColumnName(int i) throws SQLException {
    return column(i).name();
  }

  @Override
  public int getColumnType(int i) throws SQLException {
    return column(i).type().getVendorTypeNumber();
  }

  @Override
  public String getColumnTypeName(int i) throws SQLException {
    return column(i).type().getName();
  }

  @Override
  public String getColumnClassName(int i) throws SQLException {
    return column(i).javaClassName();
  }

  @Override
  public int isNullable(int i) throws SQLException {
    return column(i).nullable() ? columnNullable : columnNoNulls;
  }

  @Override
  public boolean isAutoIncrement(int i) throws SQLException {
    column(i);
    return false;
  }

  @Override
  public boolean isCaseSensitive(int i) throws SQLException {
    return column(i).javaClassName().equals(String.class.getName());
  }

  @Override
  public boolean isSearchable(int i) throws SQLException {
    column(i);
    return false;
  }

  @Override
  public boolean isCurrency(int i) throws SQLException {
    column(i);
    return false;
  }

  @Override
  public boolean isSigned(int i) throws SQLException {
    String c = column(i).javaClassName();
    return !c.equals(String.class.getName()) && !c.equals(Boolean.class.getName());
  }

  @Override
  public int getColumnDisplaySize(int i) throws SQLException {
    return getPrecision(i);
  }

  @Override
  public int getPrecision(int i) throws SQLException {
    switch (column(i).type()) {
      case SMALLINT: return 5;
      case INTEGER: return 10;
      case BIGINT: return 19;
      case BOOLEAN: return 1;
      default: return Integer.MAX_VALUE;
    }
  }

  @Override
  public int getScale(int i) throws SQLException {
    column(i);
    return 0;
  }

  @Override
  public String getSchemaName(int i) throws SQLException {
    column(i);
    return "";
  }

  @Override
  public String getTableName(int i) throws SQLException {
    column(i);
    return "";
  }

  @Override
  public String getCatalogName(int i) throws SQLException {
    column(i);
    return "";
  }

  @Override
  public boolean isReadOnly(int i) throws SQLException {
    column(i);
    return true;
  }

  @Override
  public boolean isWritable(int i) throws SQLException {
    column(i);
    return false;
  }

  @Override
  public boolean isDefinitelyWritable(int i) throws SQLException {
    column(i);
    return false;
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
}
