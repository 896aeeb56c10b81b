package io.popoto.sql.jdbc;

import io.popoto.sql.calcite.PointLookup;
import io.popoto.sql.calcite.PopotoSchema;
import io.popoto.sql.calcite.RedisSource;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.ShardingKey;
import java.sql.Statement;
import java.sql.Struct;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.schema.SchemaPlus;
import redis.clients.jedis.Jedis;

/**
 * A read-only connection: Calcite's connection with the write guard, error translation, the
 * Popoto metadata and ownership of the Redis pool. Statements it creates are
 * {@link GuardedStatement}s. Unwrap to {@link CalciteConnection} for Calcite's own API.
 */
public final class PopotoConnection implements Connection {
  private final CalciteConnection delegate;
  private final RedisSource source;
  private final ConnectionUrl url;
  private SQLWarning warnings;
  private volatile String serverVersion;
  /** What the application last set; there are no transactions either way (see commit()). */
  private boolean autoCommit = true;
  private volatile boolean aborted;
  private final Properties clientInfo = new Properties();
  private final Object metadataLock = new Object();
  private MetadataStatements metadataStatements;

  /** The {@code directLookups} property. */
  private final boolean directLookups;

  PopotoConnection(CalciteConnection delegate, RedisSource source, ConnectionUrl url,
      boolean directLookups) {
    this.delegate = delegate;
    this.source = source;
    this.url = url;
    this.directLookups = directLookups;
  }

  /** The Redis this connection reads, with its command counters (for tests and tools). */
  public RedisSource redisSource() {
    return source;
  }

  /** The URL without the password. */
  public String url() {
    return url.toString();
  }

  ConnectionUrl connectionUrl() {
    return url;
  }

  /** The name our schema is registered under (the {@code schema} property). */
  String schemaName() {
    return url.get(PopotoProperty.SCHEMA);
  }

  /** The prepared metadata queries over the catalog schema, reused across calls. */
  synchronized MetadataStatements metadataStatements() {
    if (metadataStatements == null) {
      metadataStatements = new MetadataStatements(delegate);
    }
    return metadataStatements;
  }

  /** One metadata call at a time: Calcite's statement registry is not thread-safe. */
  Object metadataLock() {
    return metadataLock;
  }

  /** The schema serving our tables, for its catalog (metadata reads the models there). */
  PopotoSchema popotoSchema() throws SQLException {
    SchemaPlus schema = delegate.getRootSchema().subSchemas().get(schemaName());
    PopotoSchema popoto = schema == null ? null : schema.unwrap(PopotoSchema.class);
    if (popoto == null) {
      throw new SQLException("Schema " + schemaName() + " is not a Popoto schema");
    }
    return popoto;
  }

  /** The catalog, for the hints of error messages; null when there is none to give. */
  io.popoto.sql.catalog.Catalog catalogForHints() {
    try {
      return popotoSchema().catalog();
    } catch (SQLException | RuntimeException e) {
      return null; // a message without a hint is still the right message
    }
  }

  /** redis_version from INFO server, asked once per connection: it cannot change under us. */
  String serverVersion() {
    String v = serverVersion;
    if (v == null) {
      v = RedisServerInfo.version(source.read(jedis -> jedis.info("server")));
      serverVersion = v;
    }
    return v;
  }

  /** The version INFO server gave at connect time. */
  void serverVersion(String version) {
    serverVersion = version;
  }

  /** Decode warnings the schema recorded since the last call (lenient mode). */
  java.util.List<String> drainDecodeWarnings() throws SQLException {
    return popotoSchema().drainWarnings();
  }

  void addWarning(String message) {
    addWarning(new SQLWarning(message));
  }

  /**
   * Adds a warning unless the chain holds the same message already: pools call setReadOnly and
   * setTransactionIsolation on every checkout, and the chain must not grow with each one.
   */
  private void addWarningOnce(String message) {
    for (SQLWarning w = warnings; w != null; w = w.getNextWarning()) {
      if (message.equals(w.getMessage())) {
        return;
      }
    }
    addWarning(message);
  }

  private void checkOpen() throws SQLException {
    if (isClosed()) {
      throw new SQLException("The connection is closed", SqlStates.CONNECTION_DOES_NOT_EXIST);
    }
  }

  private void addWarning(SQLWarning w) {
    if (warnings == null) {
      warnings = w;
    } else {
      warnings.setNextWarning(w); // appends at the end of the chain
    }
  }

