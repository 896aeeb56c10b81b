package io.popoto.sql.calcite;

import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import org.apache.calcite.linq4j.Enumerator;
import redis.clients.jedis.Jedis;

/**
 * Streams rows: pulls a batch of candidate keys, fetches their hashes in one pipeline, keeps the
 * rows that pass the re-check, and holds only that batch in memory. The pooled connection is
 * borrowed on the first move and returned on close or exhaustion.
 */
final class RowEnumerator implements Enumerator<Object[]> {
  private final RedisSource source;
  private final KeySource keys;
  private final HashFetcher fetcher;
  private final Predicate<Object[]> recheck;
  private Jedis jedis;
  private Iterator<Object[]> batch = java.util.Collections.emptyIterator();
  private Object[] current;
  private boolean exhausted;

  RowEnumerator(RedisSource source, KeySource keys, HashFetcher fetcher,
      Predicate<Object[]> recheck) {
    this.source = source;
    this.keys = keys;
    this.fetcher = fetcher;
    this.recheck = recheck;
  }

  @Override
  public Object[] current() {
    return current;
  }

  @Override
  public boolean moveNext() {
    while (true) {
      while (batch.hasNext()) {
        Object[] row = batch.next();
        if (recheck.test(row)) {
          current = row;
          return true;
        }
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
