package io.popoto.sql.calcite;

import java.util.AbstractList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.JoinType;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.linq4j.function.Function1;
import org.apache.calcite.linq4j.function.Function2;
import org.apache.calcite.linq4j.function.Predicate2;

/**
 * The run-time half of {@link PopotoBatchJoin} when its condition holds an equality of one outer
 * and one inner column: Calcite's batched correlate tests every inner row of a batch against
 * each of the batch's outer rows (100 predicate calls per inner row, two thirds of a full-table
 * join's CPU); here the batch's inner rows are grouped by that column and each outer row is
 * tested only against the inner rows with its value. The whole condition is still evaluated on
 * each such pair, so the key is only a filter that the condition implies.
 *
 * <p>The rows come out exactly as from {@code EnumerableDefaults.correlateBatchJoin}: batch by
 * batch, outer rows in their order, each with its matches in the inner rows' order; a LEFT row
 * without a match once with nulls, a SEMI row once with its first match, an ANTI row once when
 * nothing matches. The same short last batch is padded with its first row.
 */
public final class KeyedBatchJoin {
  private KeyedBatchJoin() {
  }

  /**
   * @param readAhead whether later batches' inner sides may be read ahead
   * @param byKeyOnly whether the inner side depends on the outer row only through its key (the
   *     join's only correlated column is the outer key column): then the inner rows of a key,
   *     once read, serve every later outer row with that key ({@link Batches})
   */
  public static <L, R, T> Enumerable<T> join(JoinType joinType, Enumerable<L> outer,
      Function1<List<L>, Enumerable<R>> inner, Function2<L, R, T> selector,
      Predicate2<L, R> condition, int batchSize, Function1<L, Object> outerKey,
      Function1<R, Object> innerKey, boolean readAhead, boolean byKeyOnly) {
    return new AbstractEnumerable<T>() {
      @Override
      public Enumerator<T> enumerator() {
        return new Batches<>(joinType, outer.enumerator(), inner, selector, condition,
            batchSize, outerKey, innerKey, readAhead, byKeyOnly);
      }
    };
  }

  /**
   * Batches whose inner sides are read ahead, from the first batch on: each inner read is a
   * round trip or more, and with one batch at a time a join of many batches waits for each in
   * turn (Calcite's join is sequential too). Two later batches are read by background tasks
   * ({@link ReadAhead}) while this one is joined, so their round trips overlap, and a third
   * waits for the first of them to end, which goes on with it ({@link #readAheadUpTo}); from
   * the first batch, because the first two batches read alone left Redis waiting at the start
   * of a join over all parents: the second batch beside the first batch's own read and the
   * third waiting for it, the others once the first is in. So at most four batches' inner sides
   * are held (this one and three read ahead). A join closed early (a LIMIT met by the first
   * batch) stops the reads at their next row ({@link #closed}), so each reads at most a step
   * more than it needs. None after a batch whose inner side held more than
   * {@value #LARGE_INNER} values (rows times columns: four such batches in memory at once would
   * be too many, two at most are; 15,000 rows of 13 columns, 50,000 of 4), whichever batch
   * tells it first ({@link #stopIfLarge}).
   */
  private static final int AHEAD = 2;
  private static final int LARGE_INNER = 200_000;
  /**
   * Keys whose inner rows are kept for the rest of the join (by-key joins), and the inner rows
   * kept, past which no new key is kept: memory stays bounded (about the rows of three batches
   * more, those reserved while in flight), and the join goes on reading each batch's new keys.
   */
  static final int KEPT_KEYS = 20_000;
  static final int KEPT_ROWS = 50_000;
  /** Outer rows one batch may gather while it looks for new keys to read. */
  private static final int OUTER_PER_KEY_BATCH = 10;

  /**
   * Outer rows to join, the representatives whose keys are read, and what that read gives: the
   * read is claimed once, by a task reading ahead or by the join itself, and answers through
   * {@link #inner}.
   */
  private static final class Step<L, R> {
    final List<L> outer;
    final List<L> lookups;
    final java.util.concurrent.CompletableFuture<List<R>> inner =
        new java.util.concurrent.CompletableFuture<>();
    private final java.util.concurrent.atomic.AtomicBoolean claimed =
        new java.util.concurrent.atomic.AtomicBoolean();

