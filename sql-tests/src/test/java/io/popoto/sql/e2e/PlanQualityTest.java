package io.popoto.sql.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.popoto.sql.calcite.RedisSource;
import io.popoto.sql.e2e.datasets.Faults;
import io.popoto.sql.e2e.datasets.SchoolGenerator;
import io.popoto.sql.e2e.datasets.SocialGenerator;
import io.popoto.sql.jdbc.PopotoConnection;
import io.popoto.sql.redis.PrivateRedis;
import io.popoto.sql.testkit.RedisExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;

/**
 * The plan-quality corpus ({@code corpus/plan-quality.sql}) over the social, school and
 * food-delivery data in one Redis: every query's answer equals H2's with pushdown on and off,
 * the Redis commands one execution sends stay within the budget written next to it, its EXPLAIN
 * has no line over 300 characters, and the queries marked invariant send exactly the same
 * commands on a social dataset ten times larger (their answers do not grow with it).
 */
@ExtendWith(RedisExtension.class)
class PlanQualityTest {
  static final String CORPUS = "/corpus/plan-quality.sql";
  static final long SEED = 20241201L;
  private static final List<PlanCorpus.Query> QUERIES = PlanCorpus.load(CORPUS);

  private static PrivateRedis redis;
  private static Connection h2;
  private static final Map<String, Connection> PUSHDOWN = new HashMap<>();
  private static final Map<String, Connection> SCAN = new HashMap<>();

  @BeforeAll
  static void load(PrivateRedis privateRedis) throws Exception {
    redis = privateRedis;
    RedisExtension.loadFixture(redis);
    try (Jedis jedis = new Jedis(redis.host(), redis.port())) {
      social(jedis, 60);
      new SchoolGenerator(SEED).students(40).hotCourse(30).faults(new Faults(4, 6, 4, 4))
          .generate(jedis);
    }
    h2 = H2Oracle.open("plan-quality");
    H2Oracle.load(h2, FoodDelivery.catalog(), redis);
    H2Oracle.load(h2, SocialGenerator.catalog(), redis);
    H2Oracle.load(h2, SchoolGenerator.catalog(), redis);
    try (java.sql.Statement st = h2.createStatement()) {
      st.execute("CREATE ALIAS POPOTO_WITHIN FOR 'io.popoto.sql.e2e.H2Functions.within'");
    }
    for (String dataset : List.of("social", "school", "food")) {
      PUSHDOWN.put(dataset, Differential.connect(redis, catalog(dataset), true));
      SCAN.put(dataset, Differential.connect(redis, catalog(dataset), false));
    }
  }

  /**
   * The social dataset with hot users of fixed fan-out, and stale entries at the top of the
   * likes zset: deleted tweets, and live tweets whose score no longer matches their hash.
   */
  static SocialGenerator.Data social(Jedis jedis, int users) {
    SocialGenerator.Data d = new SocialGenerator(SEED).users(users).hotUsers(10, 3, 0)
        .faults(new Faults(4, 6, 0, 4)).generate(jedis);
    for (int i = 0; i < 3; i++) {
      jedis.zadd("$SortF:Tweet:likes", 900 + i, "Tweet:deleted" + i);
    }
    // re-scored tweets are read nowhere else: their true likes lie outside every window the
    // corpus orders by (the ordered read trusts the zset for completeness)
    int restored = 0;
    for (int t = 0; t < d.tweetKeys().size() && restored < 3; t++) {
      int likes = SocialGenerator.likes(t);
      if (likes >= 24 && likes <= 26) {
        jedis.zadd("$SortF:Tweet:likes", 800 + restored++, d.tweetKeys().get(t));
      }
    }
    return d;
  }

  static String catalog(String dataset) {
    return switch (dataset) {
      case "social" -> SocialGenerator.CATALOG;
      case "school" -> SchoolGenerator.CATALOG;
      default -> FoodDelivery.CATALOG;
    };
  }

  @AfterAll
  static void close() throws SQLException {
    for (Connection c : PUSHDOWN.values()) {
      c.close();
    }
    for (Connection c : SCAN.values()) {
      c.close();
    }
    h2.close();
  }

  @Test
  void corpusIsLargeEnough() {
    assertTrue(QUERIES.size() >= 40, "queries: " + QUERIES.size());
  }

