package io.popoto.sql.calcite;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Marks the reads started on this thread as gathered: their consumer keeps every row before it
 * uses any (a batched join's inner side, {@link KeyedBatchJoin}), so a scan may read to its end
 * on the consumer's own thread and connection, the next batch always in flight, instead of
 * handing its batches over from a task of its own ({@link RowEnumerator}). Handed over, each of
 * a join's inner reads began and ended with a step in which Redis waited for the hand-over, and
 * two threads per read competed for the core Redis did not hold.
 */
final class Gathering {
  /** While gathering: whether the consumer wants no more rows (the join was closed). */
  private static final ThreadLocal<BooleanSupplier> STOP = new ThreadLocal<>();

  private Gathering() {}

  /** Runs {@code read} with its scans gathered; they stop early once {@code stop} is true. */
  static <T> T during(BooleanSupplier stop, Supplier<T> read) {
    BooleanSupplier outer = STOP.get();
    STOP.set(stop);
    try {
      return read.get();
    } finally {
      if (outer == null) {
        STOP.remove();
      } else {
        STOP.set(outer);
      }
    }
  }

  /** The consumer's stop signal when the scan being made is gathered, else null. */
  static BooleanSupplier current() {
    return STOP.get();
  }
}
