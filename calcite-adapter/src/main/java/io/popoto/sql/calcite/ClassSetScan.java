package io.popoto.sql.calcite;

import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.CommandObject;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;
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
  private final int batchSize;
  /** Pages taken: the next one's COUNT is {@link BatchSizes#of} this many in. */
  private int pages;
  private final FingerprintSet seen = new FingerprintSet();
  private String cursor = ScanParams.SCAN_POINTER_START;
  private boolean done;

  ClassSetScan(RedisSource source, String classSet, int batchSize) {
    this.source = source;
    this.classSet = classSet;
    this.batchSize = batchSize;
  }

  @Override
  public List<String> next(Jedis jedis) {
    while (!done) {
      ScanResult<String> page = RedisReplies.call(source, "SSCAN", classSet,
          () -> jedis.sscan(classSet, cursor, params()));
      List<String> fresh = accept(page);
      if (!fresh.isEmpty()) {
        return fresh;
      }
    }
    return null;
  }

  /** The next page's SSCAN, written now; the cursor moves when its reply is read. */
  @Override
  public Ahead ahead(ReplyStream stream) {
    if (done) {
      return () -> null;
    }
    CommandObject<ScanResult<String>> sscan = ReplyStream.COMMANDS.sscan(classSet, cursor,
        params());
    stream.send(sscan);
    return () -> {
      Object reply = stream.next(sscan);
      if (reply instanceof JedisDataException e) {
        throw RedisReplies.refused(source, "SSCAN", classSet, e);
      }
      @SuppressWarnings("unchecked")
      List<String> fresh = accept((ScanResult<String>) reply);
      return fresh.isEmpty() && done ? null : fresh;
    };
  }

  private ScanParams params() {
    return new ScanParams().count(BatchSizes.of(batchSize, pages));
  }

  /** Takes one page: moves the cursor, and returns the members not seen before. */
  private List<String> accept(ScanResult<String> page) {
    source.recordRoundTrip("SSCAN");
    pages++;
    cursor = page.getCursor();
    done = ScanParams.SCAN_POINTER_START.equals(cursor);
    List<String> fresh = new ArrayList<>(page.getResult().size());
    for (String key : page.getResult()) {
      if (seen.add(key)) {
        fresh.add(key);
      }
    }
    return fresh;
  }

  /** Bytes the de-duplication holds so far (at most 16 per key handed out). */
  long seenBytes() {
    return seen.tableBytes();
  }
}
