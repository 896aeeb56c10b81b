package io.popoto.sql.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.EnumerableDefaults;
import org.apache.calcite.linq4j.JoinType;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.linq4j.function.Function1;
import org.apache.calcite.linq4j.function.Function2;
import org.apache.calcite.linq4j.function.Predicate2;
import org.junit.jupiter.api.Test;

/**
 * The keyed batch join gives exactly Calcite's batched correlate's rows, in its order, for every
 * join type it runs: random outer and inner rows with repeated and null keys, a residual
 * condition beside the key equality, short last batches, inner sides that return rows of other
 * batches (a stale index) or nothing; with later batches' inner sides read ahead on other
 * threads or not.
 */
class KeyedBatchJoinTest {
  private static final JoinType[] TYPES = {JoinType.INNER, JoinType.LEFT, JoinType.SEMI,
      JoinType.ANTI};

  @Test
  void sameRowsInTheSameOrderAsCalcitesBatchedCorrelate() {
    Random random = new Random(20261202L);
    for (int round = 0; round < 400; round++) {
      int batchSize = 1 + random.nextInt(7);
      List<Object[]> outer = rows(random, random.nextInt(25), 6);
      List<Object[]> innerPool = rows(random, random.nextInt(40), 6);
      boolean residual = random.nextBoolean();
      // the inner side: the pool's rows whose key some outer row of the batch has, plus, at
      // random, a few that match none (what a stale index hands out)
      long innerSeed = random.nextLong();
      Function1<List<Object[]>, Enumerable<Object[]>> inner = batch -> {
        Random r = new Random(innerSeed + batch.hashCode());
        List<Object[]> out = new ArrayList<>();
        for (Object[] row : innerPool) {
          boolean wanted = batch.stream().anyMatch(o -> o[0] != null && o[0].equals(row[0]));
          if (wanted || r.nextInt(5) == 0) {
            out.add(row);
          }
        }
        return Linq4j.asEnumerable(out);
      };
      Predicate2<Object[], Object[]> condition = (o, i) -> o[0] != null && o[0].equals(i[0])
          && (!residual || (Integer) o[1] <= (Integer) i[1]);
      Function2<Object[], Object[], String> selector = (o, i) -> Arrays.toString(o) + "|"
          + (i == null ? "null" : Arrays.toString(i));
      for (JoinType type : TYPES) {
        List<String> calcite = EnumerableDefaults.correlateBatchJoin(type,
            Linq4j.asEnumerable(outer), inner, selector, condition, batchSize).toList();
        for (boolean readAhead : new boolean[] {false, true}) {
          for (boolean byKeyOnly : new boolean[] {false, true}) {
            List<String> keyed = KeyedBatchJoin.join(type, Linq4j.asEnumerable(outer), inner,
                selector, condition, batchSize, o -> o[0], i -> i[0], readAhead, byKeyOnly)
                .toList();
            assertEquals(calcite, keyed, "round " + round + ", " + type + ", batch "
                + batchSize + (readAhead ? ", read ahead" : "")
                + (byKeyOnly ? ", each key read once" : ""));
          }
        }
      }
    }
  }

  @Test
  void anEmptyOuterSideAsksTheInnerSideForNothing() {
    int[] calls = {0};
    List<String> rows = KeyedBatchJoin.<Object[], Object[], String>join(JoinType.LEFT,
        Linq4j.asEnumerable(new ArrayList<Object[]>()), batch -> {
          calls[0]++;
          return Linq4j.emptyEnumerable();
        }, (o, i) -> "x", (o, i) -> true, 100, o -> o[0], i -> i[0], true, true).toList();
    assertEquals(List.of(), rows);
    assertEquals(0, calls[0]);
  }

