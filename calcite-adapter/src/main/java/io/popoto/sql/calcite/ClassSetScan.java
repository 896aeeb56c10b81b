package io.popoto.sql.calcite;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Pages through {@code $Class:<Model>} with SSCAN. SSCAN may return a member twice when the set
 * is resized during the scan; a set of 64-bit key hashes (a few bytes per row, unlike the keys)
 * drops those repeats so a concurrent writer cannot make a row appear twice.
 */
final class ClassSetScan implements KeySource {
  private final RedisSource source;
  private final String classSet;
  private final ScanParams params;
  private final Set<Long> seen = new HashSet<>();
  private String cursor = ScanParams.SCAN_POINTER_START;
  private boolean done;

  ClassSetScan(RedisSource source, String classSet, int batchSize) {
    this.source = source;
    this.classSet = classSet;
    this.params = new ScanParams().count(batchSize);
  }

  @Override
  public List<String> next(Jedis jedis) {
    while (!done) {
      ScanResult<String> page = RedisReplies.call(source, "SSCAN", classSet,
          () -> jedis.sscan(classSet, cursor, params));
      source.recordRoundTrip("SSCAN");
      cursor = page.getCursor();
      done = ScanParams.SCAN_POINTER_START.equals(cursor);
      List<String> fresh = new ArrayList<>(page.getResult().size());
      for (String key : page.getResult()) {
        if (seen.add(hash64(key))) {
          fresh.add(key);
        }
      }
      if (!fresh.isEmpty()) {
        return fresh;
      }
    }
    return null;
  }

  private static long hash64(String s) {
    long h = 0xcbf29ce484222325L; // FNV-1a over UTF-16 units
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return h ^ ((long) s.hashCode() << 32);
  }
}
