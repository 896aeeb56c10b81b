package io.popoto.sql.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.popoto.sql.redis.PrivateRedis;
import io.popoto.sql.testkit.OneXSample;
import io.popoto.sql.testkit.RedisExtension;
import io.popoto.sql.testkit.RespDump;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;

/**
 * The shipped 1.x sample script is exactly what {@link OneXSample} writes: regenerate it with
 * this test and copy {@code target/popoto-1x-load.redis} over the resource when the sample
 * changes on purpose.
 */
@ExtendWith(RedisExtension.class)
class OneXSampleScriptTest {
  @Test
  void shippedScriptIsTheWritersOutput(PrivateRedis redis) throws Exception {
    byte[] written;
    try (Jedis jedis = new Jedis(redis.host(), redis.port())) {
      jedis.flushDB(); // our own private server
      assertTrue(OneXSample.write(jedis) > 100);
      written = RespDump.dump(jedis);
    }
    Files.write(Path.of("target", "popoto-1x-load.redis"), written);
    byte[] shipped;
    try (InputStream in = getClass().getClassLoader()
        .getResourceAsStream(OneXSample.DIR + "load.redis")) {
      shipped = in == null ? new byte[0] : in.readAllBytes();
    }
    assertArrayEquals(written, shipped, "regenerate: cp catalog/target/popoto-1x-load.redis "
        + "catalog/src/main/resources/" + OneXSample.DIR + "load.redis");
    try (Jedis jedis = new Jedis(redis.host(), redis.port())) {
      jedis.flushDB();
      OneXSample.load(jedis);
      assertArrayEquals(written, RespDump.dump(jedis), "the script replays to the same data");
    }
  }
}