  @Override
  public Statement createStatement() throws SQLException {
    return GuardedStatement.wrap(delegate.createStatement(), this);
  }

  @Override
  public Statement createStatement(int resultSetType, int resultSetConcurrency)
      throws SQLException {
    checkReadOnlyResults(resultSetConcurrency);
    return GuardedStatement.wrap(
        delegate.createStatement(resultSetType, resultSetConcurrency), this);
  }

  @Override
  public Statement createStatement(int resultSetType, int resultSetConcurrency,
      int resultSetHoldability) throws SQLException {
    checkReadOnlyResults(resultSetConcurrency);
    return GuardedStatement.wrap(delegate.createStatement(resultSetType, resultSetConcurrency,
        resultSetHoldability), this);
  }

  @Override
  public PreparedStatement prepareStatement(String sql) throws SQLException {
    ReadOnlyGuard.check(sql);
    try {
      return prepared(() -> delegate.prepareStatement(sql));
    } catch (SQLException e) {
      throw ErrorTranslator.translate(e, catalogForHints());
    }
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys)
      throws SQLException {
    ReadOnlyGuard.check(sql);
    if (autoGeneratedKeys == Statement.RETURN_GENERATED_KEYS) {
      throw generatedKeysUnsupported();
    }
    try {
      // NO_GENERATED_KEYS is a plain statement (Avatica refuses the two-argument form).
      return prepared(() -> delegate.prepareStatement(sql));
    } catch (SQLException e) {
      throw ErrorTranslator.translate(e, catalogForHints());
    }
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int[] columnIndexes)
      throws SQLException {
    ReadOnlyGuard.check(sql);
    throw generatedKeysUnsupported(); // asking for key columns asks for generated keys
  }

  @Override
  public PreparedStatement prepareStatement(String sql, String[] columnNames)
      throws SQLException {
    ReadOnlyGuard.check(sql);
    throw generatedKeysUnsupported(); // asking for key columns asks for generated keys
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int resultSetType,
      int resultSetConcurrency) throws SQLException {
    ReadOnlyGuard.check(sql);
    checkReadOnlyResults(resultSetConcurrency);
    try {
      return prepared(
          () -> delegate.prepareStatement(sql, resultSetType, resultSetConcurrency));
    } catch (SQLException e) {
      throw ErrorTranslator.translate(e, catalogForHints());
    }
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int resultSetType,
      int resultSetConcurrency, int resultSetHoldability) throws SQLException {
    ReadOnlyGuard.check(sql);
    checkReadOnlyResults(resultSetConcurrency);
    try {
      return prepared(() -> delegate.prepareStatement(sql, resultSetType,
          resultSetConcurrency, resultSetHoldability));
    } catch (SQLException e) {
      throw ErrorTranslator.translate(e, catalogForHints());
    }
  }

  private interface Preparation {
    PreparedStatement prepare() throws SQLException;
  }

  /**
   * Calcite's prepared statement, guarded; a key lookup (see {@link PointLookup}) also gets
   * its direct execution unless the {@code directLookups} property turns that off.
   */
  private PreparedStatement prepared(Preparation preparation) throws SQLException {
    PreparedStatement prepared;
    PointLookup lookup;
    try (PointLookup.Recording recording = PointLookup.recording()) {
      prepared = preparation.prepare();
      lookup = recording.lookup();
    }
    DirectLookup direct = directLookups ? DirectLookup.of(prepared, lookup) : null;
    return GuardedStatement.wrap(prepared, this, direct);
  }

  @Override
  public CallableStatement prepareCall(String sql) throws SQLException {
    throw callsUnsupported();
  }

