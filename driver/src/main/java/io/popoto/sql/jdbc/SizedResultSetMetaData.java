package io.popoto.sql.jdbc;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/**
 * Calcite's result-set metadata with precision, scale and display size from {@link ColumnSize},
 * the rule getColumns uses, so a column reports the same sizes in both (Calcite reports a
 * TIMESTAMP(3) with display size 3 and an unbounded VARCHAR with precision 0).
 */
final class SizedResultSetMetaData implements ResultSetMetaData {
  private final ResultSetMetaData delegate;

  private SizedResultSetMetaData(ResultSetMetaData delegate) {
    this.delegate = delegate;
  }

  static ResultSetMetaData wrap(ResultSetMetaData md) {
    return md == null || md instanceof SizedResultSetMetaData ? md
        : new SizedResultSetMetaData(md);
  }

  private ColumnSize size(int column) throws SQLException {
    return ColumnSize.of(delegate.getColumnType(column), delegate.getPrecision(column),
        delegate.getScale(column));
  }

  @Override
  public int getPrecision(int column) throws SQLException {
    return size(column).size();
  }

  @Override
  public int getScale(int column) throws SQLException {
    return size(column).scale();
  }

  @Override
  public int getColumnDisplaySize(int column) throws SQLException {
    return size(column).displaySize();
  }

  @Override
  public int getColumnCount() throws SQLException {
    return delegate.getColumnCount();
  }

  @Override
  public boolean isAutoIncrement(int column) throws SQLException {
    return delegate.isAutoIncrement(column);
  }

  @Override
  public boolean isCaseSensitive(int column) throws SQLException {
    return delegate.isCaseSensitive(column);
  }

  @Override
  public boolean isSearchable(int column) throws SQLException {
    return delegate.isSearchable(column);
  }

  @Override
  public boolean isCurrency(int column) throws SQLException {
    return delegate.isCurrency(column);
  }

  @Override
  public int isNullable(int column) throws SQLException {
    return delegate.isNullable(column);
  }

  @Override
  public boolean isSigned(int column) throws SQLException {
    return delegate.isSigned(column);
  }

  @Override
  public String getColumnLabel(int column) throws SQLException {
    return delegate.getColumnLabel(column);
  }

  @Override
  public String getColumnName(int column) throws SQLException {
    return delegate.getColumnName(column);
  }

  @Override
  public String getSchemaName(int column) throws SQLException {
    return delegate.getSchemaName(column);
  }

  @Override
  public String getTableName(int column) throws SQLException {
    return delegate.getTableName(column);
  }

  @Override
  public String getCatalogName(int column) throws SQLException {
    return delegate.getCatalogName(column);
  }

  @Override
  public int getColumnType(int column) throws SQLException {
    return delegate.getColumnType(column);
  }

  @Override
  public String getColumnTypeName(int column) throws SQLException {
    return delegate.getColumnTypeName(column);
  }

  /** Results are never writable: the connection is read-only. */
  @Override
  public boolean isReadOnly(int column) throws SQLException {
    delegate.getColumnType(column); // validates the index
    return true;
  }

  @Override
  public boolean isWritable(int column) throws SQLException {
    delegate.getColumnType(column);
    return false;
  }

  @Override
  public boolean isDefinitelyWritable(int column) throws SQLException {
    delegate.getColumnType(column);
    return false;
  }

  @Override
  public String getColumnClassName(int column) throws SQLException {
    return delegate.getColumnClassName(column);
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return ProxyIdentity.unwrap(this, delegate, iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return ProxyIdentity.isWrapperFor(this, delegate, iface);
  }
}
