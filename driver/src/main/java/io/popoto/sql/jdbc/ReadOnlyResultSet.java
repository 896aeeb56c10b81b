package io.popoto.sql.jdbc;

import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLType;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;

/**
 * Calcite's result set as the driver hands it out, behind the JDBC boundary: metadata sized by
 * {@link ColumnSize}, the update methods refused with 0A000 and a message (Avatica's refusal has
 * no SQLState), {@code getStatement()} returning the statement the application holds, and every
 * failure an SQLException with a SQLState ({@link Failures}), as {@link JdbcBoundary} makes of
 * every other JDBC object. A query's result set reports to its {@link GuardedStatement}: rows
 * are read (and Redis is read) in {@code next()}, so its failures are translated like
 * execute's (Avatica lets runtime exceptions out of next() unwrapped), and the end of the rows
 * or close() ends the query, stopping its timeout.
 *
 * <p>A class rather than a proxy like the boundary's other objects: {@code next()} and the
 * getters run once per row and value, and two reflective proxy layers (the boundary's and this
 * one's, each a {@code Method.invoke} with its access check and an argument array) cost a
 * fifth of a full scan's client CPU. Every method has the same shape: the delegate's answer,
 * any failure translated; JDBC objects among the values (arrays, LOBs, metadata) are handed
 * out through the boundary.
 */
final class ReadOnlyResultSet implements ResultSet {
  private final ResultSet rows;
  /** What getStatement() answers when the boundary knows no statement: null for metadata. */
  private final Statement statement;
  /** Run once when the result set is closed, or null. */
  private Runnable onClose;
  /** The statement running the query, or null (metadata). */
  private final GuardedStatement query;
  /** The boundary this result set was handed out through: it wraps the JDBC values. */
  private volatile JdbcBoundary boundary;
  /** Reads plain values straight from Calcite's row; null when Avatica answers all. */
  private final CurrentRow current;

  private ReadOnlyResultSet(ResultSet rows, Statement statement, Runnable onClose,
      GuardedStatement query) {
    this.rows = rows;
    this.statement = statement;
    this.onClose = onClose;
    this.query = query;
    this.current = CurrentRow.of(rows);
  }

  /** @param statement what getStatement() answers */
  static ResultSet wrap(ResultSet rs, Statement statement) {
    return wrap(rs, statement, null);
  }

  /**
   * @param statement what getStatement() answers
   * @param query the statement whose query produced the rows, or null
   */
  static ResultSet wrap(ResultSet rs, Statement statement, GuardedStatement query) {
    if (rs == null || rs instanceof ReadOnlyResultSet) {
      return rs;
    }
    return new ReadOnlyResultSet(rs, statement, null, query);
  }

  /** A DatabaseMetaData result: getStatement() is null, as JDBC allows. */
  static ResultSet wrapMetadata(ResultSet rs) {
    return wrap(rs, null);
  }

  /** A DatabaseMetaData result that runs {@code onClose} once when it is closed. */
  static ResultSet wrapMetadata(ResultSet rs, Runnable onClose) {
    return new ReadOnlyResultSet(rs, null, onClose, null);
  }

  boolean wraps(ResultSet rs) {
    return rows == rs;
  }

  /** Called by the boundary that hands this result set out (the first one keeps it). */
  ReadOnlyResultSet handedOutBy(JdbcBoundary by) {
    if (boundary == null) {
      boundary = by;
    }
    return this;
  }

  private <T> T handOut(Class<T> declared, T value) {
    JdbcBoundary b = boundary;
    return b == null || value == null ? value : declared.cast(b.handOut(declared, value));
  }

  private Statement statement() {
    JdbcBoundary b = boundary;
    Statement held = b == null ? null : b.nearest(Statement.class);
    return held != null ? held : statement;
  }

  private void ended() {
    if (query != null) {
      query.endQuery();
    }
  }

  private void closed() {
    Runnable hook = onClose;
    if (hook != null) {
      onClose = null;
      hook.run();
    }
  }

  private SQLException failed(String method, Throwable e) {
    Throwable cause = query == null ? e : query.failed(e);
    return Failures.toSqlException(cause, "ResultSet." + method);
  }

  private static SQLException readOnly(String method) {
    return new SQLFeatureNotSupportedException("Popoto SQL result sets are read-only: "
        + "ResultSet." + method + " is not supported", SqlStates.FEATURE_NOT_SUPPORTED);
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    try {
      return ProxyIdentity.unwrap(this, rows, iface);
    } catch (Throwable e) {
      throw failed("unwrap", e);
    }
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    try {
      return ProxyIdentity.isWrapperFor(this, rows, iface);
    } catch (Throwable e) {
      throw failed("isWrapperFor", e);
    }
  }