    Step(List<L> outer, List<L> lookups) {
      this.outer = outer;
      this.lookups = lookups;
    }

    boolean claim() {
      return claimed.compareAndSet(false, true);
    }

    boolean running() {
      return claimed.get() && !inner.isDone();
    }
  }

  /**
   * Joins batch by batch. A batch is the next {@code batchSize} outer rows, whose inner side is
   * read for them; or, for a by-key join, the outer rows up to the {@code batchSize}-th new key,
   * whose inner side is read for one outer row per new key, while keys read before answer from
   * the rows kept ({@link #kept}). Popoto's relationships repeat keys (many orders, one
   * restaurant): each is read once, not once per batch it appears in.
   */
  private static final class Batches<L, R, T> implements Enumerator<T> {
    private final JoinType joinType;
    private final Enumerator<L> outer;
    private final Function1<List<L>, Enumerable<R>> inner;
    private final Function2<L, R, T> selector;
    private final Predicate2<L, R> condition;
    private final int batchSize;
    private final Function1<L, Object> outerKey;
    private final Function1<R, Object> innerKey;
    private final boolean byKeyOnly;

    private List<L> outerRows = List.of();
    /** This batch's inner rows by key, in the inner rows' order. */
    private final Map<Object, List<R>> byKey = new HashMap<>();
    /** By-key joins: the inner rows of keys read before, kept for later batches. */
    private final Map<Object, List<R>> kept = new HashMap<>();
    /** By-key joins: keys kept or to be kept once their read (maybe ahead) is in. */
    private final java.util.Set<Object> reserved = new java.util.HashSet<>();
    private long keptRows;
    /** The outer row being matched, its candidates, and the next candidate to test. */
    private int o = -1;
    private List<R> candidates = List.of();
    private int c;
    private boolean matched;
    private boolean outerDone;
    private T current;
    /**
     * The step after those being read ahead, its outer rows taken (and its keys reserved) and
     * its read not started: the first read ahead to end goes on with it, on its own thread
     * ({@link #readOn}). Null when there is none.
     */
    private final java.util.concurrent.atomic.AtomicReference<Step<L, R>> waiting =
        new java.util.concurrent.atomic.AtomicReference<>();
    /** Later batches, in order: their inner sides read ahead, being read, or waiting. */
    private final ArrayDeque<Step<L, R>> ahead = new ArrayDeque<>();
    private volatile boolean readAhead;
    /** The inner side of a one-row outer side, joined as it is read ({@link #stream}). */
    private Enumerator<R> streamed;
    /** Set by {@link #close}: inner reads still running (read ahead) stop at their next row. */
    private volatile boolean closed;

    Batches(JoinType joinType, Enumerator<L> outer, Function1<List<L>, Enumerable<R>> inner,
        Function2<L, R, T> selector, Predicate2<L, R> condition, int batchSize,
        Function1<L, Object> outerKey, Function1<R, Object> innerKey, boolean readAheadOn,
        boolean byKeyOnly) {
      this.joinType = joinType;
      this.outer = outer;
      this.inner = inner;
      this.selector = selector;
      this.condition = condition;
      this.batchSize = batchSize;
      this.outerKey = outerKey;
      this.innerKey = innerKey;
      this.readAhead = readAheadOn;
      this.byKeyOnly = byKeyOnly;
    }

    @Override
    public T current() {
      return current;
    }

    @Override
    public boolean moveNext() {
      if (streamed != null) {
        return moveNextStreamed();
      }
      while (true) {
        if (o < 0 || o >= outerRows.size()) {
          if (!nextBatch()) {
            return false;
          }
          if (streamed != null) {
            return moveNextStreamed();
          }
          continue;
        }
        L left = outerRows.get(o);
        while (c < candidates.size() && !settled()) {
          if (accept(left, candidates.get(c++))) {
            return true;
          }
        }
        boolean unmatched = !matched;
        nextOuter();
        if (unmatched && unmatchedRow(left)) {
          return true;
        }
      }
    }

