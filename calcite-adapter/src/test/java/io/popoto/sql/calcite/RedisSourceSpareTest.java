package io.popoto.sql.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.popoto.sql.redis.PrivateRedis;
import io.popoto.sql.testkit.RedisExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ClientKillParams;

/**
 * The connection a read gives back is the next read's (the spare, kept out of commons-pool),
 * yet it counts as the pool's: not borrowed between reads, one borrow per read; a spare killed
 * on the server is replaced by the read's one retry; and close() leaves no socket open.
 */
@ExtendWith(RedisExtension.class)
class RedisSourceSpareTest {
  @Test
  void theNextReadTakesTheSpareAndCloseLeavesNoSocket(PrivateRedis redis) {
    try (Jedis admin = new Jedis(redis.host(), redis.port())) {
      RedisSource source = CalciteOverRedis.source(redis);
      long first = source.read(Jedis::clientId);
      long borrows = source.borrows();
      assertEquals(first, source.read(Jedis::clientId), "the second read's connection");
      assertEquals(1, source.borrows() - borrows);
      assertEquals(0, source.borrowed());
      assertEquals(1, ourSockets(admin));

      // the spare is dead: the read retries once on a fresh one
      admin.clientKill(new ClientKillParams().id(String.valueOf(first)));
      long fresh = source.read(Jedis::clientId);
      assertNotEquals(first, fresh);
      assertEquals(fresh, source.read(Jedis::clientId));
      assertEquals(0, source.borrowed());

      source.close();
      assertEquals(0, ourSockets(admin), "sockets left open after close()");
    }
  }

  /**
   * Twelve threads reading at once through one source whose pool holds eight: each read gets
   * its own connection's answer, a reader waiting for the pool is handed the connection a read
   * gives back (not left waiting while it idles as the spare), every read counts one borrow,
   * and afterwards nothing is borrowed and no more than eight sockets are open.
   */
  @Test
  void readersOnManyThreadsShareTheSpareAndThePool(PrivateRedis redis) throws Exception {
    try (Jedis admin = new Jedis(redis.host(), redis.port());
         RedisSource source = CalciteOverRedis.source(redis)) {
      admin.set("spare-test", "v");
      long borrows = source.borrows();
      java.util.concurrent.ExecutorService threads =
          java.util.concurrent.Executors.newFixedThreadPool(12);
      try {
        List<java.util.concurrent.Future<Integer>> done = new java.util.ArrayList<>();
        for (int t = 0; t < 12; t++) {
          done.add(threads.submit(() -> {
            int right = 0;
            for (int i = 0; i < 300; i++) {
              right += "v".equals(source.read(j -> j.get("spare-test"))) ? 1 : 0;
            }
            return right;
          }));
        }
        for (java.util.concurrent.Future<Integer> f : done) {
          assertEquals(300, f.get(60, java.util.concurrent.TimeUnit.SECONDS));
        }
      } finally {
        threads.shutdownNow();
      }
      assertEquals(0, source.borrowed());
      assertEquals(12 * 300, source.borrows() - borrows, "one borrow per read");
      org.junit.jupiter.api.Assertions.assertTrue(ourSockets(admin) <= 8,
          ourSockets(admin) + " sockets");
      admin.del("spare-test");
    }
  }

  private static long ourSockets(Jedis admin) {
    return admin.clientList().lines()
        .filter(l -> l.contains("name=" + RedisSource.CLIENT_NAME + " ")).count();
  }
}
