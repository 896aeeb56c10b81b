package io.popoto.sql.shell;

import io.popoto.sql.redis.PrivateRedis;
import io.popoto.sql.redis.RespScript;
import java.io.IOException;
import java.io.InputStream;
import redis.clients.jedis.Jedis;
import redis.embedded.RedisServer;

/**
 * The demo's database: a private Redis on a free loopback port (the redis-server on the PATH,
 * else the binary bundled by embedded-redis) loaded with the food-delivery sample.
 */
final class DemoRedis {
  static final String SAMPLE = "popoto-sql/samples/food-delivery/";
  static final String CATALOG = "classpath:" + SAMPLE + "catalog.json";

  private DemoRedis() {}

  static PrivateRedis start() throws IOException {
    PrivateRedis redis = PrivateRedis.findBinary() != null ? PrivateRedis.startBinary()
        : startEmbedded();
    try {
      load(redis);
      return redis;
    } catch (IOException | RuntimeException e) {
      redis.close();
      throw e;
    }
  }

  private static PrivateRedis startEmbedded() throws IOException {
    int port = PrivateRedis.freePort();
    RedisServer server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
        .setting("save \"\"").setting("appendonly no").build();
    server.start();
    return PrivateRedis.external("127.0.0.1", port, () -> {
      try {
        server.stop();
      } catch (IOException ignored) {
        // the process dies with the JVM anyway
      }
    });
  }

  private static void load(PrivateRedis redis) throws IOException {
    try (InputStream in = DemoRedis.class.getClassLoader()
            .getResourceAsStream(SAMPLE + "load.redis");
         Jedis jedis = new Jedis(redis.host(), redis.port())) {
      if (in == null) {
        throw new IOException("The sample " + SAMPLE + "load.redis is missing from the jar");
      }
      RespScript.parse(in).replay(jedis);
    }
  }

  static String url(PrivateRedis redis) {
    return "jdbc:popoto:redis://" + redis.host() + ":" + redis.port() + "/0?catalog=" + CATALOG;
  }
}
