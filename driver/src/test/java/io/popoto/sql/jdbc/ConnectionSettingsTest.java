package io.popoto.sql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.popoto.sql.redis.PrivateRedis;
import io.popoto.sql.testkit.RedisExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;

/**
 * What pools, frameworks and tools set on a connection after connecting: read-only and
 * auto-commit flags, isolation, client info, the network timeout, abort, the schema, and the
 * JDBC features a read-only driver refuses with 0A000.
 */
@ExtendWith(RedisExtension.class)
class ConnectionSettingsTest {
  static final Executor DIRECT = Runnable::run;

  @BeforeAll
  static void load(PrivateRedis redis) {
    RedisExtension.loadFixture(redis);
  }

  static Connection connect(PrivateRedis redis, String extra) throws SQLException {
    return DriverManager.getConnection(PopotoDatabaseMetaDataTest.url(redis) + extra);
  }

  static List<String> warnings(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    for (SQLWarning w = c.getWarnings(); w != null; w = w.getNextWarning()) {
      out.add(w.getMessage());
    }
    return out;
  }

  static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      assertTrue(rs.next());
      return rs.getLong(1);
    }
  }

  @Test
  void readOnlyFalseIsToleratedOnceWithAWarningAndWritesStay25006(PrivateRedis redis)
      throws SQLException {
    try (Connection c = connect(redis, "")) {
      c.setReadOnly(false);
      c.setReadOnly(false); // a pool does it on every checkout: one warning, not a chain
      c.setReadOnly(true);
      assertTrue(c.isReadOnly());
      List<String> w = warnings(c);
      assertEquals(1, w.size(), w.toString());
      assertTrue(w.get(0).contains("read-only"), w.get(0));
      try (Statement s = c.createStatement()) {
        SQLException e = assertThrows(SQLException.class,
            () -> s.executeUpdate("DELETE FROM \"Order\""));
        assertEquals("25006", e.getSQLState());
      }
      c.clearWarnings();
      assertNull(c.getWarnings());
    }
  }

  @Test
  void autoCommitIsOnAndTransactionsAreNoOps(PrivateRedis redis) throws SQLException {
    try (Connection c = connect(redis, "")) {
      assertTrue(c.getAutoCommit());
      c.commit();
      c.rollback();
      c.setAutoCommit(false);
      assertFalse(c.getAutoCommit());
      assertEquals(5, count(c, "SELECT COUNT(*) FROM Restaurant"));
      c.commit();
      c.rollback();
      c.setAutoCommit(true);
      assertTrue(c.getAutoCommit());
      assertEquals(Connection.TRANSACTION_NONE, c.getTransactionIsolation());
      assertEquals(Connection.TRANSACTION_NONE,
          c.getMetaData().getDefaultTransactionIsolation());
      assertFalse(c.getMetaData().supportsTransactionIsolationLevel(
          Connection.TRANSACTION_SERIALIZABLE));
    }
  }

  @Test
  void anyIsolationLevelIsToleratedWithAWarningAndTheTruthStays(PrivateRedis redis)
      throws SQLException {
    try (Connection c = connect(redis, "")) {
      c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
      c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      c.setTransactionIsolation(Connection.TRANSACTION_NONE); // what Spring restores
      assertEquals(Connection.TRANSACTION_NONE, c.getTransactionIsolation());
      List<String> w = warnings(c);
      assertEquals(2, w.size(), w.toString());
      assertTrue(w.get(0).contains("isolation level 8"), w.get(0));
      SQLException bad = assertThrows(SQLException.class, () -> c.setTransactionIsolation(99));
      assertEquals("22023", bad.getSQLState());
    }
  }

  /** The names Redis's CLIENT LIST shows for the sockets of the server. */
  static List<String> clientNames(PrivateRedis redis) {
    List<String> names = new ArrayList<>();
    try (Jedis admin = new Jedis(redis.host(), redis.port())) {
      for (String line : admin.clientList().split("\n")) {
        for (String field : line.split(" ")) {
          if (field.startsWith("name=")) {
            names.add(field.substring(5));
          }
        }
      }
    }
    return names;
  }

  @Test
  void applicationNameBecomesTheRedisClientNameOfEverySocket(PrivateRedis redis)
      throws SQLException {
    try (Connection c = connect(redis, "&applicationName=Nightly%20report")) {
      assertEquals("Nightly report", c.getClientInfo("ApplicationName"));
      assertTrue(clientNames(redis).contains("popoto-sql:Nightly%20report"),
          clientNames(redis).toString());

      PopotoConnection popoto = c.unwrap(PopotoConnection.class);
      // Two sockets borrowed at once: both carry the new name once borrowed again.
      try (Jedis a = popoto.redisSource().borrow(); Jedis b = popoto.redisSource().borrow()) {
        a.ping();
        b.ping();
      }
      c.setClientInfo("ApplicationName", "Café BI 2");
      try (Jedis a = popoto.redisSource().borrow(); Jedis b = popoto.redisSource().borrow()) {
        assertEquals("popoto-sql:Caf%C3%A9%20BI%202", a.clientGetname());
        assertEquals("popoto-sql:Caf%C3%A9%20BI%202", b.clientGetname());
      }
      assertEquals("Café BI 2", c.getClientInfo().getProperty("ApplicationName"));
      assertFalse(clientNames(redis).contains("popoto-sql:Nightly%20report"));

      c.setClientInfo("ClientUser", "ann"); // ignored, with a warning
      assertTrue(warnings(c).get(0).contains("ClientUser"), warnings(c).toString());
      SQLClientInfoException tooLong = assertThrows(SQLClientInfoException.class,
          () -> c.setClientInfo("ApplicationName", "x".repeat(256)));
      assertEquals("22023", tooLong.getSQLState());
      assertEquals("Café BI 2", c.getClientInfo("ApplicationName"));

      try (ResultSet rs = c.getMetaData().getClientInfoProperties()) {
        assertTrue(rs.next());
        assertEquals("ApplicationName", rs.getString("NAME"));
        assertEquals(255, rs.getInt("MAX_LEN"));
        assertFalse(rs.next());
      }
      c.setClientInfo("ApplicationName", null);
      assertNull(c.getClientInfo("ApplicationName"));
      try (Jedis a = popoto.redisSource().borrow()) {
        assertEquals("popoto-sql", a.clientGetname());
      }
    }
  }

  @Test
  void clientNamesAreEncodedLosslesslyWithinRedisRules() {
    assertEquals("popoto-sql", ClientName.of(null));
    assertEquals("popoto-sql", ClientName.of(""));
    assertEquals("popoto-sql:DBeaver%2024.1", ClientName.of("DBeaver 24.1"));
    assertEquals("popoto-sql:100%25%0A", ClientName.of("100%\n"));
    assertEquals("popoto-sql:%E6%8A%A5%E8%A1%A8", ClientName.of("报表"));
    for (String s : List.of("a b", "tab\tx", "Zürich", "x%y", "!~")) {
      String name = ClientName.of(s);
      assertTrue(name.chars().allMatch(ch -> ch > ' ' && ch <= '~'), name);
      assertEquals(s, java.net.URLDecoder.decode(name.substring("popoto-sql:".length())
          .replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  @Test
  void networkTimeoutIsTheSocketTimeoutInForce(PrivateRedis redis) throws SQLException {
    try (Connection c = connect(redis, "&socketTimeout=7")) {
      assertEquals(7000, c.getNetworkTimeout());
      PopotoConnection popoto = c.unwrap(PopotoConnection.class);
      try (Jedis held = popoto.redisSource().borrow()) {
        assertEquals(7000, held.getConnection().getSoTimeout());
        c.setNetworkTimeout(DIRECT, 1234);
        assertEquals(1234, c.getNetworkTimeout());
        // The socket borrowed before the change takes it on its next borrow.
      }
      try (Jedis a = popoto.redisSource().borrow(); Jedis b = popoto.redisSource().borrow()) {
        assertEquals(1234, a.getConnection().getSoTimeout());
        assertEquals(1234, b.getConnection().getSoTimeout());
      }
      assertEquals(5, count(c, "SELECT COUNT(*) FROM Restaurant"));
      c.setNetworkTimeout(DIRECT, 0);
      assertEquals(0, c.getNetworkTimeout());
      assertEquals("22023", assertThrows(SQLException.class,
          () -> c.setNetworkTimeout(DIRECT, -1)).getSQLState());
      assertEquals("22023", assertThrows(SQLException.class,
          () -> c.setNetworkTimeout(null, 10)).getSQLState());
    }
  }

  @Test
  void abortClosesAtOnceAndReleasesTheRedisPoolOnTheExecutor(PrivateRedis redis)
      throws SQLException {
    Connection c = connect(redis, "");
    PopotoConnection popoto = c.unwrap(PopotoConnection.class);
    List<Runnable> queued = new ArrayList<>();
    assertThrows(SQLException.class, () -> c.abort(null));
    c.abort(queued::add);
    assertTrue(c.isClosed());
    assertEquals(1, queued.size());
    c.abort(queued::add); // a second abort does nothing
    assertEquals(1, queued.size());
    assertEquals("08003", assertThrows(SQLException.class, c::commit).getSQLState());
    queued.get(0).run();
    assertThrows(RuntimeException.class, () -> popoto.redisSource().borrow().close());
  }

  @Test
  void setSchemaAcceptsOurSchemasAndRefusesOthersWith3F000(PrivateRedis redis)
      throws SQLException {
    try (Connection c = connect(redis, "")) {
      SQLException e = assertThrows(SQLException.class, () -> c.setSchema("nosuch"));
      assertEquals("3F000", e.getSQLState());
      assertTrue(e.getMessage().contains("nosuch") && e.getMessage().contains("popoto"),
          e.getMessage());
      assertEquals("popoto", c.getSchema());
      c.setSchema("POPOTO_CATALOG");
      assertEquals("popoto_catalog", c.getSchema());
      assertEquals(6, count(c, "SELECT COUNT(*) FROM primary_keys"));
      c.setSchema("popoto");
      assertEquals(5, count(c, "SELECT COUNT(*) FROM Restaurant"));
    }
    assertEquals("22023", assertThrows(SQLException.class,
        () -> connect(redis, "&schema=Popoto_Catalog")).getSQLState());
  }

  static void assert0A000(SqlAction action) {
    SQLFeatureNotSupportedException e = assertThrows(SQLFeatureNotSupportedException.class,
        action::run);
    assertEquals("0A000", e.getSQLState());
    assertNotNull(e.getMessage());
  }

  @Test
  void generatedKeysSavepointsAndUpdatableResultsAre0A000(PrivateRedis redis)
      throws SQLException {
    try (Connection c = connect(redis, "")) {
      String sql = "SELECT name FROM Restaurant";
      assert0A000(c::setSavepoint);
      assert0A000(() -> c.setSavepoint("s"));
      assert0A000(() -> c.rollback(null));
      assert0A000(() -> c.releaseSavepoint(null));
      assert0A000(() -> c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS));
      assert0A000(() -> c.prepareStatement(sql, new int[] {1}));
      assert0A000(() -> c.prepareStatement(sql, new String[] {"name"}));
      assert0A000(() -> c.createStatement(ResultSet.TYPE_FORWARD_ONLY,
          ResultSet.CONCUR_UPDATABLE));
      assertFalse(c.getMetaData().supportsSavepoints());
      assertFalse(c.getMetaData().supportsGetGeneratedKeys());
      assertFalse(c.getMetaData().supportsResultSetConcurrency(ResultSet.TYPE_FORWARD_ONLY,
          ResultSet.CONCUR_UPDATABLE));
      try (PreparedStatement p = c.prepareStatement(sql, Statement.NO_GENERATED_KEYS);
           Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
        assert0A000(p::getGeneratedKeys);
        assert0A000(s::getGeneratedKeys);
        assertTrue(rs.next());
        assertSame(s, rs.getStatement());
        assert0A000(() -> rs.updateString(1, "x"));
        assert0A000(rs::updateRow);
        assert0A000(rs::moveToInsertRow);
        assertEquals(ResultSet.CONCUR_READ_ONLY, rs.getConcurrency());
        assertInstanceOf(String.class, rs.getObject(1));
      }
    }
  }

  interface SqlAction {
    void run() throws SQLException;
  }
}
