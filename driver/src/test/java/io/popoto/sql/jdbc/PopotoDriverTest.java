package io.popoto.sql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.popoto.sql.catalog.Catalog;
import io.popoto.sql.catalog.FormatLine;
import io.popoto.sql.redis.PrivateRedis;
import io.popoto.sql.testkit.RedisExtension;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;

/**
 * The driver against a private Redis. These tests use an empty catalog passed in memory, so
 * they run before CatalogReader, Discovery and the schema's tables exist.
 */
@ExtendWith(RedisExtension.class)
class PopotoDriverTest {
  static final Catalog EMPTY = new Catalog(FormatLine.V0_8, null, List.of());

  static String url(PrivateRedis redis) {
    return "jdbc:popoto:redis://" + redis.host() + ":" + redis.port() + "/0";
  }

  @Test
  void registeredThroughTheServiceFile() throws SQLException {
    List<Class<?>> drivers = new ArrayList<>();
    ServiceLoader.load(Driver.class).forEach(d -> drivers.add(d.getClass()));
    assertTrue(drivers.contains(PopotoDriver.class), drivers.toString());
    assertInstanceOf(PopotoDriver.class, DriverManager.getDriver("jdbc:popoto:redis://h"));
  }

  @Test
  void driverManagerReachesOurDriverAndARefusedConnectionIs08001() throws Exception {
    int port = PrivateRedis.freePort(); // nothing listens there
    SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(
        "jdbc:popoto:redis://127.0.0.1:" + port + "?connectTimeout=2&catalog=/nonexistent",
        new Properties()) );
    // The catalog is checked first; with a catalog in memory the network is next.
    assertEquals("F0000", e.getSQLState(), e.getMessage());
    assertTrue(e.getMessage().contains("/nonexistent"), e.getMessage());

