package io.popoto.sql.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.popoto.sql.e2e.datasets.Faults;
import io.popoto.sql.e2e.datasets.SchoolGenerator;
import io.popoto.sql.e2e.datasets.SocialGenerator;
import io.popoto.sql.redis.PrivateRedis;
import io.popoto.sql.testkit.RedisExtension;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;

/**
 * The join corpora over the two relationship datasets (social: Peewee's Twitter example;
 * school: many-to-many enrollments and a self-referencing category tree), generated at fixture
 * scale with every kind of fault, each query run with pushdown, without it, and on H2. The two
 * datasets share one Redis (their model names differ) and one H2 database.
 */
@ExtendWith(RedisExtension.class)
class RelationshipDatasetsTest {
  static final String SOCIAL_CORPUS = "/corpus/social.sql";
  static final String SCHOOL_CORPUS = "/corpus/school.sql";
  static final long SEED = 20240601L;
  static final Faults SOCIAL_FAULTS = new Faults(4, 6, 0, 4);
  static final Faults SCHOOL_FAULTS = new Faults(4, 6, 4, 4);

  private static SocialGenerator.Data social;
  private static SchoolGenerator.Data school;
  private static Connection h2;
  private static Connection socialPushdown;
  private static Connection socialScan;
  private static Connection schoolPushdown;
  private static Connection schoolScan;

  @BeforeAll
  static void loadEverything(PrivateRedis redis) throws Exception {
    try (Jedis jedis = new Jedis(redis.host(), redis.port())) {
      social = new SocialGenerator(SEED).users(40).hotUsers(100).faults(SOCIAL_FAULTS)
          .generate(jedis);
      school = new SchoolGenerator(SEED).students(40).hotCourse(30).faults(SCHOOL_FAULTS)
          .generate(jedis);
    }
    h2 = H2Oracle.open("relationships");
    H2Oracle.load(h2, SocialGenerator.catalog(), redis);
    H2Oracle.load(h2, SchoolGenerator.catalog(), redis);
    socialPushdown = Differential.connect(redis, SocialGenerator.CATALOG, true);
    socialScan = Differential.connect(redis, SocialGenerator.CATALOG, false);
    schoolPushdown = Differential.connect(redis, SchoolGenerator.CATALOG, true);
    schoolScan = Differential.connect(redis, SchoolGenerator.CATALOG, false);
  }

  @AfterAll
  static void close() throws SQLException {
    Differential.closeAll(socialPushdown, socialScan, schoolPushdown, schoolScan, h2);
  }

