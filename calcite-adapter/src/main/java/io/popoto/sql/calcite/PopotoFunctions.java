package io.popoto.sql.calcite;

import org.apache.calcite.linq4j.function.Parameter;

/** SQL functions of the Popoto schema. */
public final class PopotoFunctions {
  /** The SQL name of {@link #within}. */
  public static final String WITHIN = "popoto_within";

  /** Redis's own Earth radius for GEO commands, so the re-check agrees with GEOSEARCH. */
  static final double EARTH_RADIUS_M = 6372797.560856;

  private PopotoFunctions() {}

  /**
   * {@code popoto_within(lat, lon, centre_lat, centre_lon, radius_km)}: whether a point lies
   * within the radius (haversine, as Redis computes it). Answered from the {@code $GeoF} set when
   * the point is a GeoField's two columns, and always re-checked with the hash's exact values.
   */
  // Object (SQL ANY) parameters: Calcite passes numeric literals as BigDecimal or int without
  // converting them to a declared Double.
  // @Parameter names the arguments in getFunctions' REMARKS and for named-argument calls.
  public static Boolean within(@Parameter(name = "lat") Object lat,
      @Parameter(name = "lon") Object lon, @Parameter(name = "centre_lat") Object centreLat,
      @Parameter(name = "centre_lon") Object centreLon,
      @Parameter(name = "radius_km") Object radiusKm) {
    if (!(lat instanceof Number la) || !(lon instanceof Number lo)
        || !(centreLat instanceof Number cla) || !(centreLon instanceof Number clo)
        || !(radiusKm instanceof Number km)) {
      return null;
    }
    return distanceMeters(la.doubleValue(), lo.doubleValue(), cla.doubleValue(),
        clo.doubleValue()) <= km.doubleValue() * 1000.0;
  }

  static double distanceMeters(double lat1, double lon1, double lat2, double lon2) {
    double phi1 = Math.toRadians(lat1);
    double phi2 = Math.toRadians(lat2);
    double u = Math.sin((phi2 - phi1) / 2);
    double v = Math.sin(Math.toRadians(lon2 - lon1) / 2);
    return 2.0 * EARTH_RADIUS_M * Math.asin(Math.sqrt(u * u + Math.cos(phi1) * Math.cos(phi2) * v * v));
  }
}