  @Override
  public String toString() {
    return "Popoto" + rows;
  }

  @Override
  public boolean next() throws SQLException {
    try {
      boolean more = rows.next();
      if (!more) {
        ended();
      }
      return more;
    } catch (Throwable e) {
      throw failed("next", e);
    }
  }

  @Override
  public void close() throws SQLException {
    ended();
    try {
      rows.close();
    } catch (Throwable e) {
      throw failed("close", e);
    }
    closed();
  }

  @Override
  public boolean wasNull() throws SQLException {
    try {
      return rows.wasNull();
    } catch (Throwable e) {
      throw failed("wasNull", e);
    }
  }

  @Override
  public String getString(int column) throws SQLException {
    try {
      if (current != null) {
        Object v = current.string(column);
        if (v != CurrentRow.AVATICA) {
          return (String) v;
        }
      }
      return rows.getString(column);
    } catch (Throwable e) {
      throw failed("getString", e);
    }
  }

  @Override
  public boolean getBoolean(int column) throws SQLException {
    try {
      return rows.getBoolean(column);
    } catch (Throwable e) {
      throw failed("getBoolean", e);
    }
  }

  @Override
  public byte getByte(int column) throws SQLException {
    try {
      return rows.getByte(column);
    } catch (Throwable e) {
      throw failed("getByte", e);
    }
  }

  @Override
  public short getShort(int column) throws SQLException {
    try {
      return rows.getShort(column);
    } catch (Throwable e) {
      throw failed("getShort", e);
    }
  }

  @Override
  public int getInt(int column) throws SQLException {
    try {
      return rows.getInt(column);
    } catch (Throwable e) {
      throw failed("getInt", e);
    }
  }

  @Override
  public long getLong(int column) throws SQLException {
    try {
      return rows.getLong(column);
    } catch (Throwable e) {
      throw failed("getLong", e);
    }
  }

  @Override
  public float getFloat(int column) throws SQLException {
    try {
      return rows.getFloat(column);
    } catch (Throwable e) {
      throw failed("getFloat", e);
    }
  }

  @Override
  public double getDouble(int column) throws SQLException {
    try {
      return rows.getDouble(column);
    } catch (Throwable e) {
      throw failed("getDouble", e);
    }
  }

  @Override
  public java.math.BigDecimal getBigDecimal(int column, int scale) throws SQLException {
    try {
      return rows.getBigDecimal(column, scale);
    } catch (Throwable e) {
      throw failed("getBigDecimal", e);
    }
  }

  @Override
  public byte[] getBytes(int column) throws SQLException {
    try {
      return rows.getBytes(column);
    } catch (Throwable e) {
      throw failed("getBytes", e);
    }
  }

  @Override
  public Date getDate(int column) throws SQLException {
    try {
      return rows.getDate(column);
    } catch (Throwable e) {
      throw failed("getDate", e);
    }
  }

  @Override
  public Time getTime(int column) throws SQLException {
    try {
      return rows.getTime(column);
    } catch (Throwable e) {
      throw failed("getTime", e);
    }
  }

  @Override
  public Timestamp getTimestamp(int column) throws SQLException {
    try {
      if (current != null) {
        Object v = current.timestamp(column);
        if (v != CurrentRow.AVATICA) {
          return (Timestamp) v;
        }
      }
      return rows.getTimestamp(column);
    } catch (Throwable e) {
      throw failed("getTimestamp", e);
    }
  }

  @Override
  public java.io.InputStream getAsciiStream(int column) throws SQLException {
    try {
      return rows.getAsciiStream(column);
    } catch (Throwable e) {
      throw failed("getAsciiStream", e);
    }
  }

  @Override
  public java.io.InputStream getUnicodeStream(int column) throws SQLException {
    try {
      return rows.getUnicodeStream(column);
    } catch (Throwable e) {
      throw failed("getUnicodeStream", e);
    }
  }

  @Override
  public java.io.InputStream getBinaryStream(int column) throws SQLException {
    try {
      return rows.getBinaryStream(column);
    } catch (Throwable e) {
      throw failed("getBinaryStream", e);
    }
  }

  @Override
  public String getString(String label) throws SQLException {
    try {
      return rows.getString(label);
    } catch (Throwable e) {
      throw failed("getString", e);
    }
  }

  @Override
  public boolean getBoolean(String label) throws SQLException {
    try {
      return rows.getBoolean(label);
    } catch (Throwable e) {
      throw failed("getBoolean", e);
    }
  }

  @Override
  public byte getByte(String label) throws SQLException {
    try {
      return rows.getByte(label);
    } catch (Throwable e) {
      throw failed("getByte", e);
    }
  }

