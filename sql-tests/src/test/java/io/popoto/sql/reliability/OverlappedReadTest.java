package io.popoto.sql.reliability;

import static io.popoto.sql.reliability.Reliability.drain;
import static io.popoto.sql.reliability.Reliability.expectFailure;
import static io.popoto.sql.reliability.Reliability.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.popoto.sql.calcite.RedisSource;
import io.popoto.sql.e2e.datasets.SocialGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.args.ClientType;
import redis.clients.jedis.params.ClientKillParams;

/**
 * The overlapped reader ({@code overlap=true}, the default) returns exactly the rows of the
 * sequential one ({@code overlap=false}), in the same order, with the same commands and round
 * trips counted, on every read path: key batches, reverse-set members, zset pages (a range, and
 * an ordered read whose top members are stale), SSCAN pages of a class set holding members
 * without a hash and a key of another type, a union, and a batched join's inner reads. Batches
 * of 7 keys make every read many batches long, so most of them are read while the next one is
 * in flight. A Redis error in a batch sent ahead surfaces as an SQLException with its SQLState,
 * no reply is left unread on the pooled connection, and the same Connection answers correctly
 * afterwards; a connection killed between two batches is replaced once and the read goes on
 * without a repeated or missing row.
 */
class OverlappedReadTest {
  private static final Duration BOUND = Duration.ofSeconds(30);
  private static ControlledRedis redis;
  private static SocialGenerator.Data data;

  @BeforeAll
  static void start() throws Exception {
    redis = ControlledRedis.start();
    data = Reliability.load(redis);
    try (Jedis admin = redis.admin()) {
      // stale index entries the reads must skip, wherever they fall in a batch
      for (int i = 0; i < 5; i++) {
        admin.sadd("$Class:Tweet", "Tweet:gone" + i);
      }
      admin.set("Tweet:wrongtype", "a string where a hash should be");
      admin.sadd("$Class:Tweet", "Tweet:wrongtype");
      String someoneElses = data.tweetKeys().get(data.tweetKeys().size() - 1);
      admin.sadd("$RelationshipF:Tweet:user:User:user0", "Tweet:gone1", someoneElses);
      admin.zadd("$SortF:Tweet:likes", 1000, "Tweet:gone2");
      admin.zadd("$SortF:Tweet:likes", 999, data.tweetKeys().get(3)); // its hash says otherwise
      admin.aclSetUser("streamer", "reset", "on", ">pw", "+@read", "+info", "+client", "~*");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    redis.close();
  }

  private static Connection connect(boolean overlap, String user) throws SQLException {
    String url = Reliability.url(redis, "&batchSize=7&overlap=" + overlap);
    return DriverManager.getConnection(user == null ? url
        : url.replace("redis://", "redis://" + user + ":pw@"));
  }

  /** One statement per read path; the parameter, if any, is bound as a string. */
  private static final List<String[]> PATHS = List.of(
      new String[] {"SELECT _key, message, likes FROM Tweet"}, // SSCAN pages
      new String[] {"SELECT _key FROM Tweet"}, // SSCAN pages, HLEN only
      new String[] {"SELECT _key, likes FROM Tweet WHERE \"user\" = ?", "User:user0"},
      new String[] {"SELECT _key, username, karma FROM \"User\" WHERE _key IN ("
          + keys(40) + ", 'User:nobody')"}, // key batches
      new String[] {"SELECT _key, likes FROM Tweet WHERE likes BETWEEN 5 AND 40"},
      new String[] {"SELECT _key, likes FROM Tweet ORDER BY likes DESC LIMIT 60"},
      new String[] {"SELECT _key, likes FROM Tweet ORDER BY likes DESC, _key DESC LIMIT 30"},
      new String[] {"SELECT _key FROM Tweet WHERE \"user\" = 'User:user1' OR likes > 45"},
      new String[] {"SELECT t._key, u.username FROM Tweet t JOIN \"User\" u"
          + " ON t.\"user\" = u._key WHERE t.likes >= 30"}, // inner: keys per outer batch
      new String[] {"SELECT u.username, t._key FROM \"User\" u JOIN Tweet t"
          + " ON t.\"user\" = u._key WHERE u.karma = 3"}, // inner: reverse sets per batch
      // the limit met by the keys read before their re-check drops the stale ones: the task
      // stops at it, and the reader reads on for the rows still missing
      new String[] {"SELECT _key, likes FROM Tweet WHERE \"user\" = ? LIMIT 40", "User:user0"});

  private static String keys(int n) {
    List<String> k = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      k.add("'User:user" + (i * 7) + "'");
    }
    return String.join(", ", k);
  }