    /**
     * Tests a candidate of {@code left}: true when the pair is an output row (then
     * {@link #current}); a pair that meets the condition counts as the row's match either way.
     */
    private boolean accept(L left, R right) {
      if (!condition.apply(left, right)) {
        return false;
      }
      matched = true;
      if (joinType == JoinType.ANTI) {
        return false;
      }
      current = selector.apply(left, right);
      return true;
    }

    /** Whether the outer row needs no more candidates: SEMI and ANTI stop at the first match. */
    private boolean settled() {
      return matched && (joinType == JoinType.SEMI || joinType == JoinType.ANTI);
    }

    /**
     * An outer row that matched nothing: true when it is still an output row (LEFT, with nulls
     * for the inner columns; ANTI), then {@link #current}.
     */
    private boolean unmatchedRow(L left) {
      if (joinType != JoinType.LEFT && joinType != JoinType.ANTI) {
        return false;
      }
      current = selector.apply(left, null);
      return true;
    }

    private void nextOuter() {
      o++;
      matched = false;
      c = 0;
      candidates = o < outerRows.size() ? candidatesOf(outerRows.get(o)) : List.of();
    }

    private List<R> candidatesOf(L left) {
      Object key = outerKey.apply(left);
      if (key == null) {
        return List.of(); // null equals nothing
      }
      // kept first: this batch's rows of a key it did not read are strays (a stale index)
      List<R> rows = kept.get(key);
      if (rows == null) {
        rows = byKey.get(key);
      }
      return rows == null ? List.of() : rows;
    }

    private boolean nextBatch() {
      byKey.clear();
      Step<L, R> step = ahead.poll();
      List<R> innerBatch;
      if (step != null) {
        waiting.compareAndSet(step, null);
        innerBatch = step.claim() ? readInner(step.lookups)
            : ReadAhead.await(step.inner, null); // a cancel breaks the task's reads
      } else {
        step = takeStep();
        if (step.outer.isEmpty()) {
          return false;
        }
        if (outerDone && step.outer.size() == 1 && step.lookups.size() == 1) {
          stream(step.outer.get(0));
          return true;
        }
        if (readAhead) {
          // one read beside this batch's, and one waiting that only the read beside goes on
          // with, once its own size is known: it ends first (it starts first), and Redis went
          // idle until this batch's end started the next
          readAheadUpTo(1, false);
          takeWaiting();
        }
        innerBatch = step.lookups.isEmpty() ? List.of() : readInner(step.lookups);
      }
      stopIfLarge(innerBatch);
      if (readAhead) {
        readAheadUpTo(AHEAD, true);
      }
      outerRows = step.outer;
      // sized for the batch's rows per key: lists grown one row at a time were a tenth of what
      // a one-to-many join allocated, and the sizes together stay within the batch's rows
      int perKey = Math.max(1, innerBatch.size() / Math.max(1, step.lookups.size()));
      for (R row : innerBatch) {
        Object key = innerKey.apply(row);
        if (key != null) {
          List<R> rows = byKey.get(key);
          if (rows == null) { // not computeIfAbsent: its lambda, capturing perKey, was per row
            rows = new ArrayList<>(perKey);
            byKey.put(key, rows);
          }
          rows.add(row);
        }
      }
      if (byKeyOnly) {
        keep(step.lookups);
      }
      if (byKey.isEmpty() && kept.isEmpty()
          && (joinType == JoinType.INNER || joinType == JoinType.SEMI)) {
        o = outerRows.size(); // nothing can match: the next batch
        return true;
      }
      o = -1;
      nextOuter();
      return true;
    }

