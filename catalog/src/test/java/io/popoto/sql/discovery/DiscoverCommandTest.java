package io.popoto.sql.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.popoto.sql.catalog.Catalog;
import io.popoto.sql.catalog.CatalogReader;
import io.popoto.sql.redis.PrivateRedis;
import io.popoto.sql.testkit.RedisExtension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(RedisExtension.class)
class DiscoverCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return DiscoverCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void printsADraftCatalogOfTheFixture(PrivateRedis redis) throws Exception {
    RedisExtension.loadFixture(redis);
    assertEquals(0, run("discover", "redis://" + redis.host() + ":" + redis.port() + "/0",
        "--sample", "20"), err.toString(StandardCharsets.UTF_8));
    Catalog draft = CatalogReader.read("stdout", new ByteArrayInputStream(out.toByteArray()));
    assertEquals(6, draft.models().size(), draft.toString());
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("note: "));
  }

  /** Like the driver, discovery stays on RESP2 without HELLO (a least-privilege user may lack it). */
  @Test
  void sendsNoHello(PrivateRedis redis) throws Exception {
    RedisExtension.loadFixture(redis);
    try (redis.clients.jedis.Jedis admin = new redis.clients.jedis.Jedis(redis.host(),
        redis.port())) {
      admin.configResetStat();
      assertEquals(0, run("redis://" + redis.host() + ":" + redis.port() + "/0"),
          err.toString(StandardCharsets.UTF_8));
      String stats = admin.info("commandstats");
      assertTrue(stats.contains("cmdstat_scan") || stats.contains("cmdstat_smembers"), stats);
      assertTrue(!stats.contains("cmdstat_hello"), stats);
    }
  }

  @Test
  void writesTheDraftToAFile(PrivateRedis redis, @TempDir Path dir) throws Exception {
    RedisExtension.loadFixture(redis);
    Path file = dir.resolve("draft.json");
    assertEquals(0, run("redis://" + redis.host() + ":" + redis.port(), "--out", file.toString()));
    assertEquals(0, out.size());
    assertTrue(CatalogReader.read(file).model("Customer") != null);
    assertTrue(Files.readString(file).contains("\"guessed\""));
  }

  @Test
  void badArgumentsExitTwoWithUsage() {
    assertEquals(2, run("discover"));
    assertEquals(2, run("discover", "redis://h:1", "--sample", "many"));
    assertEquals(2, run("discover", "http://h:1"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("Usage: discover"));
  }

  @Test
  void anUnreachableServerGivesOneLineAndExitOne() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    assertEquals(1, run("redis://127.0.0.1:" + port));
    String message = err.toString(StandardCharsets.UTF_8).strip();
    assertTrue(message.startsWith("Cannot read 127.0.0.1:" + port), message);
    assertEquals(1, message.lines().count(), message);
  }
}