  private record Answer(List<List<Object>> rows, Map<String, Long> commands, long roundTrips) {}

  /** Prepared first (planning reads statistics), then counted from the execution alone. */
  private static Answer run(Connection c, String[] path) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(path[0])) {
      if (path.length > 1) {
        ps.setString(1, path[1]);
      }
      RedisSource source = source(c);
      source.resetCounters();
      List<List<Object>> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          Object[] row = new Object[n];
          for (int i = 0; i < n; i++) {
            row[i] = rs.getObject(i + 1);
          }
          rows.add(Arrays.asList(row));
        }
      }
      assertEquals(0, source.borrowed(), "borrowed after " + path[0]);
      return new Answer(rows, source.commandCounts(), source.roundTrips());
    }
  }

  @Test
  void everyReadPathGivesTheSequentialRowsInTheSameOrder() throws Exception {
    try (Connection overlapped = connect(true, null);
        Connection sequential = connect(false, null)) {
      for (String[] path : PATHS) {
        Answer expected = run(sequential, path);
        Answer actual = run(overlapped, path);
        assertTrue(expected.rows().size() > 7 || path[0].contains("gone"),
            "too few rows to span batches: " + path[0]);
        assertEquals(expected.rows(), actual.rows(), path[0]);
        assertEquals(expected.commands(), actual.commands(), "commands of " + path[0]);
        assertEquals(expected.roundTrips(), actual.roundTrips(), "round trips of " + path[0]);
      }
    }
  }

  @Test
  void staleMembersAreSkippedAlike() throws Exception {
    try (Connection c = connect(true, null)) {
      List<Object> scanned = column(run(c, PATHS.get(0)).rows());
      assertEquals(data.tweetKeys().size(), scanned.size(), "rows of the scan");
      assertTrue(scanned.stream().noneMatch(k -> ((String) k).startsWith("Tweet:gone")
          || k.equals("Tweet:wrongtype")), "stale class members are no rows");
      List<Object> top = column(run(c, PATHS.get(5)).rows());
      assertTrue(!top.contains("Tweet:gone2") && !top.contains(data.tweetKeys().get(3)),
          "stale top of the zset skipped");
      assertEquals(60, top.size());
    }
  }

  private static List<Object> column(List<List<Object>> rows) {
    List<Object> first = new ArrayList<>();
    for (List<Object> r : rows) {
      first.add(r.get(0));
    }
    return first;
  }

  /**
   * HMGET is taken from the user while batches are in flight: the batch read ahead before the
   * change still arrives, the next one is refused (42501), its refused replies and whatever was
   * sent after them are read off the connection before it goes back to the pool, and the same
   * Connection answers the whole scan once HMGET is granted again.
   */
  @Test
  void anErrorInABatchInFlightSurfacesAndLeavesTheConnectionClean() throws Exception {
    List<List<Object>> expected;
    try (Connection sequential = connect(false, null)) {
      expected = run(sequential, PATHS.get(0)).rows();
    }
    try (Connection c = connect(true, "streamer")) {
      try (PreparedStatement ps = c.prepareStatement(PATHS.get(0)[0])) {
        ResultSet rs = ps.executeQuery();
        for (int i = 0; i < 30; i++) { // the fifth batch: the sixth is in flight
          assertTrue(rs.next());
        }
        try (Jedis admin = redis.admin()) {
          admin.aclSetUser("streamer", "-hmget");
        }
        try {
          SQLException e = expectFailure("42501", BOUND, () -> drain(rs));
          assertTrue(e.getMessage().contains("HMGET"), e.getMessage());
        } finally {
          try (Jedis admin = redis.admin()) {
            admin.aclSetUser("streamer", "+hmget");
          }
        }
        assertEquals(0, source(c).borrowed(), "borrowed after the refused batch");
      }
      for (int i = 0; i < 3; i++) { // the drained socket serves the next statements
        assertEquals(expected, run(c, PATHS.get(0)).rows());
      }
      assertEquals(Reliability.USER_ROWS, Reliability.count(c, "SELECT COUNT(*) FROM \"User\""));
    }
  }

  /**
   * An application that pauses between rows: the task reading ahead waits a while with the next
   * batch in flight, then stops and gives its connection back (nothing is borrowed during a
   * long pause), and is started again when the application reads on; every row arrives once,
   * in the sequential order, and the commands are the sequential reader's.
   */
  @Test
  void aPausingReaderGetsTheSequentialRowsAndHoldsNothingWhilePaused() throws Exception {
    Answer expected;
    try (Connection sequential = connect(false, null)) {
      expected = run(sequential, PATHS.get(0));
    }
    try (Connection c = connect(true, null);
        PreparedStatement ps = c.prepareStatement(PATHS.get(0)[0])) {
      RedisSource source = source(c);
      source.resetCounters();
      List<List<Object>> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(Arrays.asList(rs.getObject(1), rs.getObject(2), rs.getObject(3)));
          if (rows.size() % 100 == 30) { // pauses in the middle of batches, 14 of them
            long deadline = System.nanoTime() + BOUND.toNanos();
            while (source.borrowed() > 0 && System.nanoTime() < deadline) {
              Thread.sleep(20);
            }
            assertEquals(0, source.borrowed(), "borrowed during a pause at row " + rows.size());
          }
        }
      }
      assertEquals(expected.rows(), rows);
      assertEquals(expected.commands(), source.commandCounts());
      assertEquals(0, source.borrowed());
    }
  }

  /** Our sockets killed between two batches: one reconnect, and not a row twice or missing. */
  @Test
  void aConnectionKilledMidStreamIsReplacedWithoutLosingOrRepeatingRows() throws Exception {
    List<List<Object>> expected;
    try (Connection sequential = connect(false, null)) {
      expected = run(sequential, PATHS.get(0)).rows();
    }
    try (Connection c = connect(true, "streamer");
        PreparedStatement ps = c.prepareStatement(PATHS.get(0)[0]);
        ResultSet rs = ps.executeQuery()) {
      List<List<Object>> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(Arrays.asList(rs.getObject(1), rs.getObject(2), rs.getObject(3)));
        if (rows.size() == 30) {
          try (Jedis admin = redis.admin()) {
            long killed = admin.clientKill(ClientKillParams.clientKillParams()
                .type(ClientType.NORMAL).user("streamer"));
            assertTrue(killed >= 1, "killed " + killed);
          }
        }
      }
      assertEquals(expected, rows);
      assertEquals(0, source(c).borrowed());
    }
  }

  /**
   * From the second batch on, the next batches are read by a background task while the
   * application reads this one. A result set left open mid-stream holds nothing once that task
   * stops (once a batch has waited 100 ms unclaimed it reads what is in flight to the last reply
   * and returns the connection by itself), and it reads no further than that.
   */
  @Test
  void anAbandonedResultSetsReadAheadEndsOnItsOwn() throws Exception {
    try (Connection c = connect(true, null);
        PreparedStatement ps = c.prepareStatement(PATHS.get(0)[0])) {
      RedisSource source = source(c);
      source.resetCounters();
      ResultSet rs = ps.executeQuery(); // never closed
      for (int i = 0; i < 30; i++) { // in the third batch: they take 7, 14, then 28 keys
        assertTrue(rs.next());
      }
      // settled: nothing borrowed and no command sent for a while (the task may not have
      // started when the consumer stopped)
      long deadline = System.nanoTime() + BOUND.toNanos();
      long hmgets = -1;
      while (System.nanoTime() < deadline) {
        long before = source.commandCount("HMGET");
        Thread.sleep(150);
        if (source.borrowed() == 0 && source.commandCount("HMGET") == before) {
          hmgets = before;
          break;
        }
      }
      assertEquals(0, source.borrowed(), "borrowed after the read ahead ended");
      Thread.sleep(200);
      assertEquals(hmgets, source.commandCount("HMGET"), "nothing read after the task ended");
      // 3 batches handed out (7 + 14 + 28 keys, stale members among them), at most one more
      // waiting and one in flight when the task stopped (a page of SSCAN is not exactly a
      // batch, hence two batches of slack), each of 28: far from the 3,600 tweets
      assertTrue(hmgets > 0 && hmgets <= 7 + 14 + 3 * 28 + 2 * 28,
          "read " + hmgets + " keys for 30 rows");
      assertEquals(Reliability.USER_ROWS, Reliability.count(c, "SELECT COUNT(*) FROM \"User\""));
    }
  }

  /**
   * A frozen server while the application waits for the batch read ahead: the query timeout
   * stops the wait and the task's read (57014), promptly, with nothing left borrowed.
   */
  @Test
  void aTimeoutStopsTheWaitForABatchReadAhead() throws Exception {
    try (Connection c = connect(true, null);
        PreparedStatement ps = c.prepareStatement(PATHS.get(0)[0])) {
      ps.setQueryTimeout(1);
      ResultSet rs = ps.executeQuery();
      for (int i = 0; i < 20; i++) { // the third batch: the fourth is being read ahead
        assertTrue(rs.next());
      }
      redis.freeze();
      try {
        long start = System.nanoTime();
        SQLException e = expectFailure("57014", BOUND, () -> drain(rs));
        assertTrue(e.getMessage().contains("timed out"), e.getMessage());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos(),
            "the timeout took " + (System.nanoTime() - start) / 1_000_000 + " ms");
      } finally {
        redis.thaw();
      }
      Reliability.assertNothingBorrowed(c, BOUND, "borrowed after the timeout");
      assertEquals(Reliability.USER_ROWS, Reliability.count(c, "SELECT COUNT(*) FROM \"User\""));
    }
  }

  /**
   * A batched join reads its later batches' inner sides ahead on other threads; a frozen server
   * while those reads wait: the query timeout stops the query (57014) promptly, nothing stays
   * borrowed once the reads are broken, and the Connection answers the join again afterwards.
   * Every user's tweets: seven batches of users, so with the first batch's rows being read (the
   * next two read ahead since that batch, a third waiting for one of them to end) the later ones
   * are still to be read when Redis freezes.
   */
  @Test
  void aTimeoutStopsAJoinWhoseInnerSidesAreReadAhead() throws Exception {
    String[] join = {"SELECT u.username, t._key FROM \"User\" u JOIN Tweet t"
        + " ON t.\"user\" = u._key"};
    assertTrue(Reliability.USER_ROWS > 600, "seven batches of 100 users");
    List<List<Object>> expected;
    try (Connection sequential = connect(false, null)) {
      expected = run(sequential, join).rows();
    }
    assertTrue(expected.size() > 300, "a join of several batches: " + expected.size());
    try (Connection c = connect(true, null);
        PreparedStatement ps = c.prepareStatement(join[0])) {
      ps.setQueryTimeout(1);
      ResultSet rs = ps.executeQuery();
      for (int i = 0; i < 50; i++) { // the first batch's rows: the next three are read ahead
        assertTrue(rs.next());
      }
      redis.freeze();
      try {
        long start = System.nanoTime();
        SQLException e = expectFailure("57014", BOUND, () -> drain(rs));
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos(),
            "the timeout took " + (System.nanoTime() - start) / 1_000_000 + " ms: " + e);
      } finally {
        redis.thaw();
      }
      Reliability.assertNothingBorrowed(c, BOUND, "borrowed after the timeout");
      assertEquals(expected, run(c, join).rows());
    }
  }
}
