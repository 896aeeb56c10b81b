package io.popoto.sql.jdbc;

import io.popoto.sql.calcite.PopotoSchema;
import io.popoto.sql.calcite.ReaderOptions;
import io.popoto.sql.calcite.RedisSource;
import io.popoto.sql.catalog.Catalog;
import io.popoto.sql.catalog.CatalogException;
import io.popoto.sql.catalog.CatalogReader;
import io.popoto.sql.discovery.Discovery;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import org.apache.calcite.jdbc.CalciteConnection;
import redis.clients.jedis.Jedis;

/**
 * The {@code jdbc:popoto:} driver. Registered by its static initializer and by
 * META-INF/services/java.sql.Driver, so {@code DriverManager.getConnection(url)} needs nothing
 * else. See docs/driver.md for the URL and properties.
 */
public final class PopotoDriver implements Driver {

  static {
    io.popoto.sql.calcite.PopotoCalcite.preferUnicodeDefault(); // before Calcite loads
    try {
      DriverManager.registerDriver(new PopotoDriver());
    } catch (SQLException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @Override
  public boolean acceptsURL(String url) {
    return ConnectionUrl.accepts(url);
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null; // DriverManager asks every driver; other URLs are not ours
    }
    return JdbcBoundary.connection(connect(url, info, null));
  }

  /**
   * Connects with a catalog already in memory instead of the {@code catalog} property: for
   * embedding Popoto SQL in an application that builds its catalog in code, and for tests.
   *
   * @param catalog the models; null to use the {@code catalog} property or discovery
   */
  public static PopotoConnection connect(String url, Properties info, Catalog catalog)
      throws SQLException {
    try {
      return open(url, info, catalog);
    } catch (Throwable e) { // states for what has none; anything else is a bug, still reported
      throw Failures.toSqlException(e, "Driver.connect");
    }
  }

  private static PopotoConnection open(String url, Properties info, Catalog catalog)
      throws SQLException {
    ConnectionUrl parsed = ConnectionUrl.parse(url, info);
    String schemaName = parsed.get(PopotoProperty.SCHEMA);
    if (schemaName.equalsIgnoreCase(CatalogSchema.NAME)) {
      throw new SQLException("Invalid value for connection property schema: '" + schemaName
          + "' is the name of the metadata schema; choose another",
          SqlStates.INVALID_PARAMETER_VALUE);
    }
    ReaderOptions options = new ReaderOptions(
        PopotoProperty.BATCH_SIZE.getInt(parsed.properties(), 1),
        PopotoProperty.STRICT.getBoolean(parsed.properties()),
        PopotoProperty.PUSHDOWN.getBoolean(parsed.properties()));
    boolean directLookups = PopotoProperty.DIRECT_LOOKUPS.getBoolean(parsed.properties());
    int connectTimeout = PopotoProperty.CONNECT_TIMEOUT.getInt(parsed.properties(), 0);
    int socketTimeout = PopotoProperty.SOCKET_TIMEOUT.getInt(parsed.properties(), 0);
    int sample = PopotoProperty.DISCOVERY_SAMPLE.getInt(parsed.properties(), 1);

    // A broken catalog file is reported before touching the network.
    String location = parsed.get(PopotoProperty.CATALOG);
    if (catalog == null && location != null) {
      catalog = loadCatalog(location);
    }

    String password = parsed.get(PopotoProperty.PASSWORD);
    // Certificate and key files are read here, before the network, like the catalog.
    RedisSource.Tls tls = TlsSetup.of(parsed);
    RedisSource source = new RedisSource(new RedisSource.Config(parsed.host(), parsed.port(),
        parsed.database(), tls != null, parsed.get(PopotoProperty.USER), password,
        connectTimeout * 1000, socketTimeout * 1000), tls);
    try {
      String warning = null;
      String serverInfo;
      String step = "INFO";
      try (Jedis jedis = source.borrow()) {
        // One INFO server (not PING, which a least-privilege ACL user may lack: docs/driver.md)
        // so that an unreachable server or bad password fails here, not mid-query; it also
        // gives the server version the metadata reports.
        serverInfo = jedis.info("server");
        if (catalog == null) {
          step = "discovery (SCAN, SSCAN, HGETALL)";
          catalog = discover(jedis, sample);
          warning = "No catalog property: the models were discovered by sampling up to "
              + sample + " hashes per model; guesses may be wrong. Save a catalog file and "
              + "pass catalog=<file> for stable, exact types.";
        }
      } catch (RuntimeException e) {
        if (e.getClass().getName().startsWith("redis.clients.jedis")) {
          throw RedisErrors.connectFailure(e, parsed, password, step);
        }
        throw e;
      }
      PopotoConnection connection = new PopotoConnection(
          openCalcite(schemaName, new PopotoSchema(catalog, source, options, schemaName)), source, parsed,
          directLookups);
      connection.serverVersion(RedisServerInfo.version(serverInfo));
      if (warning != null) {
        connection.addWarning(warning);
      }
      String applicationName = parsed.get(PopotoProperty.APPLICATION_NAME);
      if (applicationName != null) {
        try {
          connection.setClientInfo(PopotoConnection.APPLICATION_NAME, applicationName);
        } catch (SQLException e) {
          connection.close();
          throw e;
        }
      }
      return connection;
    } catch (SQLException | RuntimeException e) {
      source.close();
      throw e;
    }
  }

  private static Catalog loadCatalog(String location) throws SQLException {
    try {
      return CatalogReader.load(location);
    } catch (CatalogException e) {
      throw new SQLException("Cannot use catalog '" + location + "': " + e.getMessage(),
          SqlStates.CONFIG_FILE_ERROR, e);
    } catch (RuntimeException e) {
      // Neither the message nor the cause of a parser's failure: they may quote the file.
      throw new SQLException("Cannot load catalog '" + location + "': "
          + e.getClass().getSimpleName(), SqlStates.CONFIG_FILE_ERROR);
    }
  }

  private static Catalog discover(Jedis jedis, int sample) throws SQLException {
    try {
      return Discovery.discover(jedis, sample).catalog();
    } catch (RuntimeException e) {
      if (e.getClass().getName().startsWith("redis.clients.jedis")) {
        throw e; // a connection problem, reported as such by the caller
      }
      throw new SQLException("No catalog property and discovering the models failed: " + e
          + ". Pass catalog=<file>.", SqlStates.CONFIG_FILE_ERROR, e);
    }
  }

  /** A Calcite connection whose default schema is ours, with the SQL dialect we document. */
  private static CalciteConnection openCalcite(String schemaName, PopotoSchema schema)
      throws SQLException {
    Properties calcite = new Properties();
    calcite.setProperty("caseSensitive", "false");
    calcite.setProperty("unquotedCasing", "UNCHANGED");
    calcite.setProperty("quotedCasing", "UNCHANGED");
    // LENIENT: BI tools send GROUP BY alias/ordinal, LIMIT start,count and != freely.
    calcite.setProperty("conformance", "LENIENT");
    calcite.setProperty("fun", "standard");
    calcite.setProperty("typeSystem",
        io.popoto.sql.calcite.PopotoTypeSystem.class.getName() + "#INSTANCE");
    // Calcite's connection factory directly, not through DriverManager: no URL lookup, no
    // ambiguity, our type factory (Unicode literals whatever the JVM's properties) and our
    // preparation, for cancel and timeout (PopotoPrepare).
    CalciteConnection cc = io.popoto.sql.calcite.PopotoCalcite.connect(calcite);
    cc.getRootSchema().add(schemaName, schema);
    cc.getRootSchema().add(CatalogSchema.NAME, new CatalogSchema(schema));
    cc.setSchema(schemaName);
    return cc;
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
    try {
      return propertyInfo(url, info);
    } catch (Throwable e) {
      throw Failures.toSqlException(e, "Driver.getPropertyInfo");
    }
  }

  private DriverPropertyInfo[] propertyInfo(String url, Properties info) throws SQLException {
    Properties merged = acceptsURL(url) ? ConnectionUrl.parse(url, info).properties()
        : (info == null ? new Properties() : info);
    PopotoProperty[] all = PopotoProperty.values();
    DriverPropertyInfo[] result = new DriverPropertyInfo[all.length];
    for (int i = 0; i < all.length; i++) {
      result[i] = all[i].toDriverPropertyInfo(merged);
    }
    return result;
  }

  @Override
  public int getMajorVersion() {
    return DriverVersion.MAJOR;
  }

  @Override
  public int getMinorVersion() {
    return DriverVersion.MINOR;
  }

  /** False: Popoto SQL is read-only and has no transactions, so not JDBC compliant. */
  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("java.util.logging is not used");
  }
}