  /**
   * A by-key join reads each key once while it keeps fewer than {@link
   * KeyedBatchJoin#KEPT_KEYS} keys, whatever the batch size and however often the key repeats;
   * past that, each batch reads its keys again, and the rows still match.
   */
  @Test
  void aByKeyJoinReadsEachKeyOnceWithinItsBound() {
    for (int distinct : new int[] {50, KeyedBatchJoin.KEPT_KEYS + 500}) {
      List<Object[]> outer = new ArrayList<>();
      for (int i = 0; i < 3 * distinct; i++) {
        outer.add(new Object[] {"k" + i % distinct, i}); // every key three times, far apart
      }
      java.util.Map<Object, Integer> reads = new java.util.HashMap<>();
      for (boolean readAhead : new boolean[] {false, true}) {
        reads.clear();
        List<String> rows = KeyedBatchJoin.<Object[], Object[], String>join(JoinType.INNER,
            Linq4j.asEnumerable(outer), batch -> {
              synchronized (reads) {
                new java.util.HashSet<>(batch.stream().map(o -> o[0]).toList())
                    .forEach(k -> reads.merge(k, 1, Integer::sum));
              }
              return Linq4j.asEnumerable(batch.stream().map(o -> o[0]).distinct()
                  .map(k -> new Object[] {k, "v"}).toList());
            }, (o, i) -> o[1] + "=" + i[0], (o, i) -> o[0].equals(i[0]), 100, o -> o[0],
            i -> i[0], readAhead, true).toList();
        List<String> expected = outer.stream().map(o -> o[1] + "=" + o[0]).toList();
        assertEquals(expected, rows);
        int most = reads.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        if (distinct < KeyedBatchJoin.KEPT_KEYS) {
          assertEquals(1, most, "each key read once");
        } else {
          assertTrue(most > 1, "keys past the bound are read per batch");
        }
      }
    }
  }

