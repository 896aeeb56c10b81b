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

  /** @param readAhead whether later batches' inner sides may be read ahead */
  public static <L, R, T> Enumerable<T> join(JoinType joinType, Enumerable<L> outer,
      Function1<List<L>, Enumerable<R>> inner, Function2<L, R, T> selector,
      Predicate2<L, R> condition, int batchSize, Function1<L, Object> outerKey,
      Function1<R, Object> innerKey, boolean readAhead) {
    return new AbstractEnumerable<T>() {
      @Override
      public Enumerator<T> enumerator() {
        return new Batches<>(joinType, outer.enumerator(), inner, selector, condition,
            batchSize, outerKey, innerKey, readAhead);
      }
    };
  }

  /**
   * Batches whose inner sides are read ahead, from the second batch on: each inner read is a
   * round trip or more, and with one batch at a time a join of many batches waits for each in
   * turn (Calcite's join is sequential too). Two later batches are read by background tasks
   * ({@link ReadAhead}) while this one is joined, so their round trips overlap. Not after a
   * batch whose inner side held more than {@value #LARGE_INNER} rows (three such batches in
   * memory at once would be too many).
   */
  private static final int AHEAD = 2;
  private static final int LARGE_INNER = 10_000;

  private record Pending<L, R>(List<L> outer, java.util.concurrent.Future<List<R>> inner) {}

  private static final class Batches<L, R, T> implements Enumerator<T> {
    private final JoinType joinType;
    private final Enumerator<L> outer;
    private final Function1<List<L>, Enumerable<R>> inner;
    private final Function2<L, R, T> selector;
    private final Predicate2<L, R> condition;
    private final int batchSize;
    private final Function1<L, Object> outerKey;
    private final Function1<R, Object> innerKey;

    private List<L> outerRows = List.of();
    private List<R> innerRows = List.of();
    /** Inner rows' positions by key; a key with one row (the usual case) maps to an Integer. */
    private final Map<Object, Object> byKey = new HashMap<>();
    /** The outer row being matched, its candidates, and the next candidate to test. */
    private int o = -1;
    private int[] candidates;
    private int c;
    private boolean matched;
    private boolean outerDone;
    private T current;
    /** Later batches whose inner sides are being read ahead, in order. */
    private final ArrayDeque<Pending<L, R>> ahead = new ArrayDeque<>();
    private boolean readAhead;
    private long batches;

    Batches(JoinType joinType, Enumerator<L> outer, Function1<List<L>, Enumerable<R>> inner,
        Function2<L, R, T> selector, Predicate2<L, R> condition, int batchSize,
        Function1<L, Object> outerKey, Function1<R, Object> innerKey, boolean readAheadOn) {
      this.joinType = joinType;
      this.outer = outer;
      this.inner = inner;
      this.selector = selector;
      this.condition = condition;
      this.batchSize = batchSize;
      this.outerKey = outerKey;
      this.innerKey = innerKey;
      this.readAhead = readAheadOn;
    }

    @Override
    public T current() {
      return current;
    }

    @Override
    public boolean moveNext() {
      while (true) {
        if (o < 0 || o >= outerRows.size()) {
          if (!nextBatch()) {
            return false;
          }
          continue;
        }
        L left = outerRows.get(o);
        while (c < candidates.length) {
          R right = innerRows.get(candidates[c++]);
          if (!condition.apply(left, right)) {
            continue;
          }
          matched = true;
          if (joinType == JoinType.ANTI) {
            break;
          }
          if (joinType == JoinType.SEMI) {
            c = candidates.length;
          }
          current = selector.apply(left, right);
          return true;
        }
        boolean unmatched = !matched;
        nextOuter();
        if (unmatched && (joinType == JoinType.LEFT || joinType == JoinType.ANTI)) {
          current = selector.apply(left, null);
          return true;
        }
      }
    }

    private void nextOuter() {
      o++;
      matched = false;
      c = 0;
      candidates = o < outerRows.size() ? candidatesOf(outerRows.get(o)) : NONE;
    }

    private int[] candidatesOf(L left) {
      Object key = outerKey.apply(left);
      Object at = key == null ? null : byKey.get(key); // null equals nothing
      if (at == null) {
        return NONE;
      }
      return at instanceof Integer one ? new int[] {one} : ((IntList) at).toArray();
    }

    private boolean nextBatch() {
      byKey.clear();
      List<L> outerBatch;
      List<R> innerBatch;
      Pending<L, R> next = ahead.poll();
      if (next != null) {
        outerBatch = next.outer();
        innerBatch = ReadAhead.await(next.inner(), null); // a cancel breaks the task's reads
      } else {
        outerBatch = takeOuter();
        if (outerBatch.isEmpty()) {
          return false;
        }
        innerBatch = readInner(outerBatch);
      }
      batches++;
      if (innerBatch.size() > LARGE_INNER) {
        readAhead = false; // rows in memory first: the next batches one at a time
      }
      if (readAhead && batches >= 2) {
        while (ahead.size() < AHEAD) {
          List<L> later = takeOuter();
          if (later.isEmpty()) {
            break;
          }
          ahead.add(new Pending<>(later, ReadAhead.start(() -> readInner(later))));
        }
      }
      outerRows = outerBatch;
      innerRows = innerBatch;
      for (int i = 0; i < innerRows.size(); i++) {
        Object key = innerKey.apply(innerRows.get(i));
        if (key != null) {
          byKey.merge(key, i, KeyedBatchJoin::append);
        }
      }
      if (innerRows.isEmpty() && (joinType == JoinType.INNER || joinType == JoinType.SEMI)) {
        o = outerRows.size(); // nothing can match: the next batch
        return true;
      }
      o = -1;
      nextOuter();
      return true;
    }

    /** The next batch of outer rows (empty at the end), a list of its own. */
    private List<L> takeOuter() {
      List<L> rows = new ArrayList<>(batchSize);
      while (!outerDone && rows.size() < batchSize) {
        if (outer.moveNext()) {
          rows.add(outer.current());
        } else {
          outerDone = true;
        }
      }
      return rows;
    }

    /** The inner rows for a batch of outer rows; may run on a read-ahead thread. */
    private List<R> readInner(List<L> batch) {
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
      List<R> out = new ArrayList<>();
      if (rows != null) {
        try (Enumerator<R> e = rows.enumerator()) {
          while (e.moveNext()) {
            out.add(e.current());
          }
        }
      }
      return out;
    }

    @Override
    public void reset() {
      throw new UnsupportedOperationException("reset");
    }

    @Override
    public void close() {
      ahead.clear(); // the tasks end on their own, their connections returned
      outer.close();
      outerRows = List.of();
      innerRows = List.of();
      byKey.clear();
    }
  }

  private static final int[] NONE = new int[0];

  private static Object append(Object held, Object added) {
    IntList list;
    if (held instanceof Integer one) {
      list = new IntList();
      list.add(one);
    } else {
      list = (IntList) held;
    }
    list.add((Integer) added);
    return list;
  }

  /** Positions of the inner rows sharing a key, in the inner rows' order. */
  private static final class IntList {
    private int[] values = new int[4];
    private int size;

    void add(int v) {
      if (size == values.length) {
        values = java.util.Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    int[] toArray() {
      return java.util.Arrays.copyOf(values, size);
    }
  }
}
