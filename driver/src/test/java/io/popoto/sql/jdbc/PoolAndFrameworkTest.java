package io.popoto.sql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.popoto.sql.redis.PrivateRedis;
import io.popoto.sql.testkit.RedisExtension;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The driver as applications use it: a HikariCP pool with default settings (it calls
 * setReadOnly(false), setAutoCommit, getTransactionIsolation and setNetworkTimeout on every
 * connection), and Spring's TransactionTemplate, read-only or not, with JdbcTemplate inside.
 */
@ExtendWith(RedisExtension.class)
class PoolAndFrameworkTest {
  static final String JOIN = "SELECT o._key, c.name, r.name FROM \"Order\" o"
      + " JOIN Customer c ON o.customer = c._key JOIN Restaurant r ON o.restaurant = r._key"
      + " WHERE r.name = ? ORDER BY o._key";

  static HikariDataSource pool;

  @BeforeAll
  static void startPool(PrivateRedis redis) {
    RedisExtension.loadFixture(redis);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(PopotoDatabaseMetaDataTest.url(redis));
    pool = new HikariDataSource(config); // default settings: fails fast if a connection fails
  }

  @AfterAll
  static void closePool() {
    pool.close();
  }

  @Test
  void hikariWithDefaultSettingsStartsAndRunsQueriesOnEveryConnection() throws SQLException {
    assertFalse(pool.isReadOnly());
    assertTrue(pool.isAutoCommit());
    // More connections than the pool starts with: each borrowed, used, returned and reused.
    for (int i = 0; i < 12; i++) {
      try (Connection c = pool.getConnection()) {
        assertTrue(c.isValid(5));
        assertTrue(c.isReadOnly()); // Hikari asked for read-write; the driver stays read-only
        assertTrue(c.getAutoCommit());
        JdbcTemplate jdbc = new JdbcTemplate(new org.springframework.jdbc.datasource
            .SingleConnectionDataSource(c, true));
        assertEquals(Long.valueOf(5), jdbc.queryForObject("SELECT COUNT(*) FROM Restaurant", Long.class));
        assertInstanceOf(PopotoConnection.class, c.unwrap(PopotoConnection.class));
      }
    }
    assertEquals(0, pool.getHikariPoolMXBean().getActiveConnections());
  }

  @Test
  void writesThroughThePoolAre25006AndThePoolStaysUsable() throws SQLException {
    JdbcTemplate jdbc = new JdbcTemplate(pool);
    DataAccessException e = assertThrows(DataAccessException.class,
        () -> jdbc.update("DELETE FROM Restaurant"));
    assertEquals("25006", ((SQLException) e.getMostSpecificCause()).getSQLState());
    assertEquals(Long.valueOf(5), jdbc.queryForObject("SELECT COUNT(*) FROM Restaurant", Long.class));
  }

  @Test
  void transactionTemplateRunsAThreeTableJoin() {
    JdbcTemplate jdbc = new JdbcTemplate(pool);
    TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(pool));
    List<String> rows = tx.execute(status -> jdbc.query(JOIN,
        (rs, n) -> rs.getString(2) + "@" + rs.getString(3), "Sushi Zen"));
    assertFalse(rows.isEmpty());
    assertTrue(rows.stream().allMatch(r -> r.endsWith("@Sushi Zen")), rows.toString());
    // The same rows outside any transaction.
    assertEquals(rows, jdbc.query(JOIN, (rs, n) -> rs.getString(2) + "@" + rs.getString(3),
        "Sushi Zen"));
  }

  @Test
  void readOnlySerializableTransactionCommitsAndRollsBack() {
    JdbcTemplate jdbc = new JdbcTemplate(pool);
    TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(pool));
    tx.setReadOnly(true);
    tx.setIsolationLevel(TransactionDefinition.ISOLATION_SERIALIZABLE);
    assertEquals(Long.valueOf(5), tx.execute(status -> jdbc.queryForObject(
        "SELECT COUNT(*) FROM Restaurant", Long.class)));
    // A rollback-only transaction ends with rollback(), a no-op.
    assertEquals(Long.valueOf(5), tx.execute(status -> {
      status.setRollbackOnly();
      return jdbc.queryForObject("SELECT COUNT(*) FROM Restaurant", Long.class);
    }));
    // An exception inside rolls back and leaves the connection usable for the next one.
    assertThrows(IllegalStateException.class, () -> tx.executeWithoutResult(status -> {
      jdbc.queryForObject("SELECT COUNT(*) FROM Restaurant", Long.class);
      throw new IllegalStateException("application failure");
    }));
    assertEquals(Long.valueOf(5), tx.execute(status -> jdbc.queryForObject(
        "SELECT COUNT(*) FROM Restaurant", Long.class)));
    assertEquals(0, pool.getHikariPoolMXBean().getActiveConnections());
  }
}