    SQLException refused = assertThrows(SQLException.class, () -> PopotoDriver.connect(
        "jdbc:popoto:redis://127.0.0.1:" + port + "?connectTimeout=2", new Properties(),
        EMPTY));
    assertEquals("08001", refused.getSQLState());
    assertTrue(refused.getMessage().contains("127.0.0.1:" + port), refused.getMessage());
  }

  @Test
  void propertyInfoListsEveryPropertyWithDefaultAndDescription() throws SQLException {
    Properties info = new Properties();
    info.setProperty("password", "hunter2");
    DriverPropertyInfo[] all = new PopotoDriver().getPropertyInfo(
        "jdbc:popoto:redis://h?batchSize=42", info);
    assertEquals(PopotoProperty.values().length, all.length);
    Set<String> names = Set.of("catalog", "user", "password", "schema", "strict", "batchSize",
        "connectTimeout", "socketTimeout", "pushdown", "directLookups", "discoverySample",
        "applicationName",
        "sslmode", "sslrootcert", "sslcert", "sslkey", "sslpassword");
    for (DriverPropertyInfo p : all) {
      assertTrue(names.contains(p.name), p.name);
      assertNotNull(p.description, p.name);
      assertFalse("hunter2".equals(p.value), "password value must not be echoed");
    }
    assertEquals("42", find(all, "batchSize").value);
    assertEquals("popoto", find(all, "schema").value);
    assertEquals("10", find(all, "connectTimeout").value);
    assertEquals("60", find(all, "socketTimeout").value);
    assertEquals(List.of("true", "false"), List.of(find(all, "strict").choices));
  }

  @Test
  void wrongPasswordIs28000AndNeverEchoed() throws Exception {
    assumeTrue(PrivateRedis.findBinary() != null, "needs redis-server on the PATH");
    String password = "Corr3ct-Horse";
    try (PrivateRedis secured = PrivateRedis.startBinary(PrivateRedis.findBinary(),
        "--requirepass", password)) {
      String wrong = "Wr0ng-Battery%Staple";
      String url = "jdbc:popoto:redis://:" + "Wr0ng-Battery%25Staple" + "@" + secured.host()
          + ":" + secured.port();
      SQLException e = assertThrows(SQLException.class,
          () -> PopotoDriver.connect(url, new Properties(), EMPTY));
      assertEquals("28000", e.getSQLState(), e.getMessage());
      assertFalse(e.getMessage().contains(wrong), e.getMessage());
      assertFalse(e.getMessage().contains("Battery"), e.getMessage());
      assertTrue(e.getMessage().contains(secured.host() + ":" + secured.port()), e.getMessage());

      Properties props = new Properties();
      props.setProperty("password", password);
      try (PopotoConnection c = PopotoDriver.connect(
          "jdbc:popoto:redis://" + secured.host() + ":" + secured.port(), props, EMPTY)) {
        assertFalse(c.toString().contains(password));
        assertFalse(c.getMetaData().getURL().contains(password));
        assertTrue(c.isValid(2));
      }
    }
  }

  @Test
  void writesAndDdlAre25006AndNothingReachesRedis(PrivateRedis redis) throws SQLException {
    try (Jedis admin = new Jedis(redis.host(), redis.port())) {
      admin.configResetStat();
      try (Connection c = PopotoDriver.connect(url(redis), new Properties(), EMPTY)) {
        assertTrue(c.isReadOnly());
        c.setReadOnly(true);
        c.setReadOnly(false); // tolerated, as pgjdbc's readOnlyMode=ignore: still read-only
        assertTrue(c.isReadOnly());
        assertTrue(c.getWarnings().getMessage().contains("read-only"), c.getWarnings().getMessage());
        List<String> writes = List.of("INSERT INTO \"Restaurant\" (\"name\") VALUES ('x')",
            "UPDATE \"Restaurant\" SET \"name\" = 'x'", "DELETE FROM \"Restaurant\"",
            "MERGE INTO t USING s ON t.a = s.a WHEN MATCHED THEN UPDATE SET a = 1",
            "UPSERT INTO t VALUES (1)", "CREATE TABLE t (a INT)", "DROP TABLE \"Restaurant\"",
            "ALTER TABLE t ADD b INT", "TRUNCATE TABLE \"Restaurant\"");
        for (String sql : writes) {
          try (Statement s = c.createStatement()) {
            assertReadOnly(() -> s.execute(sql), sql);
            assertReadOnly(() -> s.executeUpdate(sql), sql);
            assertReadOnly(() -> s.executeQuery(sql), sql);
            assertReadOnly(() -> s.addBatch(sql), sql);
          }
          assertReadOnly(() -> c.prepareStatement(sql), sql);
        }
      }
      String stats = admin.info("commandstats");
      // Only connection housekeeping (PING, CLIENT SETNAME, AUTH/HELLO/SELECT, our INFO).
      Set<String> allowed = Set.of("ping", "client", "hello", "auth", "select", "info",
          "config");
      for (String line : stats.split("\r?\n")) {
        if (line.startsWith("cmdstat_")) {
          String cmd = line.substring(8, line.indexOf(':')).split("\\|")[0];
          assertTrue(allowed.contains(cmd), "unexpected command sent to Redis: " + line);
        }
      }
    }
  }

  @Test
  void unknownTableIs42S02WithNameAndPosition(PrivateRedis redis) throws SQLException {
    try (Connection c = PopotoDriver.connect(url(redis), new Properties(), EMPTY);
         Statement s = c.createStatement()) {
      SQLException e = assertThrows(SQLException.class,
          () -> s.executeQuery("select *\nfrom \"NoSuchModel\""));
      assertEquals("42S02", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().contains("NoSuchModel"), e.getMessage());
      assertTrue(e.getMessage().contains("line 2, column 6"), e.getMessage());
      assertFalse(e.getMessage().contains("\tat "), e.getMessage());

      SQLException prepared = assertThrows(SQLException.class,
          () -> c.prepareStatement("select * from nosuch"));
      assertEquals("42S02", prepared.getSQLState(), prepared.getMessage());
    }
  }

  @Test
  void unknownColumnIs42S22AndSyntaxErrorIs42000(PrivateRedis redis) throws SQLException {
    try (Connection c = PopotoDriver.connect(url(redis), new Properties(), EMPTY);
         Statement s = c.createStatement()) {
      SQLException col = assertThrows(SQLException.class,
          () -> s.executeQuery("select nosuchcol from (values (1)) as t(a)"));
      assertEquals("42S22", col.getSQLState(), col.getMessage());
      assertTrue(col.getMessage().contains("nosuchcol"), col.getMessage());

      SQLException syntax = assertThrows(SQLException.class, () -> s.executeQuery("select from t"));
      assertEquals("42000", syntax.getSQLState(), syntax.getMessage());
      assertTrue(syntax.getMessage().contains("line 1, column 8"), syntax.getMessage());
      assertFalse(syntax.getMessage().contains("Was expecting"), syntax.getMessage());
    }
  }

  @Test
  void queriesRunAndMetadataNamesTheDriver(PrivateRedis redis) throws SQLException {
    try (PopotoConnection c = PopotoDriver.connect(url(redis) + "?schema=shop",
        new Properties(), EMPTY); Statement s = c.createStatement()) {
      var rs = s.executeQuery("select 1 + 1 as two");
      assertTrue(rs.next());
      assertEquals(2, rs.getInt("two"));
      assertEquals(c, s.getConnection());
      assertEquals("shop", c.getSchema());
      DatabaseMetaData md = c.getMetaData();
      assertInstanceOf(PopotoDatabaseMetaData.class, md);
      assertEquals("Popoto SQL", md.getDriverName());
      assertTrue(md.getDriverVersion().startsWith("0."), md.getDriverVersion());
      assertTrue(md.isReadOnly());
      assertEquals(url(redis) + "?schema=shop", md.getURL());
    }
  }

  @Test
  void closingTheConnectionClosesTheRedisPool(PrivateRedis redis) throws SQLException {
    PopotoConnection c = PopotoDriver.connect(url(redis), new Properties(), EMPTY);
    c.close();
    assertTrue(c.isClosed());
    assertThrows(RuntimeException.class, () -> c.redisSource().borrow().close());
  }

  @Test
  void sampleCatalogFromClasspath(PrivateRedis redis) throws SQLException {
    RedisExtension.loadFixture(redis);
    try (Connection c = DriverManager.getConnection(url(redis)
        + "?catalog=classpath:popoto-sql/samples/food-delivery/catalog.json");
         Statement s = c.createStatement();
         var rs = s.executeQuery("select count(*) from \"Restaurant\"")) {
      assertTrue(rs.next());
      assertTrue(rs.getLong(1) > 0);
    }
  }

  @Test
  void withoutCatalogDiscoveryRunsAndWarns(PrivateRedis redis) throws SQLException {
    RedisExtension.loadFixture(redis);
    try (Connection c = DriverManager.getConnection(url(redis))) {
      assertNotNull(c.getWarnings());
      assertTrue(c.getWarnings().getMessage().contains("discovered"));
    }
  }

  private interface SqlAction {
    void run() throws SQLException;
  }

  private static void assertReadOnly(SqlAction action, String sql) {
    SQLException e = assertThrows(SQLException.class, action::run, sql);
    assertEquals("25006", e.getSQLState(), sql + ": " + e.getMessage());
    assertTrue(e.getMessage().contains("read-only"), e.getMessage());
  }

  private static DriverPropertyInfo find(DriverPropertyInfo[] all, String name) {
    for (DriverPropertyInfo p : all) {
      if (p.name.equals(name)) {
        return p;
      }
    }
    throw new AssertionError("no property " + name);
  }
}
