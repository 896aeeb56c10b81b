package io.popoto.sql.bench;

import io.popoto.sql.calcite.RedisSource;
import io.popoto.sql.jdbc.PopotoConnection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Times every variant of one workload in interleaved rounds: each round runs each variant once,
 * back to back, so a slow patch of a shared machine hits all of them and per-round ratios stay
 * steady. The order rotates by one each round, so no variant always runs right after the same
 * other one (and inherits its garbage). Rounds go on until {@link #MAX_ROUNDS} or the time
 * budget, but at least {@link #MIN_ROUNDS}. The slow variants (no pushdown, per-row) run after
 * the fast rounds, {@link #SLOW_RUNS} times in all: a full scan per point lookup would
 * otherwise take the whole budget, and among the fast rounds it slowed them (see {@link #run}).
 */
final class Harness {
  static final int MAX_ROUNDS = 30;
  static final int MIN_ROUNDS = 5;
  static final int SLOW_RUNS = 3;
  /** Rows a PostgreSQL cursor fetches at a time, so the baseline never holds the table. */
  static final int CURSOR_FETCH = 1000;
  /**
   * Warm-up: at least {@link #WARMUP_NANOS}; a cheap query (under {@link #CHEAP_NANOS} an
   * execution) goes on to {@link #MAX_WARMUPS} executions or {@link #CHEAP_WARMUP_NANOS}. The JIT
   * counts calls, not time: a prepared point lookup through the driver took about 20,000
   * executions to reach its steady time (2-4x slower before), where the raw HMGET needs a few
   * hundred, so a warm-up of 5,000 left half of Q1's rounds measuring the compiler.
   */
  private static final int MAX_WARMUPS = 30_000;
  private static final long WARMUP_NANOS = 1_000_000_000L;
  private static final long CHEAP_WARMUP_NANOS = 6_000_000_000L;
  private static final long CHEAP_NANOS = 1_000_000L;
  private static final double BATCHED_MILLIS = 20.0;

  private final long budgetNanos;
  private final long warmUpNanos;
  private final long cheapWarmUpNanos;

  /** @param budgetSeconds measured rounds per workload, all variants together */
  Harness(double budgetSeconds) {
    this(budgetSeconds, WARMUP_NANOS, CHEAP_WARMUP_NANOS);
  }

  /** With other warm-up times (tests: 0 and 0, one execution each). */
  Harness(double budgetSeconds, long warmUpNanos, long cheapWarmUpNanos) {
    this.budgetNanos = (long) (budgetSeconds * 1e9);
    this.warmUpNanos = warmUpNanos;
    this.cheapWarmUpNanos = cheapWarmUpNanos;
  }

  /** Answers a workload one way; closing it releases its statement. */
  record Contender(Variant variant, Execution execution, RedisSource source,
      AutoCloseable resource) implements AutoCloseable {
    boolean slow() {
      return variant == Variant.NO_PUSHDOWN || variant == Variant.PER_ROW;
    }

    @Override
    public void close() throws Exception {
      if (resource != null) {
        resource.close();
      }
    }
  }

  /** Runs the n-th execution; returns its row count. */
  @FunctionalInterface
  interface Execution {
    long run(int n) throws SQLException;
  }

  /**
   * Through a JDBC connection (ours or PostgreSQL), reading every column of every row. A
   * connection with autocommit off (the PostgreSQL baseline) reads through a cursor of
   * {@value #CURSOR_FETCH} rows, the only way pgjdbc does not hold the whole result; each
   * execution then commits to close its transaction.
   */
  static Contender jdbc(Variant variant, Workload w, Connection connection, String sql)
      throws SQLException {
    RedisSource source = popotoSource(connection);
    boolean cursor = !connection.getAutoCommit();
    PreparedStatement ps = connection.prepareStatement(sql);
    if (cursor) {
      ps.setFetchSize(CURSOR_FETCH);
    }
    // Asked once, not per execution: building result-set metadata is no part of the answer.
    int[] columns = {-1};
    Execution execution = n -> {
      Object[] params = w.params().apply(n);
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      long rows = 0;
      try (ResultSet rs = ps.executeQuery()) {
        if (columns[0] < 0) {
          columns[0] = rs.getMetaData().getColumnCount();
        }
        while (rs.next()) {
          for (int c = 1; c <= columns[0]; c++) {
            rs.getObject(c);
          }
          rows++;
        }
      }
      if (cursor) {
        connection.commit();
      }
      return rows;
    };
    return new Contender(variant, execution, source, ps);
  }

  /** Hand-written Jedis code (a floor, or per-row traversal). */
  static Contender handWritten(Variant variant, Workload w, Workload.FloorQuery query) {
    return new Contender(variant, n -> query.run(w.params().apply(n)), null, null);
  }

  /** Our connection's Redis counters (the driver hands out a wrapper), or null for PostgreSQL. */
  private static RedisSource popotoSource(Connection connection) {
    try {
      return connection.isWrapperFor(PopotoConnection.class)
          ? connection.unwrap(PopotoConnection.class).redisSource() : null;
    } catch (SQLException e) {
      return null;
    }
  }

  /**
   * Warms the fast contenders up, twice, and times them in interleaved rounds; then the slow
   * ones, after all the fast rounds, in {@link #SLOW_RUNS} rounds spread over the same round
   * numbers. A slow one (a full scan through the same driver) run among the fast ones changed
   * what the JIT had seen at call sites they share and threw their compiled code away: Q1's
   * driver then ran 1.2-4x slower for rounds on end while it was compiled again. Its ratios to
   * the fast ones (thousands) need no same-round pairing.
   */
  Map<Variant, Measurement> run(Workload w, List<Contender> contenders) {
    Map<Variant, Measurement> out = new EnumMap<>(Variant.class);
    Map<Contender, Timing> timings = new HashMap<>();
    List<Contender> fast = new ArrayList<>();
    List<Contender> slow = new ArrayList<>();
    for (Contender c : contenders) {
      (c.slow() ? slow : fast).add(c);
    }
    // Twice: each contender's warm-up changes what the JIT has seen in code the others share
    // (Jedis, the JDBC layers), and the second pass measures each after all have run.
    for (int pass = 0; pass < 2; pass++) {
      for (Contender c : fast) {
        if (pass == 0 || timings.containsKey(c)) {
          warmUp(w, c, timings, out);
        }
      }
    }
    boolean fullScan = w.id().equals(Workloads.FULL_SCAN);
    long start = System.nanoTime();
    int round = 0;
    while (round < MAX_ROUNDS && (round < MIN_ROUNDS || System.nanoTime() - start < budgetNanos)
        && !timings.isEmpty()) {
      List<Contender> order = new ArrayList<>(fast);
      Collections.rotate(order, -round);
      for (Contender c : order) {
        time(c, round, fullScan, timings, out);
      }
      round++;
    }
    int rounds = Math.max(round, MIN_ROUNDS);
    int slowStride = Math.max(1, (int) Math.ceil(rounds / (double) SLOW_RUNS));
    for (Contender c : slow) {
      warmUp(w, c, timings, out);
      for (int r = 0; r < rounds && timings.containsKey(c); r += slowStride) {
        time(c, r, fullScan, timings, out);
      }
    }
    for (Map.Entry<Contender, Timing> e : timings.entrySet()) {
      out.put(e.getKey().variant(), e.getValue().measurement(rounds));
    }
    return out;
  }

  private void warmUp(Workload w, Contender c, Map<Contender, Timing> timings,
      Map<Variant, Measurement> out) {
    try {
      timings.put(c, warmUp(w, c));
    } catch (SQLException | RuntimeException e) {
      drop(c, e, timings, out);
    }
  }

  private static void time(Contender c, int round, boolean fullScan,
      Map<Contender, Timing> timings, Map<Variant, Measurement> out) {
    Timing t = timings.get(c);
    if (t == null) {
      return;
    }
    try {
      t.time(round, fullScan);
    } catch (SQLException | RuntimeException e) {
      drop(c, e, timings, out);
    }
  }

  /** A contender that failed runs no more; its failure is its measurement. */
  private static void drop(Contender c, Exception e, Map<Contender, Timing> timings,
      Map<Variant, Measurement> out) {
    timings.remove(c);
    out.put(c.variant(), Measurement.failed(c.variant(),
        e.getClass().getSimpleName() + ": " + e.getMessage()));
  }

  /**
   * Warms up ({@link #MAX_WARMUPS}), so a cheap query runs its code paths tens of thousands of
   * times (JIT) before it is measured and a slow one once or twice; then picks how many
   * executions one timed unit makes.
   */
  private Timing warmUp(Workload w, Contender c) throws SQLException {
    int n = 0;
    long warmStart = System.nanoTime();
    long elapsed;
    do {
      c.execution().run(n++);
      elapsed = System.nanoTime() - warmStart;
    } while (elapsed < warmUpNanos
        || n < MAX_WARMUPS && elapsed < cheapWarmUpNanos && elapsed / n < CHEAP_NANOS);
    // A timed unit batches cheap executions up to about BATCHED_MILLIS, so that every variant's
    // unit is long against the machine's scheduling noise (a 0.02 ms lookup timed alone is
    // mostly noise); a slow query's unit is one execution. The mean warm-up time decides: the
    // last execution alone may have met a GC pause.
    double meanMillis = elapsed / 1e6 / n;
    int perRun = (int) Math.max(1, Math.min(w.executionsPerRun(), BATCHED_MILLIS / meanMillis));
    if (c.source() != null) {
      c.source().resetCounters();
    }
    return new Timing(c, n, perRun);
  }

  /** The timed units of one contender. */
  private static final class Timing {
    private final Contender contender;
    private final int perRun;
    private final double[] millis = new double[MAX_ROUNDS];
    private int next;
    private int runs;
    private long rows;
    private long peakHeap = -1;

    Timing(Contender contender, int firstExecution, int perRun) {
      this.contender = contender;
      this.next = firstExecution;
      this.perRun = perRun;
      java.util.Arrays.fill(millis, Double.NaN);
    }

    void time(int round, boolean sampleHeap) throws SQLException {
      HeapSampler heap = sampleHeap ? new HeapSampler() : null;
      try {
        long t0 = System.nanoTime();
        for (int i = 0; i < perRun; i++) {
          rows = contender.execution().run(next++);
        }
        millis[round] = (System.nanoTime() - t0) / 1e6 / perRun;
        runs++;
      } finally {
        if (heap != null) {
          heap.close();
          peakHeap = Math.max(peakHeap, heap.peakBytes());
        }
      }
    }

    Measurement measurement(int rounds) {
      double queries = (double) runs * perRun;
      double commands = -1;
      double roundTrips = -1;
      RedisSource source = contender.source();
      if (source != null && queries > 0) {
        commands = source.commandCounts().values().stream().mapToLong(Long::longValue).sum()
            / queries;
        roundTrips = source.roundTrips() / queries;
      }
      return new Measurement(contender.variant(), java.util.Arrays.copyOf(millis, rounds), rows,
          commands, roundTrips, peakHeap, null);
    }
  }
}
