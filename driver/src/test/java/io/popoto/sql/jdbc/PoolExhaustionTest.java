package io.popoto.sql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.popoto.sql.calcite.RedisSource;
import io.popoto.sql.redis.PrivateRedis;
import io.popoto.sql.testkit.RedisExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;

/**
 * Every pooled Redis connection of a Connection busy for longer than the pool's wait: the
 * statement fails with 53300 naming the server, and runs again once one is returned. No
 * property sizes the pool (a statement holds a connection for one round trip, so the default
 * eight only run out when something holds them), so the test holds them itself.
 */
@ExtendWith(RedisExtension.class)
class PoolExhaustionTest {
  @Test
  void anExhaustedPoolGives53300NamingTheServer(PrivateRedis redis) throws Exception {
    RedisExtension.loadFixture(redis);
    // the pool waits socketTimeout + connectTimeout for a connection: 2 s here
    try (Connection c = DriverManager.getConnection(PopotoDatabaseMetaDataTest.url(redis)
        + "&socketTimeout=1&connectTimeout=1")) {
      RedisSource source = c.unwrap(PopotoConnection.class).redisSource();
      List<Jedis> held = new ArrayList<>();
      try {
        while (held.size() < 8) {
          held.add(source.borrow());
        }
        SQLException e = assertThrows(SQLException.class, () -> {
          try (Statement s = c.createStatement()) {
            s.executeQuery("SELECT COUNT(*) FROM Restaurant").next();
          }
        });
        assertEquals("53300", e.getSQLState(), e.toString());
        assertTrue(e.getMessage().contains(redis.host() + ":" + redis.port())
            && e.getMessage().contains("busy"), e.getMessage());
      } finally {
        held.forEach(Jedis::close);
      }
      assertEquals(0, source.borrowed());
      try (Statement s = c.createStatement()) {
        assertTrue(s.executeQuery("SELECT COUNT(*) FROM Restaurant").next());
      }
    }
  }
}