  @Override
  public short getShort(String label) throws SQLException {
    try {
      return rows.getShort(label);
    } catch (Throwable e) {
      throw failed("getShort", e);
    }
  }

  @Override
  public int getInt(String label) throws SQLException {
    try {
      return rows.getInt(label);
    } catch (Throwable e) {
      throw failed("getInt", e);
    }
  }

  @Override
  public long getLong(String label) throws SQLException {
    try {
      return rows.getLong(label);
    } catch (Throwable e) {
      throw failed("getLong", e);
    }
  }

  @Override
  public float getFloat(String label) throws SQLException {
    try {
      return rows.getFloat(label);
    } catch (Throwable e) {
      throw failed("getFloat", e);
    }
  }

  @Override
  public double getDouble(String label) throws SQLException {
    try {
      return rows.getDouble(label);
    } catch (Throwable e) {
      throw failed("getDouble", e);
    }
  }

  @Override
  public java.math.BigDecimal getBigDecimal(String label, int scale) throws SQLException {
    try {
      return rows.getBigDecimal(label, scale);
    } catch (Throwable e) {
      throw failed("getBigDecimal", e);
    }
  }

  @Override
  public byte[] getBytes(String label) throws SQLException {
    try {
      return rows.getBytes(label);
    } catch (Throwable e) {
      throw failed("getBytes", e);
    }
  }

  @Override
  public Date getDate(String label) throws SQLException {
    try {
      return rows.getDate(label);
    } catch (Throwable e) {
      throw failed("getDate", e);
    }
  }

  @Override
  public Time getTime(String label) throws SQLException {
    try {
      return rows.getTime(label);
    } catch (Throwable e) {
      throw failed("getTime", e);
    }
  }

  @Override
  public Timestamp getTimestamp(String label) throws SQLException {
    try {
      return rows.getTimestamp(label);
    } catch (Throwable e) {
      throw failed("getTimestamp", e);
    }
  }

  @Override
  public java.io.InputStream getAsciiStream(String label) throws SQLException {
    try {
      return rows.getAsciiStream(label);
    } catch (Throwable e) {
      throw failed("getAsciiStream", e);
    }
  }

  @Override
  public java.io.InputStream getUnicodeStream(String label) throws SQLException {
    try {
      return rows.getUnicodeStream(label);
    } catch (Throwable e) {
      throw failed("getUnicodeStream", e);
    }
  }

  @Override
  public java.io.InputStream getBinaryStream(String label) throws SQLException {
    try {
      return rows.getBinaryStream(label);
    } catch (Throwable e) {
      throw failed("getBinaryStream", e);
    }
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    try {
      return rows.getWarnings();
    } catch (Throwable e) {
      throw failed("getWarnings", e);
    }
  }

  @Override
  public void clearWarnings() throws SQLException {
    try {
      rows.clearWarnings();
    } catch (Throwable e) {
      throw failed("clearWarnings", e);
    }
  }

