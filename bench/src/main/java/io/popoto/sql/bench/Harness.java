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
 * budget, but at least {@link #MIN_ROUNDS}. The slow variants (no pushdown, per-row) join only
 * every few rounds, {@link #SLOW_RUNS} times in all: a full scan per point lookup would
 * otherwise take the whole budget.
 */
final class Harness {
  static final int MAX_ROUNDS = 30;
  static final int MIN_ROUNDS = 5;
  static final int SLOW_RUNS = 3;
  /** Rows a PostgreSQL cursor fetches at a time, so the baseline never holds the table. */
  static final int CURSOR_FETCH = 1000;
  private static final int MAX_WARMUPS = 5_000;
  private static final long WARMUP_NANOS = 1_000_000_000L;
  private static final double BATCHED_MILLIS = 20.0;

  private final long budgetNanos;

  /** @param budgetSeconds measured rounds per workload, all variants together */
  Harness(double budgetSeconds) {
    this.budgetNanos = (long) (budgetSeconds * 1e9);
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

  /** Warms each contender up, then times them in interleaved rounds. */
  Map<Variant, Measurement> run(Workload w, List<Contender> contenders) {
    Map<Variant, Measurement> out = new EnumMap<>(Variant.class);
    Map<Contender, Timing> timings = new HashMap<>();
    for (Contender c : contenders) {
      try {
        timings.put(c, warmUp(w, c));
      } catch (SQLException | RuntimeException e) {
        out.put(c.variant(), failed(c.variant(), e));
      }
    }
    List<Contender> fast = new ArrayList<>();
    List<Contender> slow = new ArrayList<>();
    double roundMillis = 0;
    for (Contender c : contenders) {
      Timing t = timings.get(c);
      if (t != null) {
        (c.slow() ? slow : fast).add(c);
        roundMillis += c.slow() ? 0 : t.unitMillis;
      }
    }
    int planned = (int) Math.max(MIN_ROUNDS, Math.min(MAX_ROUNDS,
        budgetNanos / 1e6 / Math.max(roundMillis, 1e-3)));
    int slowStride = Math.max(1, (int) Math.ceil(planned / (double) SLOW_RUNS));
    boolean fullScan = w.id().equals(Workloads.FULL_SCAN);
    long start = System.nanoTime();
    int round = 0;
    while (round < MAX_ROUNDS && (round < MIN_ROUNDS || System.nanoTime() - start < budgetNanos)
        && !timings.isEmpty()) {
      List<Contender> order = new ArrayList<>(fast);
      if (round % slowStride == 0) {
        order.addAll(slow);
      }
      Collections.rotate(order, -round);
      for (Contender c : order) {
        Timing t = timings.get(c);
        if (t == null || (c.slow() && t.runs >= SLOW_RUNS)) {
          continue;
        }
        try {
          t.time(round, fullScan);
        } catch (SQLException | RuntimeException e) {
          timings.remove(c);
          out.put(c.variant(), failed(c.variant(), e));
        }
      }
      round++;
    }
    for (Map.Entry<Contender, Timing> e : timings.entrySet()) {
      out.put(e.getKey().variant(), e.getValue().measurement(round));
    }
    return out;
  }

  private static Measurement failed(Variant variant, Exception e) {
    return Measurement.failed(variant, e.getClass().getSimpleName() + ": " + e.getMessage());
  }

  /**
   * Warms up by time, so a cheap query runs its code paths thousands of times (JIT) before it is
   * measured and a slow one just once; then picks how many executions one timed unit makes.
   */
  private static Timing warmUp(Workload w, Contender c) throws SQLException {
    int n = 0;
    long warmStart = System.nanoTime();
    long elapsed;
    do {
      c.execution().run(n++);
      elapsed = System.nanoTime() - warmStart;
    } while (n < MAX_WARMUPS && elapsed < WARMUP_NANOS);
    // A timed unit batches cheap executions up to about BATCHED_MILLIS, so that every variant's
    // unit is long against the machine's scheduling noise (a 0.02 ms lookup timed alone is
    // mostly noise); a slow query's unit is one execution. The mean warm-up time decides: the
    // last execution alone may have met a GC pause.
    double meanMillis = elapsed / 1e6 / n;
    int perRun = (int) Math.max(1, Math.min(w.executionsPerRun(), BATCHED_MILLIS / meanMillis));
    if (c.source() != null) {
      c.source().resetCounters();
    }
    return new Timing(c, n, perRun, meanMillis * perRun);
  }

  /** The timed units of one contender. */
  private static final class Timing {
    private final Contender contender;
    private final int perRun;
    private final double unitMillis;
    private final double[] millis = new double[MAX_ROUNDS];
    private int next;
    private int runs;
    private long rows;
    private long peakHeap = -1;

    Timing(Contender contender, int firstExecution, int perRun, double unitMillis) {
      this.contender = contender;
      this.next = firstExecution;
      this.perRun = perRun;
      this.unitMillis = unitMillis;
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