  /**
   * The classic relationship queries as index nested-loop joins: each names its batched reads
   * in EXPLAIN, and only a side without any filter is scanned (at most one table per query).
   */
  @TestFactory
  Stream<DynamicNode> classicJoinsReadTheOtherSideThroughItsIndexes() {
    record Case(Connection c, String sql, int scans, String... reads) {}
    List<Case> cases = List.of(
        new Case(socialPushdown, "SELECT u.username, t.message FROM Tweet t JOIN \"User\" u"
            + " ON t.\"user\" = u._key", 1, "x100}"),
        new Case(socialPushdown, "SELECT u.username, COUNT(f._key) FROM \"User\" u LEFT JOIN"
            + " Tweet t ON t.\"user\" = u._key LEFT JOIN Favorite f ON f.tweet = t._key"
            + " GROUP BY u.username", 1, "$RelationshipF:Tweet:user:{outer._key x100}",
            "$RelationshipF:Favorite:tweet:{outer._key"),
        new Case(socialPushdown, "SELECT b.username FROM \"User\" a JOIN Follow fo"
            + " ON fo.from_user = a._key JOIN \"User\" b ON fo.to_user = b._key"
            + " WHERE a.username = 'user0'", 0, "$RelationshipF:Follow:from_user:{outer._key x100}",
            "KEYS {outer.to_user x100}"),
        new Case(socialPushdown, "SELECT a.username FROM \"User\" b JOIN Follow fo"
            + " ON fo.to_user = b._key JOIN \"User\" a ON fo.from_user = a._key"
            + " WHERE b.username = 'hot0'", 0, "$RelationshipF:Follow:to_user:{outer._key x100}",
            "KEYS {outer.from_user x100}"),
        new Case(socialPushdown, "SELECT t.tweet_id FROM Tweet t WHERE t.\"user\" IN"
            + " (SELECT _key FROM \"User\" WHERE username = 'user1')", 0,
            "$RelationshipF:Tweet:user:{outer._key x100}"),
        new Case(schoolPushdown, "SELECT c.code, e.grade FROM Enrollment e JOIN Student s"
            + " ON e.student = s._key JOIN Course c ON e.course = c._key WHERE s.student_id = 1",
            0, "$RelationshipF:Enrollment:student:{outer._key x100}",
            "KEYS {outer.course x100}"),
        new Case(schoolPushdown, "SELECT s.name FROM Course c JOIN Enrollment e"
            + " ON e.course = c._key JOIN Student s ON e.student = s._key WHERE c.code = 'C100'",
            0, "$RelationshipF:Enrollment:course:{outer._key x100}",
            "KEYS {outer.student x100}"),
        new Case(schoolPushdown, "SELECT c1.name, c2.name, c3.name FROM Category c1"
            + " JOIN Category c2 ON c2.parent = c1._key JOIN Category c3 ON c3.parent = c2._key"
            + " WHERE c1.parent IS NULL", 1, "$RelationshipF:Category:parent:{outer."));
    return cases.stream().map(k -> DynamicTest.dynamicTest(k.sql(), () -> {
      String plan = Differential.explain(k.c(), k.sql());
      assertTrue(plan.contains("PopotoBatchJoin"), plan);
      assertEquals(k.scans(), plan.split("SCAN \\$Class:", -1).length - 1, plan);
      for (String read : k.reads()) {
        assertTrue(plan.contains(read), read + " in\n" + plan);
      }
      assertTrue(Differential.run(k.c(), k.sql()).size() > 0, k.sql());
    }));
  }

  @Test
  void corporaAreLargeEnough() {
    assertTrue(QueryCorpus.load(SOCIAL_CORPUS).size() >= 30);
    assertTrue(QueryCorpus.load(SCHOOL_CORPUS).size() >= 30);
  }

  @Test
  void fixturesHoldEveryFault() {
    assertEquals(SOCIAL_FAULTS.total(), social.faults());
    assertEquals(SCHOOL_FAULTS.total(), school.faults());
  }

  /** The oracle skips $Class members without a hash, and so must the driver. */
  @Test
  void deletedRowsAreNotRows() throws SQLException {
    String sql = "SELECT COUNT(*) FROM Tweet";
    long written = social.rowCount("Tweet");
    assertTrue(RowMatcher.sameValue(written, Differential.run(h2, sql).get(0).get(0)));
    assertTrue(RowMatcher.sameValue(written,
        Differential.run(socialPushdown, sql).get(0).get(0)));
  }

  /** The hot user's tweets through the join, filtered on the parent side, with pushdown. */
  @Test
  void hotUserHasExactlyItsTweets() throws SQLException {
    String sql = "SELECT COUNT(*) FROM \"User\" u JOIN Tweet t ON t.\"user\" = u._key"
        + " WHERE u.username = '" + social.hotUsers().get(0).name() + "'";
    assertTrue(RowMatcher.sameValue(100L, Differential.run(socialPushdown, sql).get(0).get(0)));
    assertTrue(RowMatcher.sameValue(100L, Differential.run(socialScan, sql).get(0).get(0)));
  }

  @TestFactory
  Stream<DynamicNode> social() {
    return Differential.corpus(QueryCorpus.load(SOCIAL_CORPUS), h2, socialPushdown, socialScan);
  }

  @TestFactory
  Stream<DynamicNode> school() {
    return Differential.corpus(QueryCorpus.load(SCHOOL_CORPUS), h2, schoolPushdown, schoolScan);
  }
}
