package io.popoto.sql.bench;

import io.popoto.sql.calcite.RedisSource;
import io.popoto.sql.jdbc.PopotoConnection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Warms up, then repeats one workload until it has {@link #MAX_RUNS} runs or its time box is
 * spent, so slow full scans cost a few runs and cheap lookups get many.
 */
final class Harness {
  static final int MAX_RUNS = 30;
  private static final int MAX_WARMUPS = 5_000;
  private static final long WARMUP_NANOS = 1_000_000_000L;
  private static final double BATCHED_MILLIS = 20.0;

  private final long budgetNanos;

  Harness(double budgetSeconds) {
    this.budgetNanos = (long) (budgetSeconds * 1e9);
  }

  /** Our connection's Redis counters (the driver hands out a wrapper), or null for PostgreSQL. */
  private static RedisSource popotoSource(Connection connection) {
    try {
      return connection.isWrapperFor(PopotoConnection.class)
          ? connection.unwrap(PopotoConnection.class).redisSource() : null;
    } catch (java.sql.SQLException e) {
      return null;
    }
  }

  /** Answers the workload through a JDBC connection (ours or PostgreSQL). */
  Measurement jdbc(Variant variant, Workload w, Connection connection, String sql) {
    RedisSource source = popotoSource(connection);
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      Execution execution = n -> {
        Object[] params = w.params().apply(n);
        for (int i = 0; i < params.length; i++) {
          ps.setObject(i + 1, params[i]);
        }
        long rows = 0;
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rows++;
          }
        }
        return rows;
      };
      return measure(variant, w, execution, source);
    } catch (SQLException | RuntimeException e) {
      return Measurement.failed(variant, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** Answers the workload with hand-written Jedis code (the floor, or per-row traversal). */
  Measurement handWritten(Variant variant, Workload w, Workload.FloorQuery query) {
    try {
      return measure(variant, w, n -> query.run(w.params().apply(n)), null);
    } catch (SQLException | RuntimeException e) {
      return Measurement.failed(variant, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private Measurement measure(Variant variant, Workload w, Execution execution,
      RedisSource source) throws SQLException {
    // Warm up by time, so a cheap query runs its code paths thousands of times (JIT) before it
    // is measured and a slow one just a few times.
    int n = 0;
    double lastMillis;
    long warmStart = System.nanoTime();
    do {
      long t = System.nanoTime();
      execution.run(n++);
      lastMillis = (System.nanoTime() - t) / 1e6;
    } while (n < MAX_WARMUPS && System.nanoTime() - warmStart < WARMUP_NANOS);
    // Batching many executions per run only pays for cheap queries; a full scan answering a
    // point lookup (no pushdown) would blow the time box 50 times over.
    int perRun = (int) Math.max(1, Math.min(w.executionsPerRun(), BATCHED_MILLIS / lastMillis));
    if (source != null) {
      source.resetCounters();
    }
    boolean fullScan = w.id().equals(Workloads.FULL_SCAN);
    HeapSampler heap = fullScan ? new HeapSampler() : null;
    List<Double> millis = new ArrayList<>();
    long rows = 0;
    long start = System.nanoTime();
    try {
      while (millis.size() < MAX_RUNS
          && (millis.isEmpty() || System.nanoTime() - start < budgetNanos)) {
        long t0 = System.nanoTime();
        rows = runOnce(execution, n, perRun);
        millis.add((System.nanoTime() - t0) / 1e6 / perRun);
        n += perRun;
      }
    } finally {
      if (heap != null) {
        heap.close();
      }
    }
    double queries = (double) millis.size() * perRun;
    double commands = -1;
    double roundTrips = -1;
    if (source != null) {
      commands = source.commandCounts().values().stream().mapToLong(Long::longValue).sum()
          / queries;
      roundTrips = source.roundTrips() / queries;
    }
    return new Measurement(variant, Stats.of(millis.stream().mapToDouble(d -> d).toArray()),
        rows, commands, roundTrips, heap == null ? -1 : heap.peakBytes(), null);
  }

  /** Runs one timed unit of perRun executions; returns the rows of the last one. */
  private static long runOnce(Execution execution, int first, int perRun) throws SQLException {
    long rows = 0;
    for (int i = 0; i < perRun; i++) {
      rows = execution.run(first + i);
    }
    return rows;
  }

  @FunctionalInterface
  private interface Execution {
    long run(int n) throws SQLException;
  }
}
