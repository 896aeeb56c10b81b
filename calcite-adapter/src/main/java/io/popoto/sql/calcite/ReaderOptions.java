package io.popoto.sql.calcite;

/**
 * How tables are read.
 *
 * @param batchSize keys per pipelined fetch (and SSCAN COUNT hint)
 * @param strict true: a value that cannot be decoded fails the query; false: NULL and a warning
 * @param pushdown false switches every index access path off (full scans only)
 * @param overlap true: Redis answers the next batch while the current one is decoded, and each
 *     reply is decoded as it arrives (see {@link RowEnumerator}); false: the sequential reader,
 *     one batch sent, read whole and decoded at a time
 */
public record ReaderOptions(int batchSize, boolean strict, boolean pushdown, boolean overlap) {
  public static final ReaderOptions DEFAULT = new ReaderOptions(500, false, true, true);

  public ReaderOptions {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
    }
  }

  /** Overlapped reads, the default. */
  public ReaderOptions(int batchSize, boolean strict, boolean pushdown) {
    this(batchSize, strict, pushdown, true);
  }
}
