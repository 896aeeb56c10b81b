package io.popoto.sql.calcite;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.linq4j.Enumerator;
import redis.clients.jedis.Jedis;

/**
 * Streams rows: pulls a batch of candidate keys, fetches their hashes in one pipeline (keys
 * without a hash are dropped there), and holds only a few batches in memory. Nothing stays
 * borrowed when the consumer fails, stops early or never closes; the cancel flag is checked per
 * batch.
 *
 * <p><b>The first batches</b> are read on the consumer's thread, one step each: a connection
 * is borrowed for the step and returned before its rows are handed out. From the second step on
 * (a consumer that asks for a second batch is reading on; a LIMIT met by the first batch sends
 * nothing more than the sequential reader would; a batched join's inner side, read to its end,
 * does so from its first step, {@link #wholeRead}), a step writes the <em>next</em> batch's
 * commands before it decodes the current one, so Redis answers them meanwhile:
 *
 * <pre>
 *   write  [SSCAN page k+1] [HMGET batch k]   (the page first: its reply comes first)
 *   read   page k+1;  write [HMGET batch k+1] [SSCAN page k+2]
 *   decode batch k, reply by reply           (Redis answers batch k+1 meanwhile)
 *   read   batch k+1's replies undecoded, then page k+2
 * </pre>
 *
 * and every reply is read before the connection goes back to the pool. A read whose consumer
 * gathers every row before using any (a batched join's inner side, {@link Gathering}) runs the
 * task's loop on the consumer's thread instead ({@link #gathered}).
 *
 * <p><b>Read ahead</b> (overlap). After the second batch (a one-row parent's children, streamed
 * by a batched join: the first), a background task reads on while the consumer works through
 * the rows ({@link #readAhead}): on one borrowed connection, with the next batch always in
 * flight ({@link #run}), so Redis never waits for the client between two batches, nor for the
 * consumer, nor for a hand-over between threads. The task queues each
 * batch's rows; while one waits unclaimed it waits ({@value #AHEAD} at most), and it stops when
 * none is taken for 100 ms, at the end, at the row limit, on a close or a cancel; it then reads
 * what is still in flight, undecoded, and returns the connection, so an abandoned ResultSet
 * holds nothing. At most four batches are held: the one waiting, the one handed out, the one
 * being decoded and the one in flight. The task holds the read's state while it runs; its last
 * item in the queue (the end, "stopped", or its failure) hands the state back, and the consumer
 * touches the state only after taking it.
 *
 * <p>The commands and round trips counted are the sequential reader's (a batch still counts as
 * one round trip). Key sources that can only tell their next batch with a blocking read
 * ({@link KeySource#ahead} null) are read one batch at a time, each batch still decoded as its
 * replies arrive. With {@code overlap=false} a batch is sent, read whole and decoded, one at a
 * time, on the consumer's thread.
 *
 * <p>A lost connection is retried once on a fresh one ({@link RedisSource#read}): a batch whose
 * replies were all read keeps them, one with replies missing is sent again whole, and a key page
 * is taken only once its reply is read, so a retry neither repeats nor drops a row. A failure
 * anywhere ({@link ReplyStream#within} reads or discards what is in flight) reaches the consumer
 * after the rows read before it.
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
  /**
   * Batches that may wait for the consumer: a task waits while this many do ({@link
   * #roomAhead}), with the next batch in flight, and stops if none is taken for a while. One:
   * a scan that ran further ahead only competed, for Redis and for the two cores, with the
   * reads a join above it was waiting for.
   */
  private static final int AHEAD = 1;
  /** How long a task waits for the consumer to take a batch before it stops. */
  private static final long ROOM_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  /** A task's last item when the read is used up. */
  private static final Object END = new Object();
  /**
   * A task's last item when it stopped short of the end (no batch taken for a while, a close, a
   * cancel, the row limit): the read's state is the consumer's again.
   */
  private static final Object STOPPED = new Object();
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
  /** Steps read so far, by whoever holds the read's state: the first sends nothing ahead. */
  private long steps;
  /**
   * The consumer's own mark (no other thread reads it): a task it started holds the read's state
   * until the consumer takes that task's last item ({@link #END}, {@link #STOPPED} or its
   * failure), which the task queues once it is done with the state and its connection. So the
   * consumer waits on the queue alone, and wakes the moment a task stops, however that task's
   * thread is scheduled.
   */
  private boolean taskHolds;
  /** Set by a task that queued {@link #END} (tests). */
  private volatile boolean ended;
  /** Set by {@link #close}: a task reading ahead stops after its step. */
  private volatile boolean closed;
  /**
   * What the task has read, oldest first: row lists (at most {@value #AHEAD} wait), then
   * {@link #END}, {@link #STOPPED} or the failure that stopped it. Made when the first task
   * starts: a point lookup never needs one.
   */
  private BlockingQueue<Object> ready;
  /**
   * Rows the consumer will have before the batch being read: {@link #emitted} when the consumer
   * reads it, the task's own count (what is handed out and queued) when the task does; a step
   * must not read the live count, which the consumer moves meanwhile.
   */
  private long reached;

  /**
   * Whether the read overlaps from its first step: a batched join's inner side, which the join
   * reads to its end (its own read ahead, not a LIMIT, decides how much is read). Every inner
   * read of a join over all parents began with a step of its own with nothing sent ahead, and
   * with two such reads at a time Redis waited for both.
   */
  private final boolean wholeRead;

  /**
   * Set when the consumer gathers every row before using any ({@link Gathering}): the whole read
   * then runs on the consumer's thread at its first {@link #moveNext}, on one connection, with
   * the next batch always in flight ({@link #run}, as a task reads), and no task or hand-over;
   * it stops early when this says the consumer wants no more. Null otherwise.
   */
  private final java.util.function.BooleanSupplier gathered;

  /**
   * @param rowLimit stop after this many rows; null for no limit
   * @param accept the rows to emit; null for all
   * @param cancel the statement's cancel flag; null when there is none
   * @param wholeRead whether the consumer reads to the end ({@link #wholeRead})
   * @param gathered the consumer's stop signal when it gathers every row ({@link #gathered}),
   *     else null
   */
  RowEnumerator(RedisSource source, KeySource keys, HashFetcher fetcher, Integer rowLimit,
      java.util.function.Predicate<Object[]> accept, AtomicBoolean cancel, boolean wholeRead,
      java.util.function.BooleanSupplier gathered) {
    this.source = source;
    this.keys = keys;
    this.fetcher = fetcher;
    this.rowLimit = rowLimit == null ? Long.MAX_VALUE : rowLimit;
    this.accept = accept;
    this.cancel = cancel;
    this.wholeRead = wholeRead;
    this.gathered = fetcher.streaming() ? gathered : null;
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
      List<Object[]> rows = gathered != null ? gather() : nextRows();
      if (rows == null) {
        exhausted = true;
        return false;
      }
      batches++;
      batch = rows.iterator();
      if (gathered != null) {
        exhausted = true; // the whole read, or what the consumer wanted of it
      } else {
        readAhead(rows.size());
      }
    }
  }

  /**
   * The next batch: the oldest one read ahead, waiting on the queue while a task holds the read
   * (a cancel or timeout stops the wait, and breaks the task's read); once the task's last item
   * is taken, read here. Null at the end.
   */
  private List<Object[]> nextRows() {
    try {
      while (true) {
        if (taskHolds) {
          Object item = ready.poll(20, TimeUnit.MILLISECONDS); // a cancel is checked meanwhile
          if (item == null) {
            Cancellation.check(cancel);
            continue;
          }
          if (item instanceof List<?>) {
            madeRoom();
          } else {
            taskHolds = false; // the task's last item: the state is this thread's again
            if (item == STOPPED) {
              continue;
            }
          }
          try {
            return unwrap(item);
          } catch (RuntimeException | Error e) {
            exhausted = true;
            throw e;
          }
        }
        if (nothingLeft()) {
          return null;
        }
        reached = emitted;
        return source.read(this::nextBatch, cancel);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Cancellation.canceled();
    }
  }

  /**
   * The whole read, on this thread ({@link #gathered}): one connection, batch after batch with
   * the next in flight, until the end, the row limit, or a stop (a close, a cancel, the
   * consumer's signal); a lost connection reads on from where it was on a fresh one.
   */
  private List<Object[]> gather() {
    List<Object[]> all = new java.util.ArrayList<>();
    if (gathered.getAsBoolean()) {
      // the consumer stopped while this read was being set up (a join closed while the task
      // reading ahead for it was starting): a read that begins after that borrows nothing
      return all;
    }
    reached = emitted;
    Object last = source.read(jedis -> ReplyStream.within(jedis, s -> run(jedis, s, rows -> {
      all.addAll(rows);
      return !stopAsked() && !gathered.getAsBoolean();
    })), cancel);
    if (last instanceof List<?> rows) {
      all.addAll(unwrap(rows));
    }
    Cancellation.check(cancel);
    return all;
  }

  /** A queued item's rows; null for the end; the task's failure is thrown as it was. */
  @SuppressWarnings("unchecked")
  private static List<Object[]> unwrap(Object item) {
    if (item == END) {
      return null;
    }
    if (item instanceof RuntimeException e) {
      throw e;
    }
    if (item instanceof Error e) {
      throw e;
    }
    return (List<Object[]>) item;
  }

  /**
   * Starts the task that reads ahead ({@link #produce}), from the second batch on, unless one
   * holds the read, the row limit is met or nothing is left.
   */
  private void readAhead(int handedOut) {
    if (taskHolds || closed || !fetcher.streaming() || batches < (wholeRead ? 1 : 2)) {
      return;
    }
    long start = emitted + handedOut; // nothing is queued: the last task's last item was taken
    if (start >= rowLimit || nothingLeft()) {
      return;
    }
    if (ready == null) {
      ready = new LinkedBlockingQueue<>(); // before the task starts: it is the task's to fill
    }
    taskHolds = true;
    try {
      ReadAhead.start(() -> produce(start));
    } catch (RuntimeException | Error e) {
      taskHolds = false; // no thread to run it: the consumer reads on by itself
    }
  }

  /**
   * The task: reads on one connection until it must stop ({@link #run}), then queues its last
   * item once the connection is back and the read's state is no longer touched: {@link #END}
   * when the read is used up (right behind its last batch), else {@link #STOPPED}, or the
   * failure that stopped it.
   */
  private Void produce(long emittedSoFar) {
    reached = emittedSoFar;
    Object last;
    try {
      Object rows = source.read(jedis -> ReplyStream.within(jedis, s -> run(jedis, s, batch -> {
        ready.add(batch);
        return roomAhead();
      })), cancel);
      if (rows != null && rows != END) {
        ready.add(rows); // the last batch of this run
      }
      last = rows == END || nothingLeft() ? END : STOPPED;
    } catch (RuntimeException | Error e) {
      last = e; // the read's state is not to be read on from
    }
    ended = last == END;
    ready.add(last);
    return null;
  }

  /**
   * Waits, at most {@link #ROOM_WAIT_NANOS}, while {@value #AHEAD} batches wait for the consumer;
   * false when the task should stop instead (the consumer is slow, gone, closed or cancelled).
   * Waiting rather than stopping at once spares a consumer that is a little slower than Redis a
   * stop and a restart per batch.
   */
  private boolean roomAhead() {
    long deadline = System.nanoTime() + ROOM_WAIT_NANOS;
    synchronized (ready) {
      while (ready.size() >= AHEAD) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || stopAsked()) {
          return false;
        }
        try {
          ready.wait(Math.max(1, Math.min(20, left / 1_000_000))); // re-checks the cancel flag
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return !stopAsked();
  }

  /** Wakes a task waiting in {@link #roomAhead}. */
  private void madeRoom() {
    if (ready != null) {
      synchronized (ready) {
        ready.notifyAll();
      }
    }
  }

  /** Whether the task must stop: the consumer closed, or the statement was cancelled. */
  private boolean stopAsked() {
    return closed || cancel != null && cancel.get();
  }

  /**
   * The task's reading, on one connection: batch after batch with the next one always in
   * flight, as the overlapped floor reads. Each step reads the key page that was written before
   * the pending batch's commands, writes the following batch's commands (after the page for the
   * batch after it), and only then decodes the pending batch as its replies arrive, so Redis
   * has a batch queued while the client decodes and never waits for the client between two:
   *
   * <pre>
   *   read   page k+1            (written before batch k's HMGETs)
   *   write  [SSCAN page k+2] [HMGET batch k+1]
   *   decode batch k, reply by reply
   * </pre>
   *
   * It queues each batch's rows, waits while a batch waits unclaimed ({@link #roomAhead}), and
   * stops when none is taken for a while, at the end, at the row limit, or when asked ({@link
   * #stopAsked}); then it reads what is still in flight into the batch it belongs to (undecoded:
   * the next step decodes it from memory), so the connection goes back with nothing in flight.
   * At the end and at the row limit it returns its last batch ({@link #END} when the end came
   * with none), for {@link #produce} to queue once the connection is back, followed by the
   * task's last item, so a consumer that ends on them finds nothing borrowed. A batch with
   * all-nil answers settles them with HLEN, which needs nothing else in flight: what was sent
   * ahead is read first. A lost connection
   * runs this again on a fresh one: the page in flight is asked for again (the cursor moves only
   * when its reply is read), and a batch with replies missing is sent again whole.
   */
  private Object run(Jedis jedis, ReplyStream stream, HandOut handOut) {
    promoteFollowing();
    if (pending != null && !pending.complete()) {
      fetcher.send(stream, pending);
    }
    if (following != null && !following.complete()) {
      fetcher.send(stream, following);
    }
    KeySource.Ahead page = null; // its reply comes after the pending batch's
    while (true) {
      if (stopAsked()) {
        settle(stream, page);
        return null;
      }
      if (page != null) { // written before the pending batch (or after the last one)
        nextKeys = taken(page.keys());
        page = null;
      }
      if (pending == null) { // nothing in flight: the key source may block
        List<String> k = takeKeys(jedis);
        if (k == null) {
          return END;
        }
        pending = fetcher.batch(k);
        if (nextKeys == null && !keysDone && reached + pending.keys.size() < rowLimit) {
          page = keys.ahead(stream); // before the batch: its reply first, read right away
        }
        fetcher.send(stream, pending);
        if (page != null) { // so the batch after this one goes out before this one is decoded
          nextKeys = taken(page.keys());
          page = null;
        }
      }
      if (reached + pending.keys.size() < rowLimit && following == null) {
        if (nextKeys != null) {
          following = fetcher.batch(nextKeys);
          nextKeys = null;
          page = keysDone ? null : keys.ahead(stream); // before the batch: its reply first
          fetcher.send(stream, following);
        } else if (!keysDone) {
          page = keys.ahead(stream);
        }
      }
      stream.flush();
      fetcher.decode(stream, pending);
      if (fetcher.unsettled(pending) && stream.outstanding() > 0) {
        settle(stream, page); // HLEN must not wait behind what was sent ahead
        page = null;
      }
      List<Object[]> rows = fetcher.finish(stream, pending);
      steps++;
      pending = following;
      following = null;
      reached += rows.size();
      if (reached >= rowLimit || nothingLeft() && page == null) {
        settle(stream, page);
        return rows; // the last of this run, queued by produce
      }
      if (!handOut.rows(rows)) {
        settle(stream, page);
        return null;
      }
    }
  }

  /** Where {@link #run} puts each batch but its last: false when the reading should stop. */
  @FunctionalInterface
  private interface HandOut {
    boolean rows(List<Object[]> rows);
  }

  /**
   * Reads what is in flight into where it belongs, in the order it was written: the page, then
   * the pending batch's replies (undecoded). Nothing is in flight after it.
   */
  private void settle(ReplyStream stream, KeySource.Ahead page) {
    if (page != null) {
      nextKeys = taken(page.keys());
    }
    if (pending != null && !pending.complete()) {
      fetcher.readAll(stream, pending);
    }
    if (following != null && !following.complete()) {
      fetcher.readAll(stream, following);
    }
  }

  /** The next batch's rows, or null at the end; repeatable after a lost connection. */
  private List<Object[]> nextBatch(Jedis jedis) {
    promoteFollowing();
    if (pending == null) {
      List<String> k = takeKeys(jedis);
      if (k == null) {
        return null;
      }
      pending = fetcher.batch(k);
    }
    return ReplyStream.within(jedis, this::read);
  }

  /** With no batch pending, the one sent ahead (if any) is the next to hand out. */
  private void promoteFollowing() {
    if (pending == null && following != null) {
      pending = following;
      following = null;
    }
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
    boolean ahead = fetcher.streaming() && (steps > 0 || wholeRead)
        && reached + now.keys.size() < rowLimit;
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
    steps++;
    return rows;
  }

  /** A page read ahead; null marks the end of the key source. */
  private List<String> taken(List<String> page) {
    if (page == null) {
      keysDone = true;
    }
    return page;
  }

  /** Whether a read-ahead task queued the end after its last batch (tests). */
  boolean endQueuedByTask() {
    return ended;
  }

  @Override
  public void reset() {
    throw new UnsupportedOperationException("reset");
  }

  @Override
  public void close() {
    // nothing is held between batches; a task reading ahead stops after its step
    closed = true;
    if (ready != null) {
      ready.clear();
      madeRoom();
    }
    batch = java.util.Collections.emptyIterator();
    exhausted = true;
  }
}