  @TestFactory
  Stream<DynamicNode> corpus() {
    return QUERIES.stream().map(q -> DynamicContainer.dynamicContainer(q.toString(), Stream.of(
        DynamicTest.dynamicTest("pushdown=true", () -> compare(q, PUSHDOWN.get(q.dataset()))),
        DynamicTest.dynamicTest("pushdown=false", () -> compare(q, SCAN.get(q.dataset()))),
        DynamicTest.dynamicTest("budget " + q.budget(), () -> {
          Execution e = execute(PUSHDOWN.get(q.dataset()), q);
          assertTrue(e.commands() <= q.budget(), q.budget() + " commands budgeted, sent "
              + e.counts() + "\n" + explain(q));
        }),
        DynamicTest.dynamicTest("explain lines", () -> Differential.assertShortLines(explain(q))))));
  }

  /**
   * Literals outside Latin-1 (Cyrillic, CJK, emoji, astral letters) in every node kind: a key
   * lookup, a pushed-down range and IN, a filter and a calc Calcite keeps, a join condition,
   * an aggregate's HAVING.
   */
  static final List<String> UNICODE_LITERALS = List.of(
      "SELECT username FROM \"User\" WHERE username = 'иван_fernández'",
      "SELECT username FROM \"User\" WHERE username IN ('李小龙', 'victor🐍8950', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢')",
      "SELECT _key FROM \"User\" WHERE _key = 'User:ｚｅｎ'",
      "SELECT username FROM \"User\" WHERE email = 'привет@例子.中国' OR email LIKE '%🎉%'",
      "SELECT username || ' 🐍' AS u, CASE WHEN karma = 0 THEN 'да' ELSE '你好' END FROM \"User\"",
      "SELECT t.message FROM Tweet t JOIN \"User\" u ON t.\"user\" = u._key"
          + " AND u.username <> 'محمد_علي' WHERE t.message LIKE 'привет%'",
      "SELECT u.username FROM \"User\" u JOIN Tweet t ON t.\"user\" = u._key"
          + " WHERE u.username = '李小龙' AND t.message <> '你好'",
      "SELECT u.username, COUNT(*) FROM \"User\" u JOIN Tweet t ON t.\"user\" = u._key"
          + " GROUP BY u.username HAVING MAX(t.message) > 'я'");

  /**
   * EXPLAIN prints string literals the way the statement wrote them, without Calcite's charset
   * spelling ({@code _UTF-16LE'x':VARCHAR CHARACTER SET "UTF-16LE"}), for every query of the
   * corpora and for literals in every script; the queries here keep their lines short too.
   */
  @Test
  void explainPrintsStringLiteralsPlainly() throws SQLException {
    Map<String, List<String>> corpora = new TreeMap<>();
    corpora.put("social", QueryCorpus.load("/corpus/social.sql"));
    corpora.put("school", QueryCorpus.load("/corpus/school.sql"));
    corpora.put("food", QueryCorpus.load(DifferentialTest.CORPUS));
    List<String> noisy = new java.util.ArrayList<>();
    int plans = 0;
    for (PlanCorpus.Query q : QUERIES) {
      noisy.addAll(charsetNoise(q.toString(), explain(q)));
      plans++;
    }
    for (Map.Entry<String, List<String>> e : corpora.entrySet()) {
      for (String query : e.getValue()) {
        noisy.addAll(charsetNoise(query, Differential.explain(PUSHDOWN.get(e.getKey()), query)));
        plans++;
      }
    }
    for (String query : UNICODE_LITERALS) {
      String plan = Differential.explain(PUSHDOWN.get("social"), query);
      noisy.addAll(charsetNoise(query, plan));
      Differential.assertShortLines(plan);
    }
    assertEquals(List.of(), noisy);
    assertTrue(plans > 200, "plans: " + plans);
    String plan = Differential.explain(PUSHDOWN.get("social"), UNICODE_LITERALS.get(0));
    assertTrue(plan.contains("'иван_fernández'"), plan);
  }

  /**
   * A batch's OR of one equality per outer row that the inner scan does not check itself (it
   * reads the phones' value sets, whose members are re-checked) prints as one summary in the
   * Calc above it, with no expr# steps (Calcite's text for that Calc was 7,605 characters).
   */
  @Test
  void batchOrAboveAnInnerScanPrintsAsOneSummary() throws SQLException {
    String plan = Differential.explain(PUSHDOWN.get("food"),
        "SELECT s.shift_date, d.name FROM DriverShift s JOIN Driver d ON s.driver_phone = d.phone");
    assertTrue(plan.contains("OR of 100 outer equalities ("), plan);
    assertFalse(plan.contains("expr#"), plan);
    Differential.assertShortLines(plan);
  }

