package io.popoto.sql.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.popoto.sql.redis.PrivateRedis;
import io.popoto.sql.testkit.RedisExtension;
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

      admin.clientKill(new ClientKillParams().id(String.valueOf(first))); // the spare is dead: the read retries once on a fresh one
      long fresh = source.read(Jedis::clientId);
      assertNotEquals(first, fresh);
      assertEquals(fresh, source.read(Jedis::clientId));
      assertEquals(0, source.borrowed());

      source.close();
      assertEquals(0, ourSockets(admin), "sockets left open after close()");
    }
  }

  private static long ourSockets(Jedis admin) {
    return admin.clientList().lines()
        .filter(l -> l.contains("name=" + RedisSource.CLIENT_NAME + " ")).count();
  }
}
