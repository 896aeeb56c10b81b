package io.popoto.sql.shell;

import io.popoto.sql.redis.PrivateRedis;
import io.popoto.sql.redis.RespScript;
import java.io.IOException;
import java.io.InputStream;
import redis.clients.jedis.Jedis;
import redis.embedded.RedisServer;

/**
 * The demo's database: a private Redis on a free loopback port (the redis-server on the PATH,
 * else the binary bundled by embedded-redis) loaded with a bundled sample: the food-delivery
 * data Popoto 0.8.3 wrote, or ({@code --demo=1x}) the Popoto 1.x sample.
 */
final class DemoRedis {
  static final String SAMPLE = "popoto-sql/samples/food-delivery/";
  static final String CATALOG = "classpath:" + SAMPLE + "catalog.json";
  static final String DEFAULT_SAMPLE = "food-delivery";
  /** The bundled samples by the names --demo= takes, to their resource directories. */
  private static final java.util.Map<String, String> SAMPLES = java.util.Map.of(
      DEFAULT_SAMPLE, SAMPLE,
      "1x", "popoto-sql/samples/popoto-1x/",
      "popoto-1x", "popoto-sql/samples/popoto-1x/");

  private DemoRedis() {}

  static PrivateRedis start() throws IOException {
    return start(DEFAULT_SAMPLE);
  }

  static PrivateRedis start(String sample) throws IOException {
    String dir = dir(sample);
    PrivateRedis redis = PrivateRedis.findBinary() != null ? PrivateRedis.startBinary()
        : startEmbedded();
    try {
      load(redis, dir);
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

  private static String dir(String sample) throws IOException {
    String dir = SAMPLES.get(sample);
    if (dir == null) {
      throw new IOException("Unknown sample '" + sample + "'; use --demo (food-delivery) or"
          + " --demo=1x");
    }
    return dir;
  }

  /** How the startup message names the sample. */
  static String title(String sample) {
    return "food-delivery".equals(sample) ? "food-delivery" : "Popoto 1.x";
  }

  private static void load(PrivateRedis redis, String dir) throws IOException {
    try (InputStream in = DemoRedis.class.getClassLoader()
            .getResourceAsStream(dir + "load.redis");
         Jedis jedis = new Jedis(redis.host(), redis.port())) {
      if (in == null) {
        throw new IOException("The sample " + dir + "load.redis is missing from the jar");
      }
      RespScript.parse(in).replay(jedis);
    }
  }

  static String url(PrivateRedis redis) {
    return "jdbc:popoto:redis://" + redis.host() + ":" + redis.port() + "/0?catalog=" + CATALOG;
  }

  static String url(PrivateRedis redis, String sample) {
    String dir = SAMPLES.getOrDefault(sample, SAMPLE);
    return "jdbc:popoto:redis://" + redis.host() + ":" + redis.port() + "/0?catalog=classpath:"
        + dir + "catalog.json";
  }
}
