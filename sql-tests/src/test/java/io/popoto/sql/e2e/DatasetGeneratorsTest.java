package io.popoto.sql.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.popoto.sql.e2e.datasets.Faults;
import io.popoto.sql.e2e.datasets.SchoolGenerator;
import io.popoto.sql.e2e.datasets.SocialGenerator;
import io.popoto.sql.redis.PrivateRedis;
import io.popoto.sql.testkit.RedisExtension;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;

/**
 * The relationship-dataset generators write what they promise, read back with plain Redis
 * commands: the same seed gives the same data, hot parents have exactly their children, and
 * each kind of fault is really in the keyspace. Each test writes to a database of its own.
 */
@ExtendWith(RedisExtension.class)
class DatasetGeneratorsTest {
  private static final String TWEET_AUTHOR = "$RelationshipF:Tweet:user:";

  @Test
  void sameSeedSameData(PrivateRedis redis) {
    try (Jedis a = db(redis, 1); Jedis b = db(redis, 2); Jedis c = db(redis, 3)) {
      SocialGenerator.Data x = new SocialGenerator(5).users(30).faults(Faults.each(3)).generate(a);
      SocialGenerator.Data y = new SocialGenerator(5).users(30).faults(Faults.each(3)).generate(b);
      SocialGenerator.Data z = new SocialGenerator(6).users(30).faults(Faults.each(3)).generate(c);
      assertEquals(x.tweetKeys(), y.tweetKeys());
      assertEquals(a.dbSize(), b.dbSize());
      assertEquals(a.hgetAll(x.tweetKeys().get(7)), b.hgetAll(y.tweetKeys().get(7)));
      assertNotEquals(x.tweetKeys(), z.tweetKeys());
    }
  }

  @Test
  void hotUsersHaveExactlyTheirTweets(PrivateRedis redis) {
    try (Jedis jedis = db(redis, 4)) {
      SocialGenerator.Data d = new SocialGenerator(1).users(50).hotUsers(100, 3)
          .faults(Faults.each(10)).generate(jedis);
      assertEquals("hot0", d.hotUsers().get(0).name());
      assertEquals(100, jedis.scard(TWEET_AUTHOR + d.hotUsers().get(0).key()));
      assertEquals(3, jedis.scard(TWEET_AUTHOR + d.hotUsers().get(1).key()));
      long pointing = d.tweetKeys().stream()
          .filter(k -> d.hotUsers().get(0).key().equals(jedis.hget(k, "user").substring(1)))
          .count();
      assertEquals(100, pointing); // the hash holds a msgpack fixstr: one type byte, the key
    }
  }

  @Test
  void socialIsSkewedAndHoldsEveryFault(PrivateRedis redis) {
    try (Jedis jedis = db(redis, 5)) {
      SocialGenerator.Data d = new SocialGenerator(2).users(40)
          .faults(new Faults(4, 6, 0, 4)).generate(jedis);
      assertEquals(14, d.faults());
      // Skew: silent users, and a user with several times the average.
      List<Long> tweets = d.userKeys().stream().map(k -> jedis.scard(TWEET_AUTHOR + k)).toList();
      assertTrue(tweets.contains(0L), tweets.toString());
      assertTrue(tweets.stream().mapToLong(Long::longValue).max().orElse(0) >= 16,
          tweets.toString());
      Set<String> followed = new HashSet<>();
      for (String k : d.userKeys()) {
        if (jedis.scard("$RelationshipF:Follow:to_user:" + k) > 0) {
          followed.add(k);
        }
      }
      assertTrue(followed.size() < d.userKeys().size() - 5, "some users are followed by nobody");
      // $Class members without a hash.
      long classTweets = jedis.scard("$Class:Tweet");
      assertEquals(d.rowCount("Tweet") + 2, classTweets);
      // Dangling: a tweet whose author has no hash.
      assertTrue(jedis.exists(TWEET_AUTHOR + "User:ghost0"));
      assertTrue(!jedis.exists("User:ghost0"));
      // Stale reverse members: more members in the author sets than tweets with a hash.
      long members = 0;
      for (String k : d.userKeys()) {
        members += jedis.scard(TWEET_AUTHOR + k);
      }
      assertTrue(members > d.rowCount("Tweet") - 2, "members " + members);
    }
  }

  @Test
  void schoolHasDeepTreesNullsAndDanglingParents(PrivateRedis redis) {
    try (Jedis jedis = db(redis, 6)) {
      SchoolGenerator.Data d = new SchoolGenerator(3).students(30).hotCourse(25)
          .faults(new Faults(3, 3, 4, 2)).generate(jedis);
      assertEquals(12, d.faults());
      assertEquals(25, jedis.scard("$RelationshipF:Enrollment:course:" + d.hotCourse().key()));
      // Four levels: Science > Science 1 > Science 1.1 > Science 1.1 (advanced).
      assertTrue(jedis.exists("$RelationshipF:Category:parent:Category:Science 1.1"));
      assertTrue(jedis.exists("$RelationshipF:Category:parent:Category:Science 1"));
      assertTrue(jedis.exists("$RelationshipF:Category:parent:Category:Science"));
      // Courses whose category is null are in no reverse set: count the indexed ones.
      long indexed = 0;
      for (String cat : d.categoryKeys()) {
        indexed += jedis.scard("$RelationshipF:Course:category:" + cat);
      }
      assertEquals(d.courseKeys().size() - 4 + 1, indexed); // + HOT; X001's target is gone
      assertTrue(jedis.exists("$RelationshipF:Category:parent:Category:Retired 0"));
      assertTrue(!jedis.exists("Category:Retired 0"));
      assertEquals(d.rowCount("Student") + 1, jedis.scard("$Class:Student"));
    }
  }

  @Test
  void tenThousandRowsInAFewSeconds(PrivateRedis redis) {
    try (Jedis jedis = db(redis, 7)) {
      SocialGenerator.Data d = new SocialGenerator(4).users(2000).generate(jedis);
      int rows = d.rows().values().stream().mapToInt(Integer::intValue).sum();
      assertTrue(rows >= 10_000, d.rows().toString());
      assertTrue(d.millis() < 10_000, "took " + d.millis() + " ms");
    }
  }

  private static Jedis db(PrivateRedis redis, int db) {
    Jedis jedis = new Jedis(redis.host(), redis.port());
    jedis.select(db);
    return jedis;
  }
}
