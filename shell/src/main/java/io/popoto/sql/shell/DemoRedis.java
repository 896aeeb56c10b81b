package io.popoto.sql.shell;

import io.popoto.sql.redis.PrivateRedis;
import io.popoto.sql.redis.RespScript;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.embedded.core.ExecutableProvider;

/**
 * The demo's database: a private Redis on a free loopback port (the redis-server on the PATH,
 * else the binary bundled by embedded-redis, which this jar alone carries) loaded with a bundled
 * sample: the food-delivery data Popoto 0.8.3 wrote, or ({@code --demo=1x}) the Popoto 1.x
 * sample. It runs in a session of its own, so Ctrl-C in the terminal cancels the running query
 * and leaves the server alone.
 */
final class DemoRedis {
  static final String SAMPLE = "popoto-sql/samples/food-delivery/";
  static final String CATALOG = "classpath:" + SAMPLE + "catalog.json";
  static final String DEFAULT_SAMPLE = "food-delivery";
  /** The bundled samples by the names --demo= takes, to their resource directories. */
  private static final Map<String, String> SAMPLES = Map.of(
      DEFAULT_SAMPLE, SAMPLE,
      "1x", "popoto-sql/samples/popoto-1x/",
      "popoto-1x", "popoto-sql/samples/popoto-1x/");

  private DemoRedis() {}

  static PrivateRedis start() throws IOException {
    return start(DEFAULT_SAMPLE);
  }

  static PrivateRedis start(String sample) throws IOException {
    String dir = dir(sample);
    Path binary = PrivateRedis.findBinary();
    if (binary == null) {
      // The binary embedded-redis extracts for this OS; started as we start any redis-server.
      binary = ExecutableProvider.newJarResourceProvider().get().toPath();
    }
    PrivateRedis redis = PrivateRedis.startDetached(binary);
    try {
      load(redis, dir);
      return redis;
    } catch (IOException | RuntimeException e) {
      redis.close();
      throw e;
    }
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
    return DEFAULT_SAMPLE.equals(sample) ? "food-delivery" : "Popoto 1.x";
  }

  private static void load(PrivateRedis redis, String dir) throws IOException {
    try (InputStream in = DemoRedis.class.getClassLoader()
            .getResourceAsStream(dir + "load.redis");
         Jedis jedis = new Jedis(new HostAndPort(redis.host(), redis.port()),
             DefaultJedisClientConfig.builder().serverDefaultProtocol().build())) {
      if (in == null) {
        throw new IOException("The sample " + dir + "load.redis is missing from the jar");
      }
      RespScript.parse(in).replay(jedis);
    }
  }

  static String url(PrivateRedis redis) {
    return url(redis, DEFAULT_SAMPLE);
  }

  static String url(PrivateRedis redis, String sample) {
    String dir = SAMPLES.getOrDefault(sample, SAMPLE);
    return "jdbc:popoto:redis://" + redis.host() + ":" + redis.port() + "/0?catalog=classpath:"
        + dir + "catalog.json";
  }
}
