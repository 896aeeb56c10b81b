package io.popoto.sql.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.popoto.sql.redis.PrivateRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;

@ExtendWith(RedisExtension.class)
class RedisExtensionTest {

  @Test
  void startsPrivateServerAndLoadsFixture(PrivateRedis redis) {
    assertNotEquals(6379, redis.port(), "must never use the machine's shared Redis");
    assertEquals(188, RedisExtension.loadFixture(redis));
    try (Jedis jedis = new Jedis(redis.host(), redis.port())) {
      assertEquals(94, jedis.dbSize());
      assertEquals(5, jedis.scard("$Class:Customer"));
      assertEquals("hash", jedis.type("Restaurant:New York:Burger Palace"));
    }
  }
}
