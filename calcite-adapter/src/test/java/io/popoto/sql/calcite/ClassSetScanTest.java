package io.popoto.sql.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.popoto.sql.redis.PrivateRedis;
import io.popoto.sql.testkit.RedisExtension;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

/**
 * A full scan of a large $Class set hands out every member exactly once, also while a writer
 * grows the set mid-scan (Redis rehashes it, and SSCAN then repeats members), and its
 * de-duplication stays within 16 bytes per member. Counts and bytes only, never time.
 */
@ExtendWith(RedisExtension.class)
class ClassSetScanTest {
  private static final int MEMBERS = 200_000;

  @Test
  void everyMemberOnceWithinSixteenBytesEachWhileTheSetGrows(PrivateRedis redis) {
    String classSet = "$Class:Big";
    try (Jedis writer = new Jedis(redis.host(), redis.port());
         RedisSource source = CalciteOverRedis.source(redis)) {
      writer.del(classSet);
      Pipeline p = writer.pipelined();
      for (int i = 0; i < MEMBERS; i++) {
        p.sadd(classSet, "Big:" + i);
      }
      p.sync();
      ClassSetScan scan = new ClassSetScan(source, classSet, 500);
      Set<String> handedOut = new HashSet<>();
      int repeats = 0;
      int grownBy = 0;
      List<String> page;
      while ((page = source.read(scan::next)) != null) {
        for (String key : page) {
          if (!handedOut.add(key)) {
            repeats++;
          }
        }
        if (grownBy < MEMBERS && handedOut.size() > MEMBERS / 4) {
          Pipeline more = writer.pipelined(); // doubles the set: Redis rehashes mid-scan
          for (int i = 0; i < MEMBERS; i++) {
            more.sadd(classSet, "Big:new:" + i);
          }
          more.sync();
          grownBy = MEMBERS;
        }
      }
      assertEquals(0, repeats, "members handed out twice");
      for (int i = 0; i < MEMBERS; i++) {
        assertTrue(handedOut.contains("Big:" + i), "member present from start to end missing");
      }
      assertTrue(scan.seenBytes() <= 16L * handedOut.size(),
          scan.seenBytes() + " bytes for " + handedOut.size() + " members");
      assertEquals(0, source.borrowed());
      writer.del(classSet);
    }
  }
}
