package io.popoto.sql.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.popoto.sql.redis.PrivateRedis;
import io.popoto.sql.testkit.RedisExtension;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;

/** The driver is read-only: running the whole corpus issues no Redis write command. */
@ExtendWith(RedisExtension.class)
class NoWritesTest {
  /** Commands that change the keyspace (Redis's "write" flag), lowercase as in commandstats. */
  static final Set<String> WRITE_COMMANDS = Set.of("set", "setnx", "setex", "psetex", "mset",
      "msetnx", "append", "setrange", "getset", "getdel", "getex", "incr", "incrby",
      "incrbyfloat", "decr", "decrby", "del", "unlink", "expire", "pexpire", "expireat",
      "pexpireat", "persist", "rename", "renamenx", "move", "copy", "restore", "hset", "hsetnx",
      "hmset", "hdel", "hincrby", "hincrbyfloat", "sadd", "srem", "spop", "smove", "sinterstore",
      "sunionstore", "sdiffstore", "zadd", "zrem", "zincrby", "zpopmin", "zpopmax",
      "zremrangebyscore", "zremrangebyrank", "zremrangebylex", "zunionstore", "zinterstore",
      "zdiffstore", "zrangestore", "geoadd", "georadius", "georadiusbymember", "geosearchstore",
      "lpush", "rpush", "lpop", "rpop", "lset", "lrem", "ltrim", "linsert", "flushdb",
      "flushall", "swapdb", "pfadd", "pfmerge", "xadd", "xdel", "xtrim", "setbit", "bitop",
      "sort", "eval", "evalsha", "fcall", "function");

  @Test
  void corpusRunsWithoutWriting(PrivateRedis redis) throws Exception {
    RedisExtension.loadFixture(redis);
    try (Jedis admin = new Jedis(redis.host(), redis.port())) {
      admin.configResetStat();
      int ran = 0;
      for (boolean pushdown : new boolean[] {true, false}) {
        try (Connection c = FoodDelivery.connect(redis, pushdown)) {
          for (String sql : QueryCorpus.load(DifferentialTest.CORPUS)) {
            Differential.run(c, sql);
            ran++;
          }
        }
      }
      List<String> executed = commandsIn(admin.info("commandstats"));
      assertTrue(ran >= 160 && (executed.contains("hgetall") || executed.contains("hmget")
          || executed.contains("hget")), "the corpus must actually read hashes: " + executed);
      List<String> writes = new ArrayList<>(executed);
      writes.retainAll(WRITE_COMMANDS);
      assertEquals(List.of(), writes, "write commands seen: " + executed);
      assertEquals(94L, admin.dbSize());
    }
  }

  /** The 1.x corpus reads capped lists, tag sets and $Index hashes: still no write. */
  @Test
  void oneXCorpusRunsWithoutWriting(PrivateRedis redis) throws Exception {
    try (Jedis admin = new Jedis(redis.host(), redis.port())) {
      admin.flushDB(); // our own private server, shared with the test above
      io.popoto.sql.testkit.OneXSample.load(admin);
      long keys = admin.dbSize();
      admin.configResetStat();
      try (Connection c = Differential.connect(redis, io.popoto.sql.testkit.OneXSample.CATALOG,
          true)) {
        for (String sql : QueryCorpus.load(OneXSampleTest.CORPUS)) {
          Differential.run(c, sql);
        }
      }
      List<String> executed = commandsIn(admin.info("commandstats"));
      assertTrue(executed.containsAll(List.of("lrange", "hget", "smembers")), executed.toString());
      List<String> writes = new ArrayList<>(executed);
      writes.retainAll(WRITE_COMMANDS);
      assertEquals(List.of(), writes, "write commands seen: " + executed);
      assertEquals(keys, admin.dbSize());
      admin.flushDB(); // leave the server empty for the fixture test
    }
  }

  /** Command names from INFO commandstats lines such as "cmdstat_hgetall:calls=3,...". */
  static List<String> commandsIn(String info) {
    List<String> names = new ArrayList<>();
    for (String line : info.split("\r?\n")) {
      if (line.startsWith("cmdstat_")) {
        // Subcommands show as cmdstat_config|resetstat; the write check needs the command.
        names.add(line.substring("cmdstat_".length(), line.indexOf(':')).split("\\|")[0]);
      }
    }
    return names;
  }
}
