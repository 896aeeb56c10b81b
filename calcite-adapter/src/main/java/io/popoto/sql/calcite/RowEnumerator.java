package io.popoto.sql.calcite;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.linq4j.Enumerator;
import redis.clients.jedis.Jedis;

/**
 * Streams rows: pulls a batch of candidate keys, fetches their hashes in one pipeline (keys
 * without a hash are dropped there), and holds only that batch in memory. A pooled connection is
 * borrowed for each batch and returned before its rows are handed out, so nothing stays borrowed
 * when the consumer fails, stops early or never closes; the cancel flag is checked per batch.
 */
final class RowEnumerator implements Enumerator<Object[]> {
  private final RedisSource source;
  private final KeySource keys;
  private final HashFetcher fetcher;
  private final long rowLimit;
  private final java.util.function.Predicate<Object[]> accept;
  private final AtomicBoolean cancel;
  private long emitted;
  /** Keys taken from the source whose rows are not fetched yet (kept for a retried batch). */
  private List<String> pending;
  private Iterator<Object[]> batch = java.util.Collections.emptyIterator();
  private Object[] current;
  private boolean exhausted;

  /**
   * @param rowLimit stop after this many rows; null for no limit
   * @param accept the rows to emit; null for all
   * @param cancel the statement's cancel flag; null when there is none
   */
  RowEnumerator(RedisSource source, KeySource keys, HashFetcher fetcher, Integer rowLimit,
      java.util.function.Predicate<Object[]> accept, AtomicBoolean cancel) {
    this.source = source;
    this.keys = keys;
    this.fetcher = fetcher;
    this.rowLimit = rowLimit == null ? Long.MAX_VALUE : rowLimit;
    this.accept = accept;
    this.cancel = cancel;
  }

  @Override
  public Object[] current() {
    return current;
  }

  @Override
  public boolean moveNext() {
    while (true) {
      if (emitted >= rowLimit) {
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
      Cancellation.check(cancel);
      List<Object[]> rows = source.read(this::nextBatch, cancel);
      if (rows == null) {
        exhausted = true;
        return false;
      }
      batch = rows.iterator();
    }
  }

  /** The next batch's rows, or null at the end; repeatable after a lost connection. */
  private List<Object[]> nextBatch(Jedis jedis) {
    if (pending == null) {
      pending = keys.next(jedis);
      if (pending == null) {
        return null;
      }
    }
    List<Object[]> rows = fetcher.fetch(jedis, pending);
    pending = null;
    return rows;
  }

  @Override
  public void reset() {
    throw new UnsupportedOperationException("reset");
  }

  @Override
  public void close() {
    // nothing is held between batches
    batch = java.util.Collections.emptyIterator();
    exhausted = true;
  }
}
