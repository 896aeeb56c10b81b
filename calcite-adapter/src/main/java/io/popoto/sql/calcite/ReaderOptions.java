package io.popoto.sql.calcite;

/**
 * How tables are read.
 *
 * @param batchSize keys per pipelined fetch (and SSCAN COUNT hint)
 * @param strict true: a value that cannot be decoded fails the query; false: NULL and a warning
 * @param pushdown false switches every index access path off (full scans only)
 */
public record ReaderOptions(int batchSize, boolean strict, boolean pushdown) {
  public static final ReaderOptions DEFAULT = new ReaderOptions(500, false, true);

  public ReaderOptions {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
    }
  }
}