  /**
   * Later batches' inner sides are read ahead on background threads, but not once a batch's
   * inner side held more than 200,000 values (rows times columns): wide rows count by their
   * width, so at most two such batches (the first and the one read beside it) sit in memory at
   * once.
   */
  @Test
  void readAheadStopsAfterAnInnerSideOfTooManyValues() {
    for (int width : new int[] {4, 1_000}) {
      List<Object[]> outer = new ArrayList<>();
      for (int i = 0; i < 1_000; i++) {
        outer.add(new Object[] {"k" + i});
      }
      java.util.Set<Integer> readAhead = java.util.concurrent.ConcurrentHashMap.newKeySet();
      long rows = KeyedBatchJoin.<Object[], Object[], String>join(JoinType.INNER,
          Linq4j.asEnumerable(outer), batch -> {
            if (Thread.currentThread().getName().equals("popoto-sql-read-ahead")) {
              readAhead.add(Integer.parseInt(((String) batch.get(0)[0]).substring(1)) / 100);
            }
            List<Object[]> out = new ArrayList<>();
            for (Object[] o : new java.util.LinkedHashSet<>(batch)) {
              for (int copy = 0; copy < 3; copy++) {
                Object[] row = new Object[width];
                row[0] = o[0];
                out.add(row);
              }
            }
            return Linq4j.asEnumerable(out);
          }, (o, i) -> "x", (o, i) -> o[0].equals(i[0]), 100, o -> o[0], i -> i[0], true,
          false).count();
      assertEquals(3_000, rows);
      // 300 rows a batch: 1,200 values read ahead; of 300,000 only the second batch, read
      // beside the first before its size was known, then one batch at a time
      assertEquals(width == 4 ? java.util.Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9)
          : java.util.Set.of(1), readAhead, "width " + width);
    }
  }

  /**
   * While the first batch's own read is still going, the read beside it (the second batch) goes
   * on with the third when it ends, on its own thread: the third does not wait for the first
   * read to end. Here the first batch's read waits until the third's has begun; without the
   * step waiting beside the first batch it would never begin, and the wait would time out. The
   * second batch's read ends only once the third batch's outer rows are taken.
   */
  @Test
  void theReadBesideTheFirstBatchGoesOnWithTheThird() {
    java.util.concurrent.CountDownLatch thirdTaken = new java.util.concurrent.CountDownLatch(1);
    Iterable<Object[]> outer = () -> new java.util.Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < 500;
      }

      @Override
      public Object[] next() {
        if (next == 299) {
          thirdTaken.countDown();
        }
        return new Object[] {"k" + next++};
      }
    };
    java.util.concurrent.CountDownLatch thirdStarted = new java.util.concurrent.CountDownLatch(1);
    java.util.Map<Integer, Thread> readers = new java.util.concurrent.ConcurrentHashMap<>();
    java.util.concurrent.atomic.AtomicBoolean firstWaited =
        new java.util.concurrent.atomic.AtomicBoolean();
    long rows = KeyedBatchJoin.<Object[], Object[], String>join(JoinType.INNER,
        Linq4j.asEnumerable(outer), batch -> {
          int number = Integer.parseInt(((String) batch.get(0)[0]).substring(1)) / 100;
          readers.putIfAbsent(number, Thread.currentThread());
          try {
            if (number == 0) {
              firstWaited.set(thirdStarted.await(10, java.util.concurrent.TimeUnit.SECONDS));
            } else if (number == 1 && thirdTaken.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
              Thread.sleep(50); // the taken step is put to wait right after its last outer row
            } else if (number == 2) {
              thirdStarted.countDown();
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return Linq4j.asEnumerable(new java.util.LinkedHashSet<>(batch).stream()
              .map(o -> new Object[] {o[0]}).toList());
        }, (o, i) -> "x", (o, i) -> o[0].equals(i[0]), 100, o -> o[0], i -> i[0], true,
        false).count();
    assertEquals(500, rows);
    assertTrue(firstWaited.get(), "the third batch's read began while the first was read");
    assertEquals("popoto-sql-read-ahead", readers.get(2).getName());
    assertEquals(readers.get(1), readers.get(2), "the read beside the first went on with it");
  }

  /**
   * The read ahead starts with the first batch: the second and third batches' inner sides are
   * read on background threads while the first is joined. A join closed then (a LIMIT met by
   * its first rows) stops those reads at their next inner row and starts no other: without the
   * stop each would read its 10,000 rows to the end, and read from the second batch on, none
   * would start while the first is joined.
   */
  @Test
  void readAheadStartsWithTheFirstBatchAndStopsWhenTheJoinCloses() throws Exception {
    List<Object[]> outer = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      outer.add(new Object[] {"k" + i});
    }
    java.util.concurrent.atomic.AtomicInteger innerRows =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.Set<Integer> batches = java.util.concurrent.ConcurrentHashMap.newKeySet();
    java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
    java.util.concurrent.CountDownLatch aheadStarted = new java.util.concurrent.CountDownLatch(2);
    Function1<List<Object[]>, Enumerable<Object[]>> inner = batch -> {
      int number = Integer.parseInt(((String) batch.get(0)[0]).substring(1)) / 100;
      batches.add(number);
      if (number > 0) {
        threads.add(Thread.currentThread().getName());
        aheadStarted.countDown();
      }
      return new org.apache.calcite.linq4j.AbstractEnumerable<Object[]>() {
        @Override
        public org.apache.calcite.linq4j.Enumerator<Object[]> enumerator() {
          return new org.apache.calcite.linq4j.Enumerator<>() {
            private int at = -1;

            @Override
            public Object[] current() {
              return new Object[] {batch.get(at % 100)[0]};
            }

            @Override
            public boolean moveNext() {
              if (at + 1 >= 10_000) {
                return false;
              }
              at++;
              innerRows.incrementAndGet();
              if (number > 0 && at % 100 == 0) {
                try {
                  Thread.sleep(1); // a read ahead still reading when the join closes
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
              return true;
            }

            @Override
            public void reset() {
            }

            @Override
            public void close() {
            }
          };
        }
      };
    };
    try (org.apache.calcite.linq4j.Enumerator<String> e = KeyedBatchJoin.<Object[], Object[],
        String>join(JoinType.INNER, Linq4j.asEnumerable(outer), inner, (o, i) -> (String) o[0],
        (o, i) -> o[0].equals(i[0]), 100, o -> o[0], i -> i[0], true, false).enumerator()) {
      assertTrue(e.moveNext());
      assertEquals("k0", e.current());
      assertTrue(aheadStarted.await(10, java.util.concurrent.TimeUnit.SECONDS),
          "the second and third batches are read ahead while the first is joined");
    }
    int before = -1;
    for (int wait = 0; wait < 200 && innerRows.get() != before; wait++) {
      before = innerRows.get();
      Thread.sleep(50); // until the reads ahead have stopped
    }
    assertEquals(java.util.Set.of(0, 1, 2), batches);
    assertEquals(java.util.Set.of("popoto-sql-read-ahead"), threads);
    assertTrue(innerRows.get() < 3 * 10_000, "inner rows read: " + innerRows.get());
  }

  /**
   * A one-row outer side (a parent picked by a filter) joins its inner rows as they are read:
   * its first joined row comes out after one inner row was read, not after the whole inner
   * side, with the rows Calcite gives in its order (strays and a residual condition skipped,
   * a LEFT or ANTI row without a match once), and the inner side is closed when the join ends
   * early (SEMI's first match, a reader that stops) or reaches its end.
   */
  @Test
  void aOneRowOuterSideJoinsItsInnerRowsAsTheyAreRead() {
    Random random = new Random(20261203L);
    for (int round = 0; round < 200; round++) {
      String key = random.nextInt(10) == 0 ? null : "k1";
      Object[] parent = {key, random.nextInt(4), 0};
      List<Object[]> parents = new ArrayList<>();
      parents.add(parent);
      List<Object[]> children = rows(random, random.nextInt(30), 3); // k0, k1, k2: strays too
      Predicate2<Object[], Object[]> condition = (o, i) -> o[0] != null && o[0].equals(i[0])
          && (Integer) o[1] <= (Integer) i[1];
      Function2<Object[], Object[], String> selector = (o, i) -> Arrays.toString(o) + "|"
          + (i == null ? "null" : Arrays.toString(i));
      for (JoinType type : TYPES) {
        List<String> calcite = EnumerableDefaults.correlateBatchJoin(type,
            Linq4j.asEnumerable(parents), batch -> Linq4j.asEnumerable(children),
            selector, condition, 100).toList();
        for (boolean byKeyOnly : new boolean[] {false, true}) {
          Counted inner = new Counted(children);
          List<String> keyed = new ArrayList<>();
          int[] readAtFirst = {-1};
          try (org.apache.calcite.linq4j.Enumerator<String> e = KeyedBatchJoin.join(type,
              Linq4j.asEnumerable(parents), batch -> inner, selector, condition, 100,
              o -> o[0], i -> i[0], true, byKeyOnly).enumerator()) {
            while (e.moveNext()) {
              if (readAtFirst[0] < 0) {
                readAtFirst[0] = inner.read;
              }
              keyed.add(e.current());
            }
            assertEquals(0, inner.open, "the inner side is closed at the end");
          }
          String what = "round " + round + ", " + type + (byKeyOnly ? ", by key" : "");
          assertEquals(calcite, keyed, what);
          if (type == JoinType.INNER && !keyed.isEmpty()) {
            int firstMatch = 1 + children.indexOf(children.stream()
                .filter(c -> condition.apply(parent, c)).findFirst().orElseThrow());
            assertEquals(firstMatch, readAtFirst[0], what + ": streamed");
          }
        }
      }
    }
    // a reader that stops after the first row: the inner side is closed, the rest never read
    List<Object[]> many = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      many.add(new Object[] {"k1", 3, i});
    }
    Counted inner = new Counted(many);
    try (org.apache.calcite.linq4j.Enumerator<String> e = KeyedBatchJoin.<Object[], Object[],
        String>join(JoinType.INNER, Linq4j.asEnumerable(List.<Object[]>of(new Object[] {"k1"})),
        batch -> inner, (o, i) -> "x", (o, i) -> o[0].equals(i[0]), 100, o -> o[0], i -> i[0],
        true, true).enumerator()) {
      assertTrue(e.moveNext());
    }
    assertEquals(1, inner.read);
    assertEquals(0, inner.open);
  }

  /** Inner rows that count how many were read and how many enumerators are open. */
  private static final class Counted
      extends org.apache.calcite.linq4j.AbstractEnumerable<Object[]> {
    private final List<Object[]> rows;
    int read;
    int open;

    Counted(List<Object[]> rows) {
      this.rows = rows;
    }

    @Override
    public org.apache.calcite.linq4j.Enumerator<Object[]> enumerator() {
      open++;
      return new org.apache.calcite.linq4j.Enumerator<>() {
        private int at = -1;

        @Override
        public Object[] current() {
          return rows.get(at);
        }

        @Override
        public boolean moveNext() {
          if (at + 1 >= rows.size()) {
            return false;
          }
          at++;
          read++;
          return true;
        }

        @Override
        public void reset() {
          at = -1;
        }

        @Override
        public void close() {
          open--;
        }
      };
    }
  }

  /** Rows of (key or null, a small number), keys drawn from a few values so they repeat. */
  private static List<Object[]> rows(Random random, int n, int keys) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String key = random.nextInt(8) == 0 ? null : "k" + random.nextInt(keys);
      rows.add(new Object[] {key, random.nextInt(4), i});
    }
    return rows;
  }
}
