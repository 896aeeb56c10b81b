package io.popoto.sql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.popoto.sql.redis.PrivateRedis;
import io.popoto.sql.testkit.RedisExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The hints in unknown-name and syntax errors, from the catalog: every client (DBeaver, the
 * shell, an application's log) gets them. The statements fail in validation, before Redis.
 */
@ExtendWith(RedisExtension.class)
class NameHintsTest {
  private static String fail(Connection c, String state, String sql) {
    SQLException e = assertThrows(SQLException.class, () -> {
      try (Statement s = c.createStatement()) {
        s.executeQuery(sql);
      }
    });
    assertEquals(state, e.getSQLState(), e.getMessage());
    return e.getMessage();
  }

  @Test
  void unknownNamesGetTheClosestCatalogName(PrivateRedis redis) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:popoto:redis://" + redis.host() + ":"
        + redis.port() + "?catalog=classpath:popoto-sql/samples/food-delivery/catalog.json")) {
      assertTrue(fail(c, "42S02", "select * from restaurnt")
          .endsWith("(line 1, column 15); did you mean 'Restaurant'?"));
      assertTrue(fail(c, "42S02", "select * from Menu_Item")
          .contains("did you mean 'MenuItem'?"));
      assertFalse(fail(c, "42S02", "select * from Quux").contains("did you mean"));
      assertTrue(fail(c, "42S22", "select nme from restaurant")
          .contains("did you mean 'name'?"));
      // With an alias the candidates are every table's columns.
      assertTrue(fail(c, "42S22", "select r.ratng from restaurant r")
          .contains("did you mean 'rating'?"));
      assertTrue(c.prepareStatement("select 1").getMetaData() != null);
      SQLException e = assertThrows(SQLException.class,
          () -> c.prepareStatement("select cuisne from Restaurant"));
      assertTrue(e.getMessage().contains("did you mean 'cuisine'?"), e.getMessage());
    }
  }

  @Test
  void aModelNamedByAReservedWordIsToldToQuote(PrivateRedis redis) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:popoto:redis://" + redis.host() + ":"
        + redis.port() + "?catalog=classpath:popoto-sql/samples/food-delivery/catalog.json")) {
      String m = fail(c, "42000", "select status from Order where status = 'new'");
      assertTrue(m.contains("Encountered \"Order\" at line 1, column 20"), m);
      assertTrue(m.endsWith("; ORDER is a reserved word: write the table name in double quotes, "
          + "\"Order\""), m);
      assertFalse(fail(c, "42000", "select from restaurant").contains("reserved word"));
    }
  }
}