  @Override
  public String getCursorName() throws SQLException {
    try {
      return rows.getCursorName();
    } catch (Throwable e) {
      throw failed("getCursorName", e);
    }
  }

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    try {
      return handOut(ResultSetMetaData.class, SizedResultSetMetaData.wrap(rows.getMetaData()));
    } catch (Throwable e) {
      throw failed("getMetaData", e);
    }
  }

  @Override
  public Object getObject(int column) throws SQLException {
    try {
      if (current != null) {
        Object v = current.value(column);
        if (v != CurrentRow.AVATICA) {
          return v;
        }
      }
      return handOut(Object.class, rows.getObject(column));
    } catch (Throwable e) {
      throw failed("getObject", e);
    }
  }

  @Override
  public Object getObject(String label) throws SQLException {
    try {
      if (current != null) {
        Object v = current.value(rows.findColumn(label));
        if (v != CurrentRow.AVATICA) {
          return v;
        }
      }
      return handOut(Object.class, rows.getObject(label));
    } catch (Throwable e) {
      throw failed("getObject", e);
    }
  }

  @Override
  public int findColumn(String label) throws SQLException {
    try {
      return rows.findColumn(label);
    } catch (Throwable e) {
      throw failed("findColumn", e);
    }
  }

  @Override
  public java.io.Reader getCharacterStream(int column) throws SQLException {
    try {
      return rows.getCharacterStream(column);
    } catch (Throwable e) {
      throw failed("getCharacterStream", e);
    }
  }

  @Override
  public java.io.Reader getCharacterStream(String label) throws SQLException {
    try {
      return rows.getCharacterStream(label);
    } catch (Throwable e) {
      throw failed("getCharacterStream", e);
    }
  }

  @Override
  public java.math.BigDecimal getBigDecimal(int column) throws SQLException {
    try {
      return rows.getBigDecimal(column);
    } catch (Throwable e) {
      throw failed("getBigDecimal", e);
    }
  }

  @Override
  public java.math.BigDecimal getBigDecimal(String label) throws SQLException {
    try {
      return rows.getBigDecimal(label);
    } catch (Throwable e) {
      throw failed("getBigDecimal", e);
    }
  }

  @Override
  public boolean isBeforeFirst() throws SQLException {
    try {
      return rows.isBeforeFirst();
    } catch (Throwable e) {
      throw failed("isBeforeFirst", e);
    }
  }

  @Override
  public boolean isAfterLast() throws SQLException {
    try {
      return rows.isAfterLast();
    } catch (Throwable e) {
      throw failed("isAfterLast", e);
    }
  }

  @Override
  public boolean isFirst() throws SQLException {
    try {
      return rows.isFirst();
    } catch (Throwable e) {
      throw failed("isFirst", e);
    }
  }

  @Override
  public boolean isLast() throws SQLException {
    try {
      return rows.isLast();
    } catch (Throwable e) {
      throw failed("isLast", e);
    }
  }

  @Override
  public void beforeFirst() throws SQLException {
    try {
      rows.beforeFirst();
    } catch (Throwable e) {
      throw failed("beforeFirst", e);
    }
  }

  @Override
  public void afterLast() throws SQLException {
    try {
      rows.afterLast();
    } catch (Throwable e) {
      throw failed("afterLast", e);
    }
  }

  @Override
  public boolean first() throws SQLException {
    try {
      return rows.first();
    } catch (Throwable e) {
      throw failed("first", e);
    }
  }

  @Override
  public boolean last() throws SQLException {
    try {
      return rows.last();
    } catch (Throwable e) {
      throw failed("last", e);
    }
  }

  @Override
  public int getRow() throws SQLException {
    try {
      return rows.getRow();
    } catch (Throwable e) {
      throw failed("getRow", e);
    }
  }

  @Override
  public boolean absolute(int row) throws SQLException {
    try {
      return rows.absolute(row);
    } catch (Throwable e) {
      throw failed("absolute", e);
    }
  }

  @Override
  public boolean relative(int offset) throws SQLException {
    try {
      return rows.relative(offset);
    } catch (Throwable e) {
      throw failed("relative", e);
    }
  }

  @Override
  public boolean previous() throws SQLException {
    try {
      return rows.previous();
    } catch (Throwable e) {
      throw failed("previous", e);
    }
  }

  @Override
  public void setFetchDirection(int direction) throws SQLException {
    try {
      rows.setFetchDirection(direction);
    } catch (Throwable e) {
      throw failed("setFetchDirection", e);
    }
  }

  @Override
  public int getFetchDirection() throws SQLException {
    try {
      return rows.getFetchDirection();
    } catch (Throwable e) {
      throw failed("getFetchDirection", e);
    }
  }

  @Override
  public void setFetchSize(int size) throws SQLException {
    try {
      rows.setFetchSize(size);
    } catch (Throwable e) {
      throw failed("setFetchSize", e);
    }
  }

  @Override
  public int getFetchSize() throws SQLException {
    try {
      return rows.getFetchSize();
    } catch (Throwable e) {
      throw failed("getFetchSize", e);
    }
  }

  @Override
  public int getType() throws SQLException {
    try {
      return rows.getType();
    } catch (Throwable e) {
      throw failed("getType", e);
    }
  }

  @Override
  public int getConcurrency() throws SQLException {
    try {
      return rows.getConcurrency();
    } catch (Throwable e) {
      throw failed("getConcurrency", e);
    }
  }

  @Override
  public boolean rowUpdated() throws SQLException {
    try {
      return rows.rowUpdated();
    } catch (Throwable e) {
      throw failed("rowUpdated", e);
    }
  }

  @Override
  public boolean rowInserted() throws SQLException {
    try {
      return rows.rowInserted();
    } catch (Throwable e) {
      throw failed("rowInserted", e);
    }
  }

  @Override
  public boolean rowDeleted() throws SQLException {
    try {
      return rows.rowDeleted();
    } catch (Throwable e) {
      throw failed("rowDeleted", e);
    }
  }

  @Override
  public void updateNull(int column) throws SQLException {
    throw readOnly("updateNull");
  }

  @Override
  public void updateBoolean(int column, boolean a1) throws SQLException {
    throw readOnly("updateBoolean");
  }

  @Override
  public void updateByte(int column, byte a1) throws SQLException {
    throw readOnly("updateByte");
  }

  @Override
  public void updateShort(int column, short a1) throws SQLException {
    throw readOnly("updateShort");
  }

  @Override
  public void updateInt(int column, int a1) throws SQLException {
    throw readOnly("updateInt");
  }

  @Override
  public void updateLong(int column, long a1) throws SQLException {
    throw readOnly("updateLong");
  }

  @Override
  public void updateFloat(int column, float a1) throws SQLException {
    throw readOnly("updateFloat");
  }

  @Override
  public void updateDouble(int column, double a1) throws SQLException {
    throw readOnly("updateDouble");
  }

  @Override
  public void updateBigDecimal(int column, java.math.BigDecimal a1) throws SQLException {
    throw readOnly("updateBigDecimal");
  }

  @Override
  public void updateString(int column, String a1) throws SQLException {
    throw readOnly("updateString");
  }

  @Override
  public void updateBytes(int column, byte[] a1) throws SQLException {
    throw readOnly("updateBytes");
  }

  @Override
  public void updateDate(int column, Date a1) throws SQLException {
    throw readOnly("updateDate");
  }

  @Override
  public void updateTime(int column, Time a1) throws SQLException {
    throw readOnly("updateTime");
  }

  @Override
  public void updateTimestamp(int column, Timestamp a1) throws SQLException {
    throw readOnly("updateTimestamp");
  }

  @Override
  public void updateAsciiStream(int column, java.io.InputStream a1, int a2) throws SQLException {
    throw readOnly("updateAsciiStream");
  }

  @Override
  public void updateBinaryStream(int column, java.io.InputStream a1, int a2) throws SQLException {
    throw readOnly("updateBinaryStream");
  }

  @Override
  public void updateCharacterStream(int column, java.io.Reader a1, int a2) throws SQLException {
    throw readOnly("updateCharacterStream");
  }

  @Override
  public void updateObject(int column, Object a1, int a2) throws SQLException {
    throw readOnly("updateObject");
  }

  @Override
  public void updateObject(int column, Object a1) throws SQLException {
    throw readOnly("updateObject");
  }

  @Override
  public void updateNull(String label) throws SQLException {
    throw readOnly("updateNull");
  }

  @Override
  public void updateBoolean(String label, boolean a1) throws SQLException {
    throw readOnly("updateBoolean");
  }

  @Override
  public void updateByte(String label, byte a1) throws SQLException {
    throw readOnly("updateByte");
  }

  @Override
  public void updateShort(String label, short a1) throws SQLException {
    throw readOnly("updateShort");
  }

  @Override
  public void updateInt(String label, int a1) throws SQLException {
    throw readOnly("updateInt");
  }

  @Override
  public void updateLong(String label, long a1) throws SQLException {
    throw readOnly("updateLong");
  }

  @Override
  public void updateFloat(String label, float a1) throws SQLException {
    throw readOnly("updateFloat");
  }

  @Override
  public void updateDouble(String label, double a1) throws SQLException {
    throw readOnly("updateDouble");
  }

  @Override
  public void updateBigDecimal(String label, java.math.BigDecimal a1) throws SQLException {
    throw readOnly("updateBigDecimal");
  }

  @Override
  public void updateString(String label, String a1) throws SQLException {
    throw readOnly("updateString");
  }

  @Override
  public void updateBytes(String label, byte[] a1) throws SQLException {
    throw readOnly("updateBytes");
  }

  @Override
  public void updateDate(String label, Date a1) throws SQLException {
    throw readOnly("updateDate");
  }

  @Override
  public void updateTime(String label, Time a1) throws SQLException {
    throw readOnly("updateTime");
  }

  @Override
  public void updateTimestamp(String label, Timestamp a1) throws SQLException {
    throw readOnly("updateTimestamp");
  }

  @Override
  public void updateAsciiStream(String label, java.io.InputStream a1, int a2) throws SQLException {
    throw readOnly("updateAsciiStream");
  }

  @Override
  public void updateBinaryStream(String label, java.io.InputStream a1, int a2) throws SQLException {
    throw readOnly("updateBinaryStream");
  }

  @Override
  public void updateCharacterStream(String label, java.io.Reader a1, int a2) throws SQLException {
    throw readOnly("updateCharacterStream");
  }

  @Override
  public void updateObject(String label, Object a1, int a2) throws SQLException {
    throw readOnly("updateObject");
  }

  @Override
  public void updateObject(String label, Object a1) throws SQLException {
    throw readOnly("updateObject");
  }

  @Override
  public void insertRow() throws SQLException {
    throw readOnly("insertRow");
  }

  @Override
  public void updateRow() throws SQLException {
    throw readOnly("updateRow");
  }

  @Override
  public void deleteRow() throws SQLException {
    throw readOnly("deleteRow");
  }

  @Override
  public void refreshRow() throws SQLException {
    throw readOnly("refreshRow");
  }

  @Override
  public void cancelRowUpdates() throws SQLException {
    throw readOnly("cancelRowUpdates");
  }

  @Override
  public void moveToInsertRow() throws SQLException {
    throw readOnly("moveToInsertRow");
  }

  @Override
  public void moveToCurrentRow() throws SQLException {
    throw readOnly("moveToCurrentRow");
  }

  @Override
  public Statement getStatement() throws SQLException {
    return statement();
  }

  @Override
  public Object getObject(int column, java.util.Map<String, Class<?>> map) throws SQLException {
    try {
      return handOut(Object.class, rows.getObject(column, map));
    } catch (Throwable e) {
      throw failed("getObject", e);
    }
  }

  @Override
  public Ref getRef(int column) throws SQLException {
    try {
      return handOut(Ref.class, rows.getRef(column));
    } catch (Throwable e) {
      throw failed("getRef", e);
    }
  }

  @Override
  public Blob getBlob(int column) throws SQLException {
    try {
      return handOut(Blob.class, rows.getBlob(column));
    } catch (Throwable e) {
      throw failed("getBlob", e);
    }
  }

  @Override
  public Clob getClob(int column) throws SQLException {
    try {
      return handOut(Clob.class, rows.getClob(column));
    } catch (Throwable e) {
      throw failed("getClob", e);
    }
  }

  @Override
  public Array getArray(int column) throws SQLException {
    try {
      return handOut(Array.class, rows.getArray(column));
    } catch (Throwable e) {
      throw failed("getArray", e);
    }
  }

  @Override
  public Object getObject(String label, java.util.Map<String, Class<?>> map) throws SQLException {
    try {
      return handOut(Object.class, rows.getObject(label, map));
    } catch (Throwable e) {
      throw failed("getObject", e);
    }
  }

  @Override
  public Ref getRef(String label) throws SQLException {
    try {
      return handOut(Ref.class, rows.getRef(label));
    } catch (Throwable e) {
      throw failed("getRef", e);
    }
  }

  @Override
  public Blob getBlob(String label) throws SQLException {
    try {
      return handOut(Blob.class, rows.getBlob(label));
    } catch (Throwable e) {
      throw failed("getBlob", e);
    }
  }

  @Override
  public Clob getClob(String label) throws SQLException {
    try {
      return handOut(Clob.class, rows.getClob(label));
    } catch (Throwable e) {
      throw failed("getClob", e);
    }
  }

  @Override
  public Array getArray(String label) throws SQLException {
    try {
      return handOut(Array.class, rows.getArray(label));
    } catch (Throwable e) {
      throw failed("getArray", e);
    }
  }

  @Override
  public Date getDate(int column, java.util.Calendar calendar) throws SQLException {
    try {
      return rows.getDate(column, calendar);
    } catch (Throwable e) {
      throw failed("getDate", e);
    }
  }

  @Override
  public Date getDate(String label, java.util.Calendar calendar) throws SQLException {
    try {
      return rows.getDate(label, calendar);
    } catch (Throwable e) {
      throw failed("getDate", e);
    }
  }

  @Override
  public Time getTime(int column, java.util.Calendar calendar) throws SQLException {
    try {
      return rows.getTime(column, calendar);
    } catch (Throwable e) {
      throw failed("getTime", e);
    }
  }

  @Override
  public Time getTime(String label, java.util.Calendar calendar) throws SQLException {
    try {
      return rows.getTime(label, calendar);
    } catch (Throwable e) {
      throw failed("getTime", e);
    }
  }

  @Override
  public Timestamp getTimestamp(int column, java.util.Calendar calendar) throws SQLException {
    try {
      return rows.getTimestamp(column, calendar);
    } catch (Throwable e) {
      throw failed("getTimestamp", e);
    }
  }

  @Override
  public Timestamp getTimestamp(String label, java.util.Calendar calendar) throws SQLException {
    try {
      return rows.getTimestamp(label, calendar);
    } catch (Throwable e) {
      throw failed("getTimestamp", e);
    }
  }

  @Override
  public java.net.URL getURL(int column) throws SQLException {
    try {
      return rows.getURL(column);
    } catch (Throwable e) {
      throw failed("getURL", e);
    }
  }

  @Override
  public java.net.URL getURL(String label) throws SQLException {
    try {
      return rows.getURL(label);
    } catch (Throwable e) {
      throw failed("getURL", e);
    }
  }

  @Override
  public void updateRef(int column, Ref a1) throws SQLException {
    throw readOnly("updateRef");
  }

  @Override
  public void updateRef(String label, Ref a1) throws SQLException {
    throw readOnly("updateRef");
  }

  @Override
  public void updateBlob(int column, Blob a1) throws SQLException {
    throw readOnly("updateBlob");
  }

  @Override
  public void updateBlob(String label, Blob a1) throws SQLException {
    throw readOnly("updateBlob");
  }

  @Override
  public void updateClob(int column, Clob a1) throws SQLException {
    throw readOnly("updateClob");
  }

  @Override
  public void updateClob(String label, Clob a1) throws SQLException {
    throw readOnly("updateClob");
  }

  @Override
  public void updateArray(int column, Array a1) throws SQLException {
    throw readOnly("updateArray");
  }

  @Override
  public void updateArray(String label, Array a1) throws SQLException {
    throw readOnly("updateArray");
  }

  @Override
  public RowId getRowId(int column) throws SQLException {
    try {
      return rows.getRowId(column);
    } catch (Throwable e) {
      throw failed("getRowId", e);
    }
  }

  @Override
  public RowId getRowId(String label) throws SQLException {
    try {
      return rows.getRowId(label);
    } catch (Throwable e) {
      throw failed("getRowId", e);
    }
  }

  @Override
  public void updateRowId(int column, RowId a1) throws SQLException {
    throw readOnly("updateRowId");
  }

  @Override
  public void updateRowId(String label, RowId a1) throws SQLException {
    throw readOnly("updateRowId");
  }

  @Override
  public int getHoldability() throws SQLException {
    try {
      return rows.getHoldability();
    } catch (Throwable e) {
      throw failed("getHoldability", e);
    }
  }

  @Override
  public boolean isClosed() throws SQLException {
    try {
      return rows.isClosed();
    } catch (Throwable e) {
      throw failed("isClosed", e);
    }
  }

  @Override
  public void updateNString(int column, String a1) throws SQLException {
    throw readOnly("updateNString");
  }

  @Override
  public void updateNString(String label, String a1) throws SQLException {
    throw readOnly("updateNString");
  }

  @Override
  public void updateNClob(int column, NClob a1) throws SQLException {
    throw readOnly("updateNClob");
  }

  @Override
  public void updateNClob(String label, NClob a1) throws SQLException {
    throw readOnly("updateNClob");
  }

  @Override
  public NClob getNClob(int column) throws SQLException {
    try {
      return handOut(NClob.class, rows.getNClob(column));
    } catch (Throwable e) {
      throw failed("getNClob", e);
    }
  }

  @Override
  public NClob getNClob(String label) throws SQLException {
    try {
      return handOut(NClob.class, rows.getNClob(label));
    } catch (Throwable e) {
      throw failed("getNClob", e);
    }
  }

  @Override
  public SQLXML getSQLXML(int column) throws SQLException {
    try {
      return handOut(SQLXML.class, rows.getSQLXML(column));
    } catch (Throwable e) {
      throw failed("getSQLXML", e);
    }
  }

  @Override
  public SQLXML getSQLXML(String label) throws SQLException {
    try {
      return handOut(SQLXML.class, rows.getSQLXML(label));
    } catch (Throwable e) {
      throw failed("getSQLXML", e);
    }
  }

  @Override
  public void updateSQLXML(int column, SQLXML a1) throws SQLException {
    throw readOnly("updateSQLXML");
  }

  @Override
  public void updateSQLXML(String label, SQLXML a1) throws SQLException {
    throw readOnly("updateSQLXML");
  }

  @Override
  public String getNString(int column) throws SQLException {
    try {
      return rows.getNString(column);
    } catch (Throwable e) {
      throw failed("getNString", e);
    }
  }

  @Override
  public String getNString(String label) throws SQLException {
    try {
      return rows.getNString(label);
    } catch (Throwable e) {
      throw failed("getNString", e);
    }
  }

  @Override
  public java.io.Reader getNCharacterStream(int column) throws SQLException {
    try {
      return rows.getNCharacterStream(column);
    } catch (Throwable e) {
      throw failed("getNCharacterStream", e);
    }
  }

  @Override
  public java.io.Reader getNCharacterStream(String label) throws SQLException {
    try {
      return rows.getNCharacterStream(label);
    } catch (Throwable e) {
      throw failed("getNCharacterStream", e);
    }
  }

  @Override
  public void updateNCharacterStream(int column, java.io.Reader a1, long a2) throws SQLException {
    throw readOnly("updateNCharacterStream");
  }

  @Override
  public void updateNCharacterStream(String label, java.io.Reader a1, long a2) throws SQLException {
    throw readOnly("updateNCharacterStream");
  }

  @Override
  public void updateAsciiStream(int column, java.io.InputStream a1, long a2) throws SQLException {
    throw readOnly("updateAsciiStream");
  }

  @Override
  public void updateBinaryStream(int column, java.io.InputStream a1, long a2) throws SQLException {
    throw readOnly("updateBinaryStream");
  }

  @Override
  public void updateCharacterStream(int column, java.io.Reader a1, long a2) throws SQLException {
    throw readOnly("updateCharacterStream");
  }

  @Override
  public void updateAsciiStream(String label, java.io.InputStream a1, long a2) throws SQLException {
    throw readOnly("updateAsciiStream");
  }

  @Override
  public void updateBinaryStream(String label, java.io.InputStream a1, long a2) throws SQLException {
    throw readOnly("updateBinaryStream");
  }

  @Override
  public void updateCharacterStream(String label, java.io.Reader a1, long a2) throws SQLException {
    throw readOnly("updateCharacterStream");
  }

  @Override
  public void updateBlob(int column, java.io.InputStream a1, long a2) throws SQLException {
    throw readOnly("updateBlob");
  }

  @Override
  public void updateBlob(String label, java.io.InputStream a1, long a2) throws SQLException {
    throw readOnly("updateBlob");
  }

  @Override
  public void updateClob(int column, java.io.Reader a1, long a2) throws SQLException {
    throw readOnly("updateClob");
  }

  @Override
  public void updateClob(String label, java.io.Reader a1, long a2) throws SQLException {
    throw readOnly("updateClob");
  }

  @Override
  public void updateNClob(int column, java.io.Reader a1, long a2) throws SQLException {
    throw readOnly("updateNClob");
  }

  @Override
  public void updateNClob(String label, java.io.Reader a1, long a2) throws SQLException {
    throw readOnly("updateNClob");
  }

  @Override
  public void updateNCharacterStream(int column, java.io.Reader a1) throws SQLException {
    throw readOnly("updateNCharacterStream");
  }

  @Override
  public void updateNCharacterStream(String label, java.io.Reader a1) throws SQLException {
    throw readOnly("updateNCharacterStream");
  }

  @Override
  public void updateAsciiStream(int column, java.io.InputStream a1) throws SQLException {
    throw readOnly("updateAsciiStream");
  }

  @Override
  public void updateBinaryStream(int column, java.io.InputStream a1) throws SQLException {
    throw readOnly("updateBinaryStream");
  }

  @Override
  public void updateCharacterStream(int column, java.io.Reader a1) throws SQLException {
    throw readOnly("updateCharacterStream");
  }

  @Override
  public void updateAsciiStream(String label, java.io.InputStream a1) throws SQLException {
    throw readOnly("updateAsciiStream");
  }

  @Override
  public void updateBinaryStream(String label, java.io.InputStream a1) throws SQLException {
    throw readOnly("updateBinaryStream");
  }

  @Override
  public void updateCharacterStream(String label, java.io.Reader a1) throws SQLException {
    throw readOnly("updateCharacterStream");
  }

  @Override
  public void updateBlob(int column, java.io.InputStream a1) throws SQLException {
    throw readOnly("updateBlob");
  }

  @Override
  public void updateBlob(String label, java.io.InputStream a1) throws SQLException {
    throw readOnly("updateBlob");
  }

  @Override
  public void updateClob(int column, java.io.Reader a1) throws SQLException {
    throw readOnly("updateClob");
  }

  @Override
  public void updateClob(String label, java.io.Reader a1) throws SQLException {
    throw readOnly("updateClob");
  }

  @Override
  public void updateNClob(int column, java.io.Reader a1) throws SQLException {
    throw readOnly("updateNClob");
  }

  @Override
  public void updateNClob(String label, java.io.Reader a1) throws SQLException {
    throw readOnly("updateNClob");
  }

  @Override
  public <T> T getObject(int column, Class<T> type) throws SQLException {
    try {
      return type.cast(handOut(Object.class, rows.getObject(column, type)));
    } catch (Throwable e) {
      throw failed("getObject", e);
    }
  }

  @Override
  public <T> T getObject(String label, Class<T> type) throws SQLException {
    try {
      return type.cast(handOut(Object.class, rows.getObject(label, type)));
    } catch (Throwable e) {
      throw failed("getObject", e);
    }
  }

  @Override
  public void updateObject(int column, Object a1, SQLType a2, int a3) throws SQLException {
    throw readOnly("updateObject");
  }

  @Override
  public void updateObject(String label, Object a1, SQLType a2, int a3) throws SQLException {
    throw readOnly("updateObject");
  }

  @Override
  public void updateObject(int column, Object a1, SQLType a2) throws SQLException {
    throw readOnly("updateObject");
  }

  @Override
  public void updateObject(String label, Object a1, SQLType a2) throws SQLException {
    throw readOnly("updateObject");
  }
}
