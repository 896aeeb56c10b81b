package io.popoto.sql.calcite;

import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Pages through {@code $Class:<Model>} with SSCAN. SSCAN may return a member twice when the set
 * is resized during the scan; a {@link FingerprintSet} (at most 16 bytes per row, unlike the
 * keys) drops those repeats so a concurrent writer cannot make a row appear twice.
 */
final class ClassSetScan implements KeySource {
  private final RedisSource source;
  private final String classSet;
  private final ScanParams params;
  private final FingerprintSet seen = new FingerprintSet();
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
        if (seen.add(key)) {
          fresh.add(key);
        }
      }
      if (!fresh.isEmpty()) {
        return fresh;
      }
    }
    return null;
  }

  /** Bytes the de-duplication holds so far (at most 16 per key handed out). */
  long seenBytes() {
    return seen.tableBytes();
  }
}
