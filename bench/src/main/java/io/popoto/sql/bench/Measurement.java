package io.popoto.sql.bench;

/**
 * One workload answered one way. Commands and round trips are per query and only known for
 * our driver (-1 otherwise); peak heap only for the full-scan workload (-1 otherwise).
 */
public record Measurement(
    Variant variant,
    Stats stats,
    long rows,
    double commandsPerQuery,
    double roundTripsPerQuery,
    long peakHeapBytes,
    String error) {

  public static Measurement failed(Variant variant, String error) {
    return new Measurement(variant, null, -1, -1, -1, -1, error);
  }

  public boolean ok() {
    return error == null;
  }
}
