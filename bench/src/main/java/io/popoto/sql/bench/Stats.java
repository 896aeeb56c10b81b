package io.popoto.sql.bench;

import java.util.Arrays;

/** Median and p10-p90 spread of a sample (per-query milliseconds, or per-round ratios). */
public record Stats(double median, double p10, double p90, int runs) {
  public static Stats of(double[] sample) {
    double[] sorted = sample.clone();
    Arrays.sort(sorted);
    return new Stats(percentile(sorted, 50), percentile(sorted, 10), percentile(sorted, 90),
        sorted.length);
  }

  /** Nearest-rank on the sorted sample, which stays an observed value. */
  static double percentile(double[] sorted, int p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
