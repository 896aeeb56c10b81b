package io.popoto.sql.calcite;

/**
 * How many keys each batch of one read takes: {@code batchSize} first, twice that second, and
 * {@value #GROWTH} times that from the third on. The first batch stays small, so the first row
 * comes as soon as with a fixed size and a read stopped early (a LIMIT, a tool showing its
 * first page) fetches no more than before; a long read pays its per-batch costs (a pipeline's
 * turnaround, a hand-over between threads, a task's bookkeeping) a quarter as often, which
 * took about 15% off the client's CPU time in a join reading every order (Q6,
 * docs/performance.md, seventh pass). A read holds at most four batches, so its memory is
 * bounded by four batches of the largest size.
 */
final class BatchSizes {
  /** The largest batch, as a multiple of {@code batchSize}. */
  static final int GROWTH = 4;

  private BatchSizes() {}

  /** Keys in a read's batch number {@code n} (from 0). */
  static int of(int batchSize, int n) {
    long size = (long) batchSize * (n == 0 ? 1 : n == 1 ? 2 : GROWTH);
    return (int) Math.min(Integer.MAX_VALUE - 8, size);
  }
}
