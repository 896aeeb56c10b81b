package io.popoto.sql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.popoto.sql.redis.PrivateRedis;
import io.popoto.sql.testkit.RedisExtension;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;

/** A value of the wrong type: NULL plus a warning when lenient, an error when strict. */
@ExtendWith(RedisExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DecodeWarningsTest {
  private static final String KEY = "Restaurant:New York:Sushi Zen";
  private static final String SQL =
      "select rating from restaurant where _key = '" + KEY + "'";
  private String url;

  @BeforeAll
  void setUp(PrivateRedis redis) {
    RedisExtension.loadFixture(redis);
    try (Jedis jedis = new Jedis(redis.host(), redis.port())) {
      // a msgpack str where the catalog declares a float: schema drift
      jedis.hset(KEY.getBytes(StandardCharsets.UTF_8), "rating".getBytes(StandardCharsets.UTF_8),
          new byte[] {(byte) 0xa3, 'b', 'a', 'd'});
    }
    url = "jdbc:popoto:redis://" + redis.host() + ":" + redis.port()
        + "?catalog=classpath:popoto-sql/samples/food-delivery/catalog.json";
  }

  @Test
  void lenientReadsNullAndWarnsOnTheStatement() throws Exception {
    try (Connection c = DriverManager.getConnection(url);
         Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery(SQL)) {
        assertTrue(rs.next());
        assertNull(rs.getObject(1));
      }
      SQLWarning w = s.getWarnings();
      assertNotNull(w, "a decode warning on the statement");
      assertTrue(w.getMessage().contains(KEY) && w.getMessage().contains("rating"),
          w.getMessage());
      assertEquals(chainLength(w), chainLength(s.getWarnings()), "asking twice adds nothing");
      s.clearWarnings();
      assertNull(s.getWarnings());
    }
  }

  private static int chainLength(SQLWarning w) {
    int n = 0;
    for (SQLWarning x = w; x != null && n < 1000; x = x.getNextWarning()) {
      n++;
    }
    return n;
  }

  @Test
  void strictFailsNamingKeyAndField() throws Exception {
    try (Connection c = DriverManager.getConnection(url + "&strict=true");
         Statement s = c.createStatement()) {
      SQLException e = assertThrows(SQLException.class, () -> {
        try (ResultSet rs = s.executeQuery(SQL)) {
          rs.next();
        }
      });
      String all = e.getMessage() + (e.getCause() == null ? "" : e.getCause().getMessage());
      assertTrue(all.contains(KEY) && all.contains("rating"), all);
    }
  }
}
