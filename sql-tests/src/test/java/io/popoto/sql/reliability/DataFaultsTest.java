package io.popoto.sql.reliability;

import static io.popoto.sql.reliability.Reliability.assertWorks;
import static io.popoto.sql.reliability.Reliability.count;
import static io.popoto.sql.reliability.Reliability.drain;
import static io.popoto.sql.reliability.Reliability.expectFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.popoto.sql.e2e.datasets.SocialGenerator;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Data Popoto would not write: keys of other types among a model's $Class members (not rows:
 * skipped with a warning naming them, in strict mode too), undecodable values (NULL and a
 * warning, or 22000 naming key and field in strict mode), a class set that is not a set.
 */
class DataFaultsTest {
  private static final List<String> NOT_HASHES =
      List.of("User:a string", "User:a list", "User:a zset", "User:a set");
  /** Not a timing test: only that nothing hangs (planning included, on a loaded machine). */
  private static final Duration BOUND = Duration.ofSeconds(30);
  private static ControlledRedis redis;
  private static String corruptKey;
  private static String wrongTypeKey;

  @BeforeAll
  static void start() throws Exception {
    redis = ControlledRedis.start();
    SocialGenerator.Data data = Reliability.load(redis);
    corruptKey = data.tweetKeys().get(1);
    wrongTypeKey = data.tweetKeys().get(2);
    try (Jedis jedis = redis.admin()) {
      jedis.set(NOT_HASHES.get(0), "x");
      jedis.rpush(NOT_HASHES.get(1), "x");
      jedis.zadd(NOT_HASHES.get(2), 1, "x");
      jedis.sadd(NOT_HASHES.get(3), "x");
      for (String k : NOT_HASHES) {
        jedis.sadd("$Class:User", k);
      }
      // 0xc1 is never used in msgpack; a msgpack int where a str is declared
      jedis.hset(corruptKey.getBytes(StandardCharsets.UTF_8), utf8("message"),
          new byte[] {(byte) 0xc1});
      jedis.hset(wrongTypeKey.getBytes(StandardCharsets.UTF_8), utf8("message"),
          new byte[] {0x2a});
      jedis.set("$Class:Favorite", "not a set");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    redis.close();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void keysOfOtherTypesAreNotRows() throws Exception {
    for (String strict : List.of("false", "true")) {
      try (Connection c = DriverManager.getConnection(
          Reliability.url(redis, "&strict=" + strict))) {
        for (String sql : List.of("SELECT COUNT(*) FROM \"User\"",
            "SELECT COUNT(join_date) + COUNT(*) - COUNT(join_date) FROM \"User\"")) {
          try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            assertEquals(Reliability.USER_ROWS, rs.getLong(1), sql);
            assertWarned(s.getWarnings(), NOT_HASHES);
          }
        }
        try (PreparedStatement p = c.prepareStatement(
            "SELECT username FROM \"User\" WHERE _key = ?")) {
          p.setString(1, NOT_HASHES.get(0));
          try (ResultSet rs = p.executeQuery()) {
            assertEquals(0, drain(rs));
          }
          assertWarned(p.getWarnings(), List.of(NOT_HASHES.get(0)));
        }
      }
    }
  }

  private static void assertWarned(SQLWarning w, List<String> keys) {
    StringBuilder all = new StringBuilder();
    for (SQLWarning x = w; x != null; x = x.getNextWarning()) {
      all.append(x.getMessage()).append('\n');
    }
    for (String k : keys) {
      assertTrue(all.indexOf("'" + k + "'") >= 0 && all.indexOf("not a hash") >= 0,
          "a warning naming " + k + " in: " + all);
    }
  }

  @Test
  void lenientReadsUndecodableValuesAsNull() throws Exception {
    try (Connection c = DriverManager.getConnection(Reliability.url(redis, ""));
         PreparedStatement p = c.prepareStatement(
             "SELECT message FROM Tweet WHERE _key = ?")) {
      for (String key : List.of(corruptKey, wrongTypeKey)) {
        p.setString(1, key);
        try (ResultSet rs = p.executeQuery()) {
          assertTrue(rs.next());
          assertNull(rs.getString(1));
        }
        SQLWarning w = p.getWarnings();
        assertTrue(w != null && w.getMessage().contains(key)
            && w.getMessage().contains("message"),
            String.valueOf(w));
        p.clearWarnings();
      }
    }
  }

  @Test
  void strictFailsWith22000NamingKeyAndField() throws Exception {
    try (Connection c = DriverManager.getConnection(Reliability.url(redis, "&strict=true"))) {
      for (String key : List.of(corruptKey, wrongTypeKey)) {
        try (Statement s = c.createStatement()) {
          SQLException e = expectFailure("22000", BOUND, () -> drain(s.executeQuery(
              "SELECT tweet_id, message FROM Tweet WHERE _key = '" + key + "'")));
          assertTrue(e.getMessage().contains(key) && e.getMessage().contains("message"),
              e.getMessage());
        }
        assertWorks(c);
      }
      try (Statement s = c.createStatement()) {
        expectFailure("22000", BOUND, () -> drain(s.executeQuery("SELECT message FROM Tweet")));
      }
      assertWorks(c);
    }
  }

  @Test
  void aClassSetOfTheWrongTypeIsADataError() throws Exception {
    try (Connection c = DriverManager.getConnection(Reliability.url(redis, ""))) {
      SQLException e = expectFailure("22000", BOUND,
          () -> count(c, "SELECT COUNT(*) FROM Favorite"));
      assertTrue(e.getMessage().contains("$Class:Favorite")
          && e.getMessage().contains("WRONGTYPE"), e.getMessage());
      assertWorks(c);
    }
  }
}
