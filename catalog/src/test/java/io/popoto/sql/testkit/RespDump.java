package io.popoto.sql.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.resps.Tuple;

/**
 * Writes the whole content of a (private, test) Redis as a RESP script that
 * {@link io.popoto.sql.redis.RespScript} replays: keys, members and fields in byte order, so the
 * same data always gives the same bytes. Used to ship a sample written by {@link NativeWriter}
 * as a plain {@code load.redis}, like the 0.8.3 fixture's.
 */
public final class RespDump {
  /** TTLs are rounded up to the hour, so a dump taken a few seconds later is the same. */
  private static final long TTL_STEP_SECONDS = 3600;

  private RespDump() {}

  public static byte[] dump(Jedis jedis) {
    List<byte[]> keys = new ArrayList<>();
    String cursor = ScanParams.SCAN_POINTER_START;
    do {
      ScanResult<byte[]> page = jedis.scan(cursor.getBytes(StandardCharsets.UTF_8),
          new ScanParams().count(1000));
      keys.addAll(page.getResult());
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    keys.sort(Arrays::compareUnsigned);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] key : keys) {
      command(out, utf8("DEL"), key);
      String type = jedis.type(key);
      switch (type) {
        case "hash" -> {
          List<Map.Entry<byte[], byte[]>> entries = new ArrayList<>(jedis.hgetAll(key).entrySet());
          entries.sort(Map.Entry.comparingByKey(Arrays::compareUnsigned));
          List<byte[]> args = new ArrayList<>(List.of(utf8("HSET"), key));
          entries.forEach(e -> {
            args.add(e.getKey());
            args.add(e.getValue());
          });
          command(out, args);
        }
        case "set" -> {
          List<byte[]> members = new ArrayList<>(jedis.smembers(key));
          members.sort(Arrays::compareUnsigned);
          List<byte[]> args = new ArrayList<>(List.of(utf8("SADD"), key));
          args.addAll(members);
          command(out, args);
        }
        case "zset" -> {
          List<Tuple> members = new ArrayList<>(jedis.zrangeWithScores(key, 0, -1));
          members.sort(Comparator.comparing(Tuple::getBinaryElement, Arrays::compareUnsigned));
          List<byte[]> args = new ArrayList<>(List.of(utf8("ZADD"), key));
          for (Tuple t : members) {
            // Double.toString is the shortest text that reads back as the same double.
            args.add(utf8(Double.toString(t.getScore())));
            args.add(t.getBinaryElement());
          }
          command(out, args);
        }
        case "list" -> {
          List<byte[]> args = new ArrayList<>(List.of(utf8("RPUSH"), key));
          args.addAll(jedis.lrange(key, 0, -1));
          command(out, args);
        }
        case "string" -> command(out, utf8("SET"), key, jedis.get(key));
        default -> throw new IllegalStateException("cannot dump a " + type);
      }
      long ttl = jedis.ttl(key);
      if (ttl > 0) {
        long rounded = (ttl + TTL_STEP_SECONDS - 1) / TTL_STEP_SECONDS * TTL_STEP_SECONDS;
        command(out, utf8("EXPIRE"), key, utf8(Long.toString(rounded)));
      }
    }
    return out.toByteArray();
  }

  private static void command(ByteArrayOutputStream out, byte[]... args) {
    command(out, Arrays.asList(args));
  }

  private static void command(ByteArrayOutputStream out, List<byte[]> args) {
    out.writeBytes(utf8("*" + args.size() + "\r\n"));
    for (byte[] a : args) {
      out.writeBytes(utf8("$" + a.length + "\r\n"));
      out.writeBytes(a);
      out.writeBytes(utf8("\r\n"));
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
