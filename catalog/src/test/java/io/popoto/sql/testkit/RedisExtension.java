package io.popoto.sql.testkit;

import io.popoto.sql.redis.PrivateRedis;
import io.popoto.sql.redis.RespScript;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import redis.clients.jedis.Jedis;

/**
 * Gives a test class its own real Redis: a Testcontainers container when a Docker engine is
 * usable, else the {@code redis-server} on the PATH, on a free loopback port. It never connects
 * to a server it did not start. Test methods and constructors may take a {@link PrivateRedis}
 * parameter.
 */
public final class RedisExtension implements BeforeAllCallback, AfterAllCallback,
    ParameterResolver {
  private static final String KEY = "redis";
  private static Boolean dockerUsable;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    context.getStore(ExtensionContext.Namespace.create(getClass(), context.getRequiredTestClass()))
        .put(KEY, start());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    PrivateRedis redis = context.getStore(
            ExtensionContext.Namespace.create(getClass(), context.getRequiredTestClass()))
        .remove(KEY, PrivateRedis.class);
    if (redis != null) {
      redis.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
    return p.getParameter().getType() == PrivateRedis.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext e) {
    return e.getStore(ExtensionContext.Namespace.create(getClass(), e.getRequiredTestClass()))
        .get(KEY, PrivateRedis.class);
  }

  /** Starts a private Redis by the best means this machine offers. */
  public static PrivateRedis start() throws IOException {
    if (System.getenv("POPOTO_TEST_NO_DOCKER") == null && dockerUsable()) {
      GenericContainer<?> c = new GenericContainer<>("redis:7.2-alpine")
          .withCommand("redis-server", "--save", "", "--appendonly", "no")
          .withExposedPorts(6379);
      c.start();
      return PrivateRedis.external(c.getHost(), c.getMappedPort(6379), c::stop);
    }
    if (PrivateRedis.findBinary() != null) {
      return PrivateRedis.startBinary();
    }
    throw new IllegalStateException("Tests need a real Redis: no usable Docker engine for "
        + "Testcontainers and no redis-server on the PATH. Install one (apt-get install "
        + "redis-server) and run again.");
  }

  private static synchronized boolean dockerUsable() {
    if (dockerUsable == null) {
      try {
        dockerUsable = DockerClientFactory.instance().isDockerAvailable();
      } catch (Throwable t) {
        dockerUsable = false;
      }
    }
    return dockerUsable;
  }

  /** Loads the food-delivery fixture (written by real Popoto 0.8.3) into the given server. */
  public static int loadFixture(PrivateRedis redis) {
    try (Jedis jedis = new Jedis(redis.host(), redis.port());
         InputStream in = Fixtures.open("load.redis")) {
      return RespScript.parse(in).replay(jedis);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