    /**
     * Keeps {@code n} later batches' inner sides being read ahead and, with {@code oneWaiting},
     * one more waiting, its outer rows taken: the first read to end goes on with the waiting one
     * on its own thread ({@link #readOn}), so a read starts the moment one ends, whichever ends
     * first, without waiting for this thread to take the oldest batch and start another (Redis
     * waited for that hand-over, and for the two reads started together by it, once per batch,
     * a tenth of a join over all parents); and the waiting step's outer rows, which may need a
     * read of the outer side (Q6's second 500 restaurants), are taken while the reads are in
     * flight.
     */
    private void readAheadUpTo(int n, boolean oneWaiting) {
      if (readAhead && running() < n) { // a read ahead may have just found its batch large
        Step<L, R> w = waiting.getAndSet(null);
        if (w != null) {
          start(w);
        }
      }
      while (readAhead && !outerDone && ahead.size() < n + (oneWaiting ? 1 : 0)) {
        Step<L, R> later = takeAhead();
        if (later == null) {
          return;
        }
        if (later.inner.isDone()) {
          continue; // nothing to read
        }
        if (running() < n || !waiting.compareAndSet(null, later)) {
          start(later);
        }
      }
    }

    /**
     * Takes the next step into {@link #waiting}, not started, if there is one (called with
     * nothing ahead, so nothing waits).
     */
    private void takeWaiting() {
      if (!outerDone) {
        Step<L, R> later = takeAhead();
        if (later != null && !later.inner.isDone()) {
          waiting.set(later);
        }
      }
    }

    /**
     * The next step, queued {@link #ahead} (null at the end of the outer side); one with nothing
     * to read is answered at once.
     */
    private Step<L, R> takeAhead() {
      Step<L, R> later = takeStep();
      if (later.outer.isEmpty()) {
        return null;
      }
      ahead.add(later);
      if (later.lookups.isEmpty()) {
        later.claim();
        later.inner.complete(List.of());
      }
      return later;
    }

    /**
     * Whether {@code rows} hold more than {@value #LARGE_INNER} values; then no batch is read
     * ahead any more, the one waiting read here when its turn comes: wide batches' rows are in
     * memory first, one batch at a time. A read ahead tells it of its own batch before going on
     * with the waiting one, so at most the batch read here and the one read beside it are held.
     */
    private boolean stopIfLarge(List<R> rows) {
      if (rows.isEmpty() || (long) rows.size() * width(rows.get(0)) <= LARGE_INNER) {
        return false;
      }
      readAhead = false;
      waiting.set(null);
      return true;
    }

    /** Reads being read ahead now. */
    private int running() {
      int r = 0;
      for (Step<L, R> s : ahead) {
        r += s.running() ? 1 : 0;
      }
      return r;
    }

    private void start(Step<L, R> step) {
      if (step.claim()) {
        ReadAhead.start(() -> {
          readOn(step);
          return null;
        });
      }
    }

    /**
     * A task's reads: its step's inner side, then the waiting step's, as long as one waits, the
     * join is open and reads ahead; each answered through its step.
     */
    private void readOn(Step<L, R> first) {
      Step<L, R> step = first;
      while (step != null) {
        List<R> rows;
        try {
          rows = readInner(step.lookups);
          step.inner.complete(rows);
        } catch (RuntimeException | Error e) {
          step.inner.completeExceptionally(e);
          return;
        }
        if (closed || !readAhead || stopIfLarge(rows)) {
          return;
        }
        Step<L, R> next = waiting.getAndSet(null);
        step = next != null && next.claim() ? next : null;
      }
    }

    /**
     * A one-row outer side (a parent picked by a filter, then its children) joins its inner rows
     * as they are read instead of after the whole inner side is in memory: they are that row's
     * candidates in their order whatever comes after them, so the rows are the same, while the
     * join above starts on them (its own reads overlapping this read) and nothing is held.
     */
    private void stream(L left) {
      outerRows = List.of(left);
      o = 0;
      matched = false;
      candidates = List.of();
      streamed = innerRows(outerRows).enumerator();
    }

    /** {@link #moveNext} while streaming: the same matches as {@link #candidatesOf}. */
    private boolean moveNextStreamed() {
      L left = outerRows.get(0);
      Object key = outerKey.apply(left);
      while (key != null && !settled() && streamed.moveNext()) {
        R right = streamed.current();
        if (key.equals(innerKey.apply(right)) && accept(left, right)) {
          if (joinType == JoinType.SEMI) {
            endStream(); // its first match ends the inner read now, not at the next step
          }
          return true;
        }
      }
      boolean unmatched = !matched;
      endStream();
      return unmatched && unmatchedRow(left);
    }

