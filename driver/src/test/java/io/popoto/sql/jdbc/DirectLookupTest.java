package io.popoto.sql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.popoto.sql.calcite.RedisSource;
import io.popoto.sql.redis.PrivateRedis;
import io.popoto.sql.testkit.RedisExtension;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.calcite.avatica.AvaticaResultSet;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.util.Holder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;

/**
 * Prepared key lookups run directly (directLookups=true, the default) give what Calcite's
 * executor gives (directLookups=false): the same rows, getters, metadata and warnings, over
 * every table and column type of the sample, with missing, stale, Unicode and wrong-type keys;
 * and one execution is one round trip of one HMGET per key, nothing else.
 */
@ExtendWith(RedisExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectLookupTest {
  private static final String[] TABLES = {"Restaurant", "MenuItem", "Customer", "Driver",
      "Order"};
  /** A Restaurant copied under a key of CJK, accented and supplementary-plane characters. */
  private static final String UNICODE_KEY = "Restaurant:東京:Café 🍣 𝄞";
  private String url;
  private Connection direct;
  private Connection calcite;
  private final List<String> missing = new ArrayList<>();

  @BeforeAll
  void setUp(PrivateRedis redis) throws SQLException {
    RedisExtension.loadFixture(redis);
    try (Jedis jedis = new Jedis(redis.host(), redis.port())) {
      String some = new TreeSet<>(jedis.smembers("$Class:Restaurant")).first();
      Map<byte[], byte[]> hash = jedis.hgetAll(some.getBytes(StandardCharsets.UTF_8));
      jedis.hset(UNICODE_KEY.getBytes(StandardCharsets.UTF_8), hash);
      jedis.sadd("$Class:Restaurant", UNICODE_KEY);
      // schema drift: a msgpack str where the catalog declares a float
      byte[] bad = "Order:bad-total".getBytes(StandardCharsets.UTF_8);
      jedis.hset(bad, "total".getBytes(StandardCharsets.UTF_8),
          new byte[] {(byte) 0xa3, 'b', 'a', 'd'});
      jedis.hset(bad, "status".getBytes(StandardCharsets.UTF_8),
          new byte[] {(byte) 0xa2, 'o', 'k'});
      for (String table : TABLES) {
        // a stale class-set member (its hash is gone) and a key holding a string
        jedis.sadd("$Class:" + table, table + ":gone");
        jedis.set(table + ":not-a-hash", "x");
        missing.add(table + ":gone");
        missing.add(table + ":not-a-hash");
        missing.add(table + ":never-existed");
      }
    }
    url = "jdbc:popoto:redis://" + redis.host() + ":" + redis.port()
        + "?catalog=classpath:popoto-sql/samples/food-delivery/catalog.json";
    direct = DriverManager.getConnection(url);
    calcite = DriverManager.getConnection(url + "&directLookups=false");
  }

  @AfterAll
  void tearDown() throws SQLException {
    direct.close();
    calcite.close();
  }

  private List<String> keys(String table) throws SQLException {
    List<String> keys = new ArrayList<>();
    try (ResultSet rs = calcite.createStatement().executeQuery(
        "SELECT _key FROM \"" + table + "\" ORDER BY _key")) {
      while (rs.next()) {
        keys.add(rs.getString(1));
      }
    }
    keys.addAll(missing);
    return keys;
  }

  @Test
  void keyEqualityGivesWhatCalciteGives() throws SQLException {
    for (String table : TABLES) {
      String sql = "SELECT * FROM \"" + table + "\" WHERE _key = ?";
      for (String key : keys(table)) {
        compare(sql, List.of(key), true);
      }
      compare(sql, java.util.Collections.singletonList(null), true);
    }
  }

  @Test
  void oneColumnAndNarrowedLookupsGiveWhatCalciteGives() throws SQLException {
    for (String table : TABLES) {
      List<String> columns = columns(table);
      for (String column : columns) {
        String sql = "SELECT \"" + column + "\" FROM \"" + table + "\" WHERE _key = ?";
        for (String key : keys(table)) {
          compare(sql, List.of(key), true);
        }
      }
      String two = "SELECT \"" + columns.get(columns.size() - 1) + "\", _key FROM \"" + table
          + "\" WHERE _key = ?";
      for (String key : keys(table)) {
        compare(two, List.of(key), true);
      }
    }
  }

  @Test
  void keyInListsGiveWhatCalciteGives() throws SQLException {
    for (String table : TABLES) {
      String sql = "SELECT * FROM \"" + table + "\" WHERE _key IN (?, ?, ?)";
      List<String> keys = keys(table);
      for (int i = 0; i < keys.size(); i++) {
        List<String> params = new ArrayList<>();
        params.add(keys.get(i));
        params.add(keys.get((i + 1) % keys.size()));
        params.add(keys.get(i)); // a key twice is one row
        compare(sql, params, true);
      }
    }
  }

  @Test
  void everyKeyFieldEqualGivesWhatCalciteGives() throws SQLException {
    String sql = "SELECT * FROM restaurant WHERE name = ? AND city = ?";
    List<List<String>> pairs = new ArrayList<>();
    try (ResultSet rs = calcite.createStatement().executeQuery(
        "SELECT name, city FROM restaurant")) {
      while (rs.next()) {
        pairs.add(List.of(rs.getString(1), rs.getString(2)));
      }
    }
    pairs.add(List.of("東京", "Café 🍣 𝄞"));
    pairs.add(List.of("Café 🍣 𝄞", "東京"));
    pairs.add(List.of("nobody", "nowhere"));
    for (List<String> p : pairs) {
      compare(sql, p, true);
    }
  }

  @Test
  void anExecutionIsOneRoundTripOfOneHmgetPerKey() throws SQLException {
    RedisSource source = direct.unwrap(PopotoConnection.class).redisSource();
    List<String> keys = keys("Order").subList(0, 4);
    try (PreparedStatement one = direct.prepareStatement(
             "SELECT * FROM \"Order\" WHERE _key = ?");
         PreparedStatement in = direct.prepareStatement(
             "SELECT * FROM \"Order\" WHERE _key IN (?, ?, ?)")) {
      read(one, List.of(keys.get(0))); // anything done once per statement is done now
      source.resetCounters();
      long borrows = source.borrows();
      for (int i = 0; i < 100; i++) {
        assertEquals(1, read(one, List.of(keys.get(i % keys.size()))).size());
      }
      // one connection per execution: the end of the keys is known without borrowing another
      assertEquals(100, source.borrows() - borrows);
      assertEquals(100, source.roundTrips());
      assertEquals(Map.of("HMGET", 100L), source.commandCounts());
      read(in, keys.subList(0, 3));
      source.resetCounters();
      assertEquals(3, read(in, keys.subList(1, 4)).size());
      assertEquals(1, source.roundTrips());
      assertEquals(Map.of("HMGET", 3L), source.commandCounts());
      assertEquals(0, source.borrowed());
    }
  }

  @Test
  void directLookupsSkipCalcitesExecutorAndTheSwitchRestoresIt() throws SQLException {
    String sql = "SELECT * FROM \"Order\" WHERE _key = ?";
    String key = keys("Order").get(0);
    assertEquals(0, dataContexts(direct, sql, key), "direct: no DataContext per execution");
    assertEquals(1, dataContexts(calcite, sql, key), "directLookups=false: Calcite's way");
    assertEquals(1, dataContexts(direct, "SELECT * FROM \"Order\" WHERE status = ?", "x"),
        "not a key lookup: Calcite's way");
  }

  @Test
  void reExecutingClosesThePreviousResultSetAndGetResultSetAnswersTheNewOne()
      throws SQLException {
    String key = keys("Order").get(0);
    try (PreparedStatement ps = direct.prepareStatement(
        "SELECT * FROM \"Order\" WHERE _key = ?")) {
      ps.setString(1, key);
      ResultSet first = ps.executeQuery();
      ResultSet second = ps.executeQuery();
      assertTrue(first.isClosed());
      assertFalse(second.isClosed());
      assertTrue(ps.getResultSet().unwrap(AvaticaResultSet.class)
          == second.unwrap(AvaticaResultSet.class), "getResultSet is the open result set");
      assertTrue(second.getStatement() == ps);
      assertTrue(second.next());
      assertEquals(key, second.getString("_key"));
      assertFalse(second.next());
      ps.close();
      assertTrue(second.isClosed());
    }
  }

  @Test
  void failuresAreTheSameSqlExceptionBothWays() throws SQLException {
    String sql = "SELECT * FROM \"Order\" WHERE _key = ?";
    try (Connection strictDirect = DriverManager.getConnection(url + "&strict=true");
         Connection strictCalcite = DriverManager.getConnection(
             url + "&strict=true&directLookups=false");
         PreparedStatement d = strictDirect.prepareStatement(sql);
         PreparedStatement c = strictCalcite.prepareStatement(sql)) {
      SQLException viaCalcite = assertThrows(SQLException.class,
          () -> read(c, List.of("Order:bad-total")));
      SQLException viaDirect = assertThrows(SQLException.class,
          () -> read(d, List.of("Order:bad-total")));
      assertEquals(viaCalcite.getSQLState(), viaDirect.getSQLState());
      assertEquals(viaCalcite.getMessage(), viaDirect.getMessage());
      assertTrue(viaDirect.getMessage().contains("Order:bad-total"), viaDirect.getMessage());
      assertEquals(0, strictDirect.unwrap(PopotoConnection.class).redisSource().borrowed());
      // the statement stays usable
      assertEquals(read(c, List.of(keys("Order").get(0))), read(d, List.of(keys("Order").get(0))));
    }
  }

  @Test
  void aNonTextKeyFieldParameterRunsTheUsualWay() throws SQLException {
    String sql = "SELECT * FROM restaurant WHERE name = ? AND city = ?";
    for (Connection c : List.of(direct, calcite)) {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setInt(1, 7);
        ps.setString(2, "New York");
        try (ResultSet rs = ps.executeQuery()) {
          assertFalse(rs.next());
        }
      }
    }
  }

  @Test
  void aCanceledStatementFailsWith57014AndRunsAgain() throws SQLException {
    String key = keys("Order").get(0);
    try (PreparedStatement ps = direct.prepareStatement(
        "SELECT * FROM \"Order\" WHERE _key IN (?, ?)")) {
      ps.setString(1, key);
      ps.setString(2, "Order:gone");
      try (ResultSet rs = ps.executeQuery()) {
        ps.cancel();
        SQLException e = assertThrows(SQLException.class, () -> {
          while (rs.next()) {
            rs.getObject(1);
          }
        });
        assertEquals("57014", e.getSQLState(), e.getMessage());
      } catch (SQLException e) {
        assertEquals("57014", e.getSQLState(), e.getMessage());
      }
      assertEquals(1, read(ps, List.of(key, "Order:gone")).size());
    }
  }

  /** DataContexts Calcite makes for one execution (each runs the CURRENT_TIME hook once). */
  private static int dataContexts(Connection c, String sql, String param) throws SQLException {
    AtomicInteger made = new AtomicInteger();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      Consumer<Holder<Long>> count = h -> made.incrementAndGet();
      try (Hook.Closeable hook = Hook.CURRENT_TIME.addThread(count)) {
        read(ps, List.of(param));
      }
    }
    return made.get();
  }

  private List<String> columns(String table) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rs = direct.getMetaData().getColumns(null, "popoto", table, "%")) {
      while (rs.next()) {
        names.add(rs.getString("COLUMN_NAME"));
      }
    }
    assertFalse(names.isEmpty(), table);
    return names;
  }

  /** Runs {@code sql} both ways and asserts the same metadata, rows, getters and warnings. */
  private void compare(String sql, List<String> params, boolean mustRunDirect)
      throws SQLException {
    try (PreparedStatement d = direct.prepareStatement(sql);
         PreparedStatement c = calcite.prepareStatement(sql)) {
      String what = sql + " " + params;
      AtomicInteger made = new AtomicInteger();
      List<List<Object>> directRows;
      Consumer<Holder<Long>> count = h -> made.incrementAndGet();
      try (Hook.Closeable hook = Hook.CURRENT_TIME.addThread(count)) {
        directRows = read(d, params);
      }
      if (mustRunDirect) {
        assertEquals(0, made.get(), "ran directly: " + what);
      }
      assertEquals(read(c, params), directRows, what);
      assertEquals(metadata(c.getMetaData()), metadata(d.getMetaData()), what);
      assertEquals(warnings(c.getWarnings()), warnings(d.getWarnings()), what);
      assertEquals(0, direct.unwrap(PopotoConnection.class).redisSource().borrowed());
    }
  }

  /** Every column of every row through getObject, getString and the typed getter. */
  private static List<List<Object>> read(PreparedStatement ps, List<String> params)
      throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i) == null) {
        ps.setNull(i + 1, Types.VARCHAR);
      } else {
        ps.setString(i + 1, params.get(i));
      }
    }
    List<List<Object>> rows = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      ResultSetMetaData md = rs.getMetaData();
      assertEquals(metadata(ps.getMetaData()), metadata(md));
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int col = 1; col <= md.getColumnCount(); col++) {
          Object o = rs.getObject(col);
          row.add(o instanceof byte[] b ? java.util.Arrays.toString(b) : o);
          row.add(rs.getString(col));
          row.add(rs.wasNull());
          row.add(typed(rs, col, md.getColumnType(col)));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static Object typed(ResultSet rs, int col, int type) throws SQLException {
    return switch (type) {
      case Types.BIGINT -> rs.getLong(col);
      case Types.DOUBLE -> rs.getDouble(col);
      case Types.BOOLEAN -> rs.getBoolean(col);
      case Types.DECIMAL -> rs.getBigDecimal(col);
      case Types.DATE -> rs.getDate(col);
      case Types.TIME -> rs.getTime(col);
      case Types.TIMESTAMP -> rs.getTimestamp(col);
      case Types.VARBINARY -> java.util.Arrays.toString(rs.getBytes(col));
      default -> rs.getString(col);
    };
  }

  private static List<String> metadata(ResultSetMetaData md) throws SQLException {
    List<String> cols = new ArrayList<>();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      cols.add(md.getColumnName(i) + "|" + md.getColumnLabel(i) + "|" + md.getColumnType(i)
          + "|" + md.getColumnTypeName(i) + "|" + md.getPrecision(i) + "|" + md.getScale(i)
          + "|" + md.isNullable(i) + "|" + md.getColumnClassName(i) + "|"
          + md.getColumnDisplaySize(i) + "|" + md.getTableName(i) + "|" + md.getSchemaName(i)
          + "|" + md.isReadOnly(i) + "|" + md.isSigned(i));
    }
    return cols;
  }

  private static List<String> warnings(SQLWarning w) {
    List<String> messages = new ArrayList<>();
    for (; w != null; w = w.getNextWarning()) {
      messages.add(w.getSQLState() + " " + w.getMessage());
    }
    return messages;
  }
}
