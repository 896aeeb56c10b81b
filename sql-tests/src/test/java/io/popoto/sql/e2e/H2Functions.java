package io.popoto.sql.e2e;

import io.popoto.sql.calcite.PopotoFunctions;

/** Our SQL functions for the H2 oracle (H2 needs typed parameters, ours take any number). */
public final class H2Functions {
  private H2Functions() {}

  public static Boolean within(Double lat, Double lon, Double centreLat, Double centreLon,
      Double radiusKm) {
    return PopotoFunctions.within(lat, lon, centreLat, centreLon, radiusKm);
  }
}
