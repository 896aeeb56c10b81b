package io.popoto.sql.shell;

import io.popoto.sql.redis.PrivateRedis;
import io.popoto.sql.redis.RespScript;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.embedded.core.ExecutableProvider;

/**
 * The demo's database: a private Redis on a free loopback port (the redis-server on the PATH,
 * else the binary bundled by embedded-redis, which this jar alone carries) loaded with the
 * food-delivery sample. It runs in a session of its own, so Ctrl-C in the terminal cancels the
 * running query and leaves the server alone.
 */
final class DemoRedis {
  static final String SAMPLE = "popoto-sql/samples/food-delivery/";
  static final String CATALOG = "classpath:" + SAMPLE + "catalog.json";

  private DemoRedis() {}

  static PrivateRedis start() throws IOException {
    Path binary = PrivateRedis.findBinary();
    if (binary == null) {
      // The binary embedded-redis extracts for this OS; started as we start any redis-server.
      binary = ExecutableProvider.newJarResourceProvider().get().toPath();
    }
    PrivateRedis redis = PrivateRedis.startDetached(binary);
    try {
      load(redis);
      return redis;
    } catch (IOException | RuntimeException e) {
      redis.close();
      throw e;
    }
  }

  private static void load(PrivateRedis redis) throws IOException {
    try (InputStream in = DemoRedis.class.getClassLoader()
            .getResourceAsStream(SAMPLE + "load.redis");
         Jedis jedis = new Jedis(new HostAndPort(redis.host(), redis.port()),
             DefaultJedisClientConfig.builder().serverDefaultProtocol().build())) {
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
