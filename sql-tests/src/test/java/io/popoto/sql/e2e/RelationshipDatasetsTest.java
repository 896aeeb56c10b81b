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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
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
