package io.popoto.sql.calcite;

import java.util.Iterator;
import java.util.List;
import org.apache.calcite.linq4j.Enumerator;
import redis.clients.jedis.Jedis;

/**
 * Streams rows: pulls a batch of candidate keys, fetches their hashes in one pipeline (keys
 * without a hash are dropped there), and holds only that batch in memory. The pooled connection is
 * borrowed on the first move and returned on close or exhaustion.
 */
final class RowEnumerator implements Enumerator<Object[]> {
  private final RedisSource source;
  private final KeySource keys;
  private final HashFetcher fetcher;
  private final long rowLimit;
  private final java.util.function.Predicate<Object[]> accept;
  private long emitted;
  private Jedis jedis;
  private Iterator<Object[]> batch = java.util.Collections.emptyIterator();
  private Object[] current;
  private boolean exhausted;

  /**
   * @param rowLimit stop after this many rows; null for no limit
   * @param accept the rows to emit; null for all
   */
  RowEnumerator(RedisSource source, KeySource keys, HashFetcher fetcher, Integer rowLimit,
      java.util.function.Predicate<Object[]> accept) {
    this.source = source;
    this.keys = keys;
    this.fetcher = fetcher;
    this.rowLimit = rowLimit == null ? Long.MAX_VALUE : rowLimit;
    this.accept = accept;
  }

  @Override
  public Object[] current() {
    return current;
  }

  @Override
  public boolean moveNext() {
    while (true) {
      if (emitted >= rowLimit) {
        close();
        return false;
      }
      if (batch.hasNext()) {
        current = batch.next();
        if (accept != null && !accept.test(current)) {
          continue;
        }
        emitted++;
        return true;
      }
      if (exhausted) {
        return false;
      }
      if (jedis == null) {
        jedis = source.borrow();
      }
      List<String> next = keys.next(jedis);
      if (next == null) {
        exhausted = true;
        close();
        return false;
      }
      batch = fetcher.fetch(jedis, next).iterator();
    }
  }

  @Override
  public void reset() {
    throw new UnsupportedOperationException("reset");
  }

  @Override
  public void close() {
    if (jedis != null) {
      jedis.close();
      jedis = null;
    }
  }
}
