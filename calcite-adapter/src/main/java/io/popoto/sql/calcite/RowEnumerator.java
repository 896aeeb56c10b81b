package io.popoto.sql.calcite;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.linq4j.Enumerator;
import redis.clients.jedis.Jedis;

/**
 * Streams rows: pulls a batch of candidate keys, fetches their hashes in one pipeline (keys
 * without a hash are dropped there), and holds only that batch in memory (and, with overlap,
 * the next one). A pooled connection is borrowed for each batch and returned before its rows
 * are handed out, so nothing stays borrowed when the consumer fails, stops early or never
 * closes; the cancel flag is checked per batch.
 *
 * <p><b>Read ahead</b> (overlap). From the second batch on, the batch after the one handed out
 * is read by a background task while the consumer works through the rows: without it Redis
 * idles while Calcite and the application handle each batch ({@link #readAhead}). The task is
 * one ordinary step on its own borrowed connection, so it too leaves nothing in flight or
 * borrowed when it ends, and the consumer waits for it (a cancel or timeout stops that wait)
 * before the next step, so the read's state is never touched by two threads at once.
 *
 * <p><b>Overlap</b> ({@code overlap=true}, the default). A sequential reader leaves Redis idle
 * while it decodes and the client idle while Redis works. Here, from the second batch on (a
 * consumer that asks for a second batch is reading on; a LIMIT met by the first batch sends
 * nothing more than the sequential reader would), each read writes the <em>next</em> batch's
 * commands before it decodes the current one, all on one connection:
 *
 * <pre>
 *   write  [SSCAN page k+1] [HMGET batch k]   (the page first: its reply comes first)
 *   read   page k+1;  write [HMGET batch k+1] [SSCAN page k+2]
 *   decode batch k, reply by reply           (Redis answers batch k+1 meanwhile)
 *   read   batch k+1's replies undecoded, then page k+2
 * </pre>
 *
 * and the next read starts with batch k+1's replies in memory and writes batch k+2's commands
 * before decoding them. Every reply is read before the connection goes back to the pool, so a
 * step never leaves a reply in flight once it ends (an abandoned
 * ResultSet holds no connection, and a cancel, a timeout or a failure finds nothing half-read
 * to clean up beyond the step it interrupts: {@link ReplyStream#within} drains or discards).
 * At most three batches are held: the one handed out, the one read ahead and the next one's
 * replies. The commands
 * and round trips counted are the sequential reader's (a batch still counts as one round trip).
 * Key sources that can only tell their next batch with a blocking read ({@link
 * KeySource#ahead} null) are read as before, each batch still decoded as its replies arrive.
 *
 * <p>A lost connection is retried once per batch on a fresh one ({@link RedisSource#read}): a
 * batch whose replies were all read keeps them, one with replies missing is sent again whole,
 * and a key page is taken only once its reply is read, so a retry neither repeats nor drops a
 * row.
 */