  private static List<String> charsetNoise(String query, String plan) {
    return java.util.Arrays.stream(plan.split("\n"))
        .filter(line -> line.contains("UTF-16") || line.contains("CHARACTER SET")
            || line.contains("ISO-8859-1"))
        .map(line -> query + "\n" + line).toList();
  }

  /** The invariant queries send the same commands on a social dataset ten times larger. */
  @Test
  void selectiveQueriesSendTheSameCommandsAtTenTimesTheScale() throws Exception {
    Map<String, Map<String, Long>> small = new TreeMap<>();
    Map<String, Map<String, Long>> large = new TreeMap<>();
    for (PlanCorpus.Query q : QUERIES) {
      if (q.invariant()) {
        small.put(q.sql(), execute(PUSHDOWN.get(q.dataset()), q).counts());
      }
    }
    assertTrue(small.size() >= 10, "invariant queries: " + small.size());
    try (PrivateRedis big = RedisExtension.start()) {
      RedisExtension.loadFixture(big);
      try (Jedis jedis = new Jedis(big.host(), big.port())) {
        social(jedis, 600);
        new SchoolGenerator(SEED).students(400).hotCourse(30).faults(new Faults(4, 6, 4, 4))
            .generate(jedis);
      }
      for (String dataset : List.of("social", "school", "food")) {
        try (Connection c = Differential.connect(big, catalog(dataset), true)) {
          for (PlanCorpus.Query q : QUERIES) {
            if (q.invariant() && q.dataset().equals(dataset)) {
              large.put(q.sql(), execute(c, q).counts());
            }
          }
        }
      }
    }
    assertEquals(small, large);
  }

  private static void compare(PlanCorpus.Query q, Connection ours) throws SQLException {
    List<List<Object>> expected = rows(h2, q);
    List<List<Object>> actual = rows(ours, q);
    assertNull(RowMatcher.difference(expected, actual, QueryCorpus.isOrdered(q.sql())),
        q.toString());
  }

  private static List<List<Object>> rows(Connection c, PlanCorpus.Query q) throws SQLException {
    try (ResultSet rs = prepared(c, q).executeQuery()) {
      return ResultRows.read(rs);
    }
  }

  /** Planning a batched join takes a while: each query is prepared once per connection. */
  private static final Map<List<Object>, PreparedStatement> PREPARED = new HashMap<>();
  private static final Map<PlanCorpus.Query, String> PLANS = new HashMap<>();

  private static PreparedStatement prepared(Connection c, PlanCorpus.Query q)
      throws SQLException {
    boolean shared = PUSHDOWN.containsValue(c) || SCAN.containsValue(c);
    List<Object> key = List.of(System.identityHashCode(c), q);
    PreparedStatement ps = shared ? PREPARED.get(key) : null;
    if (ps == null) {
      ps = c.prepareStatement(q.sql()); // closed with its connection
      if (shared) {
        PREPARED.put(key, ps);
      }
    }
    for (int i = 0; i < q.params().size(); i++) {
      ps.setObject(i + 1, q.params().get(i));
    }
    return ps;
  }

  private record Execution(long commands, Map<String, Long> counts) {}

  /** One execution of a prepared (already planned) query: the commands it sent, by name. */
  private static Execution execute(Connection c, PlanCorpus.Query q) throws SQLException {
    RedisSource source = c.unwrap(PopotoConnection.class).redisSource();
    PreparedStatement ps = prepared(c, q);
    source.resetCounters();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rs.getObject(1);
      }
    }
    Map<String, Long> counts = new TreeMap<>(source.commandCounts());
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    return new Execution(total, counts);
  }

  private static String explain(PlanCorpus.Query q) throws SQLException {
    String plan = PLANS.get(q);
    if (plan == null) {
      try (PreparedStatement ps = PUSHDOWN.get(q.dataset())
          .prepareStatement("EXPLAIN PLAN FOR " + q.sql())) {
        for (int i = 0; i < q.params().size(); i++) {
          ps.setObject(i + 1, q.params().get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          plan = rs.getString(1);
        }
      }
      PLANS.put(q, plan);
    }
    return plan;
  }
}
