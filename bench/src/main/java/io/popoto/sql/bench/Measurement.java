package io.popoto.sql.bench;

import java.util.Arrays;

/**
 * One workload answered one way over the interleaved rounds. {@code roundMillis} holds the
 * per-query time of each round, NaN for a round this variant sat out (the slow ones run in a
 * few rounds only). Commands and round trips are per query and only known for our driver (-1
 * otherwise); peak heap only for the full-scan workload (-1 otherwise).
 */
public record Measurement(
    Variant variant,
    double[] roundMillis,
    long rows,
    double commandsPerQuery,
    double roundTripsPerQuery,
    long peakHeapBytes,
    String error) {

  public static Measurement failed(Variant variant, String error) {
    return new Measurement(variant, new double[0], -1, -1, -1, -1, error);
  }

  public boolean ok() {
    return error == null;
  }

  /** Median and spread over the rounds this variant ran in. */
  public Stats stats() {
    return Stats.of(Arrays.stream(roundMillis).filter(Double::isFinite).toArray());
  }

  /**
   * This variant's time divided by {@code base}'s, round by round (only rounds both ran in):
   * both ran back to back, so a slow patch of the machine moves both and cancels out.
   */
  public Stats ratioTo(Measurement base) {
    int n = Math.min(roundMillis.length, base.roundMillis.length);
    double[] ratios = new double[n];
    int k = 0;
    for (int r = 0; r < n; r++) {
      double a = roundMillis[r];
      double b = base.roundMillis[r];
      if (Double.isFinite(a) && Double.isFinite(b) && b > 0) {
        ratios[k++] = a / b;
      }
    }
    return Stats.of(Arrays.copyOf(ratios, k));
  }
}