final class RowEnumerator implements Enumerator<Object[]> {
  private final RedisSource source;
  private final KeySource keys;
  private final HashFetcher fetcher;
  private final long rowLimit;
  private final java.util.function.Predicate<Object[]> accept;
  private final AtomicBoolean cancel;
  private long emitted;
  private long batches;
  /** The batch whose rows are handed out next: not sent yet, or its replies all read. */
  private HashFetcher.Batch pending;
  /** The batch after it, sent ahead (overlap only). */
  private HashFetcher.Batch following;
  /** Keys of a later batch, read ahead from the key source and not fetched yet. */
  private List<String> nextKeys;
  private boolean keysDone;
  private Iterator<Object[]> batch = java.util.Collections.emptyIterator();
  private Object[] current;
  private boolean exhausted;
  /** The next batch's rows, being read by a background task (overlap only), or null. */
  private Future<List<Object[]>> readAhead;
  /** {@link #emitted} when the running step began (a task must not read the live count). */
  private long emittedAtStep;

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
      if (exhausted || readAhead == null && nothingLeft()) {
        exhausted = true;
        return false;
      }
      Cancellation.check(cancel);
      List<Object[]> rows;
      if (readAhead != null) {
        rows = awaitReadAhead();
      } else {
        emittedAtStep = emitted;
        rows = source.read(this::nextBatch, cancel);
      }
      if (rows == null) {
        exhausted = true;
        return false;
      }
      batches++;
      batch = rows.iterator();
      readAhead(rows.size());
    }
  }

  /**
   * From the second batch on (a consumer that asks for a second batch is reading on), the
   * batch after the one just handed out is read by a background task while the consumer works
   * through this one: Redis answers it meanwhile, rather than idling until the consumer asks.
   * The task is one ordinary step ({@link RedisSource#read}): it borrows a connection, reads the
   * batch to its last reply and returns the connection, so nothing stays borrowed or in flight
   * once it ends, whether or not the consumer ever comes back for the rows. One task at a time;
   * the consumer waits for it before touching the read's state, so the two never share it.
   */
  private void readAhead(int handedOut) {
    if (!fetcher.streaming() || batches < 2 || emitted + handedOut >= rowLimit || nothingLeft()) {
      return;
    }
    emittedAtStep = emitted + handedOut;
    readAhead = ReadAhead.start(() -> source.read(this::nextBatch, cancel));
  }

  /** The batch read ahead; a cancel or timeout stops the wait (and breaks the task's read). */
  private List<Object[]> awaitReadAhead() {
    Future<List<Object[]>> task = readAhead;
    readAhead = null;
    try {
      return ReadAhead.await(task, cancel);
    } catch (RuntimeException | Error e) {
      exhausted = true;
      throw e;
    }
  }

  /** The next batch's rows, or null at the end; repeatable after a lost connection. */
  private List<Object[]> nextBatch(Jedis jedis) {
    if (pending == null) {
      if (following != null) {
        pending = following;
        following = null;
      } else {
        List<String> k = takeKeys(jedis);
        if (k == null) {
          return null;
        }
        pending = fetcher.batch(k);
      }
    }
    return ReplyStream.within(jedis, this::read);
  }

  /** Whether the end is known without a read: no batch pending or read ahead, no keys left. */
  private boolean nothingLeft() {
    return pending == null && following == null && nextKeys == null
        && (keysDone || keys.drained());
  }

  /** Keys read ahead, else the key source's next batch (nothing is in flight here). */
  private List<String> takeKeys(Jedis jedis) {
    if (nextKeys != null) {
      List<String> k = nextKeys;
      nextKeys = null;
      return k;
    }
    if (keysDone) {
      return null;
    }
    List<String> k = keys.next(jedis);
    keysDone = k == null;
    return k;
  }

  /** One step: {@code pending}'s rows, with the next batch sent ahead when worth it. */
  private List<Object[]> read(ReplyStream stream) {
    HashFetcher.Batch now = pending;
    boolean ahead = fetcher.streaming() && batches > 0
        && emittedAtStep + now.keys.size() < rowLimit;
    KeySource.Ahead page = null;
    if (ahead && following == null && nextKeys == null && !keysDone) {
      page = keys.ahead(stream); // written first, so its reply is read first
    }
    if (!now.complete()) {
      fetcher.send(stream, now);
    }
    KeySource.Ahead afterFollowing = null;
    if (ahead) {
      if (page != null) {
        nextKeys = taken(page.keys());
      }
      if (following == null && nextKeys != null) {
        following = fetcher.batch(nextKeys);
        nextKeys = null;
      }
      if (following != null && !following.complete()) {
        fetcher.send(stream, following);
        if (!keysDone && nextKeys == null) {
          afterFollowing = keys.ahead(stream);
        }
      }
    }
    stream.flush(); // what was sent ahead reaches Redis before the decoding starts
    if (!fetcher.streaming()) {
      fetcher.readAll(stream, now);
    }
    fetcher.decode(stream, now); // reply by reply, while Redis answers what follows
    if (following != null && !following.complete()) {
      fetcher.readAll(stream, following);
    }
    if (afterFollowing != null) {
      nextKeys = taken(afterFollowing.keys());
    }
    List<Object[]> rows = fetcher.finish(stream, now);
    pending = null;
    return rows;
  }

  /** A page read ahead; null marks the end of the key source. */
  private List<String> taken(List<String> page) {
    if (page == null) {
      keysDone = true;
    }
    return page;
  }

  @Override
  public void reset() {
    throw new UnsupportedOperationException("reset");
  }

  @Override
  public void close() {
    // nothing is held between batches; a batch being read ahead ends on its own and is dropped
    readAhead = null;
    batch = java.util.Collections.emptyIterator();
    exhausted = true;
  }
}