  @Override
  public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency)
      throws SQLException {
    throw callsUnsupported();
  }

  @Override
  public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency,
      int resultSetHoldability) throws SQLException {
    throw callsUnsupported();
  }

  /** Updatable result sets would write; JDBC lets a driver refuse them outright. */
  private static void checkReadOnlyResults(int concurrency) throws SQLException {
    if (concurrency != java.sql.ResultSet.CONCUR_READ_ONLY) {
      throw new java.sql.SQLFeatureNotSupportedException("Popoto SQL result sets are read-only:"
          + " only ResultSet.CONCUR_READ_ONLY is supported", SqlStates.FEATURE_NOT_SUPPORTED);
    }
  }

  /** No statement inserts, so no key is ever generated. */
  static SQLException generatedKeysUnsupported() {
    return new java.sql.SQLFeatureNotSupportedException("Popoto SQL is read-only and generates"
        + " no keys: getGeneratedKeys and RETURN_GENERATED_KEYS are not supported",
        SqlStates.FEATURE_NOT_SUPPORTED);
  }

  private static SQLException callsUnsupported() {
    return new java.sql.SQLFeatureNotSupportedException(
        "Popoto SQL has no stored procedures", SqlStates.FEATURE_NOT_SUPPORTED);
  }

  @Override
  public boolean isReadOnly() {
    return true;
  }

  /**
   * Tolerated as pgjdbc's {@code readOnlyMode=ignore} tolerates it: pools, sqlline and DBeaver
   * call {@code setReadOnly(false)} on every connection. The connection stays read-only (writes
   * still fail with 25006 before reaching Redis) and a warning says so.
   */
  @Override
  public void setReadOnly(boolean readOnly) throws SQLException {
    checkOpen();
    if (!readOnly) {
      addWarningOnce("Popoto SQL connections are always read-only: setReadOnly(false) is "
          + "ignored, and writes still fail with SQLState 25006");
    }
  }

  /** True for a new connection, as JDBC requires; false once the application asks for it. */
  @Override
  public boolean getAutoCommit() throws SQLException {
    checkOpen();
    return autoCommit;
  }

  /** Accepted: frameworks turn auto-commit off to begin a transaction. Nothing else changes. */
  @Override
  public void setAutoCommit(boolean autoCommit) throws SQLException {
    checkOpen();
    this.autoCommit = autoCommit;
  }

  /** A no-op: nothing is ever written, so there is nothing to commit. */
  @Override
  public void commit() throws SQLException {
    checkOpen();
  }

  /** A no-op: nothing is ever written, so there is nothing to undo. */
  @Override
  public void rollback() throws SQLException {
    checkOpen();
  }

  /**
   * {@code TRANSACTION_NONE}, the truth: each Redis command sees the data as it is at that
   * moment, so a long query may see a row a concurrent Popoto save changed halfway through it
   * (matching {@code supportsTransactions() == false}).
   */
  @Override
  public int getTransactionIsolation() throws SQLException {
    checkOpen();
    return TRANSACTION_NONE;
  }

  /** Any level is tolerated with a warning (frameworks set one per transaction); none applies. */
  @Override
  public void setTransactionIsolation(int level) throws SQLException {
    checkOpen();
    switch (level) {
      case TRANSACTION_NONE -> {
        // what the connection has: nothing to warn about
      }
      case TRANSACTION_READ_UNCOMMITTED, TRANSACTION_READ_COMMITTED,
          TRANSACTION_REPEATABLE_READ, TRANSACTION_SERIALIZABLE -> addWarningOnce(
              "Popoto SQL has no transactions: transaction isolation level " + level
              + " is ignored; every Redis command reads the data as it is at that moment");
      default -> throw new SQLException("Unknown transaction isolation level " + level
          + "; use one of the Connection.TRANSACTION_* constants",
          SqlStates.INVALID_PARAMETER_VALUE);
    }
  }

  @Override
  public Savepoint setSavepoint() throws SQLException {
    throw savepointsUnsupported();
  }

  @Override
  public Savepoint setSavepoint(String name) throws SQLException {
    throw savepointsUnsupported();
  }

  @Override
  public void rollback(Savepoint savepoint) throws SQLException {
    throw savepointsUnsupported();
  }

  @Override
  public void releaseSavepoint(Savepoint savepoint) throws SQLException {
    throw savepointsUnsupported();
  }

  private static SQLException savepointsUnsupported() {
    return new java.sql.SQLFeatureNotSupportedException(
        "Popoto SQL has no transactions, so no savepoints", SqlStates.FEATURE_NOT_SUPPORTED);
  }

  /** The one client info property: {@value #APPLICATION_NAME}. */
  static final String APPLICATION_NAME = "ApplicationName";

  /** The application name as given; Redis sees it as {@link ClientName#of}. */
  @Override
  public Properties getClientInfo() throws SQLException {
    checkOpen();
    Properties copy = new Properties();
    copy.putAll(clientInfo);
    return copy;
  }

  @Override
  public String getClientInfo(String name) throws SQLException {
    checkOpen();
    return name == null ? null : clientInfo.getProperty(name);
  }

  @Override
  public void setClientInfo(Properties properties) throws SQLClientInfoException {
    String name = properties == null ? null : properties.getProperty(APPLICATION_NAME);
    setClientInfo(APPLICATION_NAME, name);
    if (properties != null) {
      for (String other : properties.stringPropertyNames()) {
        if (!other.equals(APPLICATION_NAME)) {
          setClientInfo(other, properties.getProperty(other));
        }
      }
    }
  }

  /**
   * {@code ApplicationName} becomes the Redis client name {@code popoto-sql:<name>}; other
   * names (ClientUser, ClientHostname, which tools send freely) are ignored with a warning.
   */
  @Override
  public void setClientInfo(String name, String value) throws SQLClientInfoException {
    if (isClosed()) {
      throw clientInfoRefused(name, "the connection is closed",
          SqlStates.CONNECTION_DOES_NOT_EXIST, null);
    }
    if (APPLICATION_NAME.equals(name) && value != null
        && value.length() > FunctionRows.APPLICATION_NAME_MAX) {
      throw clientInfoRefused(name, "longer than " + FunctionRows.APPLICATION_NAME_MAX
          + " characters", SqlStates.INVALID_PARAMETER_VALUE, null);
    }
    if (!APPLICATION_NAME.equals(name)) {
      addWarningOnce("Client info property '" + name + "' is ignored; Popoto SQL knows only "
          + APPLICATION_NAME);
      return;
    }
    try {
      source.clientName(ClientName.of(value));
    } catch (RuntimeException e) {
      throw clientInfoRefused(name, "Redis refused CLIENT SETNAME: " + e.getMessage(),
          SqlStates.INVALID_PARAMETER_VALUE, e);
    }
    if (value == null || value.isEmpty()) {
      clientInfo.remove(APPLICATION_NAME);
    } else {
      clientInfo.setProperty(APPLICATION_NAME, value);
    }
  }

  private static SQLClientInfoException clientInfoRefused(String name, String why,
      String state, Throwable cause) {
    return new SQLClientInfoException("Cannot set client info " + name + ": " + why, state,
        0, Map.of(String.valueOf(name), java.sql.ClientInfoStatus.REASON_VALUE_INVALID), cause);
  }

  /** The socket timeout in force, in milliseconds (the socketTimeout property until changed). */
  @Override
  public int getNetworkTimeout() throws SQLException {
    checkOpen();
    return source.settings().socketTimeoutMillis();
  }

  /**
   * Sets the socket timeout of every pooled Redis socket (each takes it when next borrowed);
   * 0 waits forever. The executor is not needed: Jedis applies the timeout on its own socket.
   */
  @Override
  public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
    checkOpen();
    if (executor == null || milliseconds < 0) {
      throw new SQLException("setNetworkTimeout needs an executor and milliseconds >= 0, not "
          + executor + " and " + milliseconds, SqlStates.INVALID_PARAMETER_VALUE);
    }
    source.socketTimeoutMillis(milliseconds);
  }

  /**
   * Marks the connection closed at once and releases it on the executor, as JDBC asks; a
   * second abort, or one after close, does nothing.
   */
  @Override
  public void abort(Executor executor) throws SQLException {
    if (executor == null) {
      throw new SQLException("abort needs an executor", SqlStates.INVALID_PARAMETER_VALUE);
    }
    if (isClosed()) {
      return;
    }
    aborted = true;
    executor.execute(() -> {
      try {
        close();
      } catch (SQLException | RuntimeException ignored) {
        // aborting: the caller has given up on this connection
      }
    });
  }

  /** Our schema, the catalog schema, or Calcite's; anything else fails with 3F000. */
  @Override
  public void setSchema(String schema) throws SQLException {
    checkOpen();
    String known = schema == null ? null : knownSchema(schema);
    if (known == null) {
      throw new SQLException("Unknown schema '" + schema + "'; the schemas are "
          + new java.util.TreeSet<>(schemaNames()), SqlStates.INVALID_SCHEMA_NAME);
    }
    delegate.setSchema(known);
  }

  private java.util.Set<String> schemaNames() {
    return delegate.getRootSchema().subSchemas()
        .getNames(org.apache.calcite.schema.lookup.LikePattern.any());
  }

  /** The registered name matching {@code schema} case-insensitively, as unquoted SQL does. */
  private String knownSchema(String schema) {
    for (String name : schemaNames()) {
      if (name.equalsIgnoreCase(schema)) {
        return name;
      }
    }
    return null;
  }

  @Override
  public DatabaseMetaData getMetaData() throws SQLException {
    return new PopotoDatabaseMetaData(delegate.getMetaData(), this);
  }

  @Override
  public void close() throws SQLException {
    try {
      delegate.close();
    } finally {
      source.close();
    }
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    // Calcite's warnings move into our chain once, so asking twice never links them twice.
    SQLWarning calcite = delegate.getWarnings();
    if (calcite != null) {
      delegate.clearWarnings();
      addWarning(calcite);
    }
    return warnings;
  }

  @Override
  public void clearWarnings() throws SQLException {
    warnings = null;
    delegate.clearWarnings();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return ProxyIdentity.unwrap(this, delegate, iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return ProxyIdentity.isWrapperFor(this, delegate, iface);
  }

  /** Empty: there are no user-defined SQL types (Calcite refuses, which schema tools log). */
  @Override
  public Map<String, Class<?>> getTypeMap() {
    return Map.of();
  }

  @Override
  public String toString() {
    return "PopotoConnection[" + url + "]";
  }

  // Everything below delegates to Calcite unchanged.


  @Override
  public void beginRequest() throws SQLException {
    delegate.beginRequest();
  }


  @Override
  public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
    return delegate.createArrayOf(typeName, elements);
  }

  @Override
  public Blob createBlob() throws SQLException {
    return delegate.createBlob();
  }

  @Override
  public Clob createClob() throws SQLException {
    return delegate.createClob();
  }

  @Override
  public NClob createNClob() throws SQLException {
    return delegate.createNClob();
  }

  @Override
  public SQLXML createSQLXML() throws SQLException {
    return delegate.createSQLXML();
  }

  @Override
  public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
    return delegate.createStruct(typeName, attributes);
  }

  @Override
  public void endRequest() throws SQLException {
    delegate.endRequest();
  }


  @Override
  public String getCatalog() throws SQLException {
    checkOpen();
    return MetadataScope.catalogName(source.config().database());
  }


  @Override
  public int getHoldability() throws SQLException {
    return delegate.getHoldability();
  }


  @Override
  public String getSchema() throws SQLException {
    return delegate.getSchema();
  }



  @Override
  public boolean isClosed() {
    try {
      return aborted || delegate.isClosed();
    } catch (SQLException e) {
      return true;
    }
  }

  @Override
  public boolean isValid(int timeout) throws SQLException {
    if (timeout < 0) {
      throw new SQLException("isValid(timeout): the timeout is in seconds and must be 0 (wait"
          + " as long as socketTimeout) or more, got " + timeout, SqlStates.INVALID_PARAMETER_VALUE);
    }
    if (isClosed()) {
      return false;
    }
    // A round trip to the server: INFO server, as connect sends it (a least-privilege ACL user
    // may not PING). A frozen server is cut off at the timeout the way a statement's cancel
    // breaks its wait; a dead one fails at once (after the one reconnect every read gets).
    java.util.concurrent.atomic.AtomicBoolean expired =
        new java.util.concurrent.atomic.AtomicBoolean();
    java.util.concurrent.ScheduledFuture<?> alarm = timeout == 0 ? null
        : QueryTimer.schedule(() -> {
          expired.set(true);
          source.interrupt(expired);
        }, timeout);
    try {
      source.read(jedis -> jedis.info("server"), expired);
      return !expired.get();
    } catch (RuntimeException unreachable) {
      return false; // JDBC: false, not an exception, when the connection does not answer
    } finally {
      if (alarm != null) {
        alarm.cancel(false);
      }
    }
  }

  @Override
  public String nativeSQL(String sql) throws SQLException {
    return delegate.nativeSQL(sql);
  }



  @Override
  public void setCatalog(String catalog) throws SQLException {
    delegate.setCatalog(catalog);
  }


  @Override
  public void setHoldability(int holdability) throws SQLException {
    delegate.setHoldability(holdability);
  }


  @Override
  public void setShardingKey(ShardingKey shardingKey) throws SQLException {
    delegate.setShardingKey(shardingKey);
  }

  @Override
  public void setShardingKey(ShardingKey shardingKey, ShardingKey superShardingKey) throws SQLException {
    delegate.setShardingKey(shardingKey, superShardingKey);
  }

  @Override
  public boolean setShardingKeyIfValid(ShardingKey shardingKey, int superShardingKey) throws SQLException {
    return delegate.setShardingKeyIfValid(shardingKey, superShardingKey);
  }

  @Override
  public boolean setShardingKeyIfValid(ShardingKey shardingKey, ShardingKey superShardingKey, int timeout) throws SQLException {
    return delegate.setShardingKeyIfValid(shardingKey, superShardingKey, timeout);
  }


  @Override
  public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
    delegate.setTypeMap(map);
  }
}