    /** Ends the streamed inner side (a SEMI join's first match ends it early) and the join. */
    private void endStream() {
      Enumerator<R> e = streamed;
      streamed = null;
      outerRows = List.of();
      o = 0;
      e.close();
    }

    /** Values in an inner row: its columns (a one-column row is the value itself). */
    private static int width(Object row) {
      return row instanceof Object[] columns ? Math.max(1, columns.length) : 1;
    }

    /** Moves the rows of the reserved keys read in this batch into {@link #kept}. */
    private void keep(List<L> lookups) {
      for (L l : lookups) {
        Object key = outerKey.apply(l);
        if (reserved.contains(key) && !kept.containsKey(key)) {
          List<R> rows = byKey.remove(key);
          rows = rows == null ? List.of() : rows;
          kept.put(key, rows);
          keptRows += rows.size();
        }
      }
    }

    /**
     * The next batch (no outer rows at the end): the next {@code batchSize} outer rows, each
     * read; or, by key, the outer rows up to the {@code batchSize}-th key neither kept nor
     * reserved (at most {@value #OUTER_PER_KEY_BATCH} batches' worth), one row per such key
     * read.
     */
    private Step<L, R> takeStep() {
      List<L> rows = new ArrayList<>(batchSize);
      if (!byKeyOnly) {
        while (rows.size() < batchSize && nextOuterRow()) {
          rows.add(outer.current());
        }
        return new Step<>(rows, rows);
      }
      List<L> lookups = new ArrayList<>(batchSize);
      java.util.Set<Object> inBatch = new java.util.HashSet<>();
      while (lookups.size() < batchSize && rows.size() < OUTER_PER_KEY_BATCH * batchSize
          && nextOuterRow()) {
        L l = outer.current();
        rows.add(l);
        Object key = outerKey.apply(l);
        if (key == null || reserved.contains(key) || !inBatch.add(key)) {
          continue; // matches nothing, or read before (or in a batch before this one)
        }
        lookups.add(l);
        if (reserved.size() < KEPT_KEYS && keptRows < KEPT_ROWS) {
          reserved.add(key);
        }
      }
      return new Step<>(rows, lookups);
    }

    /** Moves to the next outer row; false at the end. */
    private boolean nextOuterRow() {
      if (!outerDone && !outer.moveNext()) {
        outerDone = true;
      }
      return !outerDone;
    }

    /**
     * The inner rows for a batch of outer rows, gathered ({@link Gathering}: each scan reads to
     * its end on this thread, stopped by a close); may run on a read-ahead thread.
     */
    private List<R> readInner(List<L> batch) {
      List<R> out = Gathering.during(() -> closed, () -> {
        List<R> rows = new ArrayList<>(lastInnerSize);
        try (Enumerator<R> e = innerRows(batch).enumerator()) {
          while (!closed && e.moveNext()) {
            rows.add(e.current());
          }
        }
        return rows;
      });
      lastInnerSize = Math.max(10, out.size());
      return out;
    }

    /** The last inner read's row count, the next one's first guess (reads may overlap). */
    private volatile int lastInnerSize = 10;

    /** The inner side for a batch of outer rows, padded to the batch size as Calcite pads it. */
    private Enumerable<R> innerRows(List<L> batch) {
      Enumerable<R> rows = inner.apply(new AbstractList<L>() {
        @Override
        public L get(int index) {
          return index < batch.size() ? batch.get(index) : batch.get(0);
        }

        @Override
        public int size() {
          return batchSize;
        }
      });
      return rows == null ? Linq4j.emptyEnumerable() : rows;
    }

    @Override
    public void reset() {
      throw new UnsupportedOperationException("reset");
    }

    @Override
    public void close() {
      closed = true;
      if (streamed != null) {
        endStream();
      }
      waiting.set(null);
      ahead.clear(); // the tasks end on their own at their next row, their connections returned
      outer.close();
      outerRows = List.of();
      byKey.clear();
      kept.clear();
    }
  }

}
