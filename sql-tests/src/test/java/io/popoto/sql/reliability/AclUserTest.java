package io.popoto.sql.reliability;

import static io.popoto.sql.reliability.Reliability.assertWorks;
import static io.popoto.sql.reliability.Reliability.count;
import static io.popoto.sql.reliability.Reliability.drain;
import static io.popoto.sql.reliability.Reliability.expectFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
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
 * Least-privilege Redis ACL users: exactly {@code +@read +info +client} connect and query (no
 * PING or other command outside that set is sent: Redis's ACL LOG stays empty), with or
 * without a catalog; a user limited to some key patterns gets 42501 naming the command and the
 * refused key, and its connection keeps working; a user without INFO is told at connect.
 */
class AclUserTest {
  /** Not a timing test: only that nothing hangs (planning included, on a loaded machine). */
  private static final Duration BOUND = Duration.ofSeconds(30);
  private static ControlledRedis redis;

  @BeforeAll
  static void start() throws Exception {
    redis = ControlledRedis.start();
    Reliability.load(redis);
    try (Jedis admin = redis.admin()) {
      admin.aclSetUser("reader", "reset", "on", ">pw", "+@read", "+info", "+client", "~*");
      admin.aclSetUser("orders", "reset", "on", ">pw", "+@read", "+info", "+client",
          "~User:*", "~$Class:*");
      admin.aclSetUser("noinfo", "reset", "on", ">pw", "+@read", "+client", "~*");
      admin.aclSetUser("noscan", "reset", "on", ">pw", "+@read", "-sscan", "+info", "+client",
          "~*");
      admin.aclLogReset();
    }
  }

  @AfterAll
  static void stop() throws Exception {
    redis.close();
  }

  private static String url(String user, String extra) {
    return Reliability.url(redis, extra).replace("redis://", "redis://" + user + ":pw@");
  }

  /** Denied commands and keys the server logged for a user (ACL LOG). */
  private static List<String> deniedFor(String user) {
    try (Jedis admin = redis.admin()) {
      return admin.aclLog().stream().filter(e -> user.equals(e.getUsername()))
          .map(e -> e.getReason() + " " + e.getObject()).toList();
    }
  }

  @Test
  void readOnlyUserQueriesEverythingAndIsRefusedNothing() throws Exception {
    try (Connection c = DriverManager.getConnection(url("reader", ""))) {
      assertWorks(c);
      assertTrue(count(c, "SELECT COUNT(*) FROM Tweet t JOIN \"User\" u"
          + " ON t.\"user\" = u._key WHERE u.username = 'user1'") >= 0);
      assertTrue(count(c, "SELECT COUNT(*) FROM Tweet WHERE created_date > TIMESTAMP"
          + " '2024-01-01 00:00:00'") > 0);
      assertTrue(c.getMetaData().getDatabaseProductVersion().startsWith("7"));
      assertTrue(c.isValid(2)); // INFO, not PING, which this user may not send
    }
    try (Connection c = DriverManager.getConnection(
        url("reader", "").replaceFirst("catalog=[^&]*&", ""))) {
      SQLWarning w = c.getWarnings();
      assertTrue(w != null && w.getMessage().contains("discovered"), String.valueOf(w));
      assertEquals(Reliability.USER_ROWS, count(c, "SELECT COUNT(*) FROM \"User\""));
    }
    assertEquals(List.of(), deniedFor("reader"), "commands outside +@read +info +client");
  }

  @Test
  void keyPatternsRefusedAre42501NamingCommandAndKey() throws Exception {
    try (Connection c = DriverManager.getConnection(url("orders", ""))) {
      assertWorks(c);
      try (Statement s = c.createStatement()) {
        SQLException e = expectFailure("42501", BOUND,
            () -> drain(s.executeQuery("SELECT message FROM Tweet")));
        assertTrue(e.getMessage().contains("HMGET") && e.getMessage().contains("'Tweet:")
            && e.getMessage().contains("~Tweet:*") && e.getMessage().contains("orders"),
            e.getMessage());
        e = expectFailure("42501", BOUND, () -> drain(s.executeQuery(
            "SELECT message FROM Tweet WHERE \"user\" = 'User:user1'")));
        assertTrue(e.getMessage().contains("SMEMBERS")
            && e.getMessage().contains("$RelationshipF:Tweet:user:User:user1"), e.getMessage());
      }
      assertWorks(c);
    }
  }

  @Test
  void aRefusedCommandIs42501NamingIt() throws Exception {
    try (Connection c = DriverManager.getConnection(url("noscan", ""))) {
      SQLException e = expectFailure("42501", BOUND,
          () -> count(c, "SELECT COUNT(*) FROM \"User\""));
      assertTrue(e.getMessage().contains("SSCAN") && e.getMessage().contains("+sscan"),
          e.getMessage());
      // a point lookup needs no SSCAN: the connection still serves what the user may run
      assertEquals(1, count(c, "SELECT COUNT(*) FROM \"User\" WHERE _key = 'User:user1'"));
    }
  }

  @Test
  void aUserWithoutInfoIsToldAtConnect() {
    SQLException e = expectFailure("42501", BOUND,
        () -> DriverManager.getConnection(url("noinfo", "")));
    assertTrue(e.getMessage().contains("INFO") && e.getMessage().contains("noinfo")
        && e.getMessage().contains(redis.address()), e.getMessage());
  }

  @Test
  void wrongPasswordIsStill28000() {
    expectFailure("28000", BOUND, () -> DriverManager.getConnection(
        url("reader", "").replace("reader:pw@", "reader:nope@")));
  }
}
