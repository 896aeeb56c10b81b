package io.popoto.sql.calcite;

import org.apache.calcite.linq4j.function.Parameter;

/** SQL functions of the Popoto schema. */
public final class PopotoFunctions {
  /** The SQL name of {@link #within}. */
  public static final String WITHIN = "popoto_within";
  /** {@code popoto_has_tag(tags, 'x')}: the TagField holds the tag. */
  public static final String HAS_TAG = "popoto_has_tag";
  /** {@code popoto_has_all_tags(tags, 'x', 'y', ...)}: it holds every one of them. */
  public static final String HAS_ALL_TAGS = "popoto_has_all_tags";
  /** {@code popoto_has_any_tag(tags, 'x', 'y', ...)}: it holds at least one of them. */
  public static final String HAS_ANY_TAG = "popoto_has_any_tag";
  /** How many tags the all/any functions take at most (one {@link TagFunction} per count). */
  public static final int MAX_TAG_ARGUMENTS = 10;

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

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

  /**
   * The tags of a TagField column (JSON array text such as {@code ["late:night","spicy"]}) as
   * a set; null for NULL or text that is not an array of strings.
   */
  static java.util.Set<String> tagsOf(String text) {
    if (text == null) {
      return null;
    }
    try {
      com.fasterxml.jackson.databind.JsonNode node = JSON.readTree(text);
      if (node == null || !node.isArray()) {
        return null;
      }
      java.util.Set<String> tags = new java.util.HashSet<>();
      for (com.fasterxml.jackson.databind.JsonNode t : node) {
        tags.add(t.asText());
      }
      return tags;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return null;
    }
  }

  /** {@code popoto_has_tag(tags, tag)}; SQL NULL when either is NULL. */
  public static Boolean hasTag(String tags, String tag) {
    return matchTags(tags, new String[] {tag}, true);
  }

  /**
   * Whether the tags hold all ({@code all}) or any of the wanted ones, with SQL's three-valued
   * AND / OR over the single tests: a NULL wanted tag is an unknown test, and the column NULL
   * makes the answer NULL.
   */
  public static Boolean matchTags(String tags, String[] wanted, boolean all) {
    java.util.Set<String> have = tagsOf(tags);
    if (have == null) {
      return null;
    }
    boolean unknown = false;
    for (String w : wanted) {
      if (w == null) {
        unknown = true;
      } else if (have.contains(w) != all) {
        return !all; // a missing tag decides ALL, a present one decides ANY
      }
    }
    return unknown ? null : all;
  }

  /** {@code popoto_has_all_tags}, for callers outside Calcite (H2 takes Java varargs). */
  public static Boolean hasAllTags(String tags, String... wanted) {
    return matchTags(tags, wanted, true);
  }

  /** {@code popoto_has_any_tag}, for callers outside Calcite. */
  public static Boolean hasAnyTag(String tags, String... wanted) {
    return matchTags(tags, wanted, false);
  }

  /** Every function of the schema, by SQL name: popoto_within and the tag functions. */
  static com.google.common.collect.Multimap<String, org.apache.calcite.schema.Function> all() {
    com.google.common.collect.ImmutableMultimap.Builder<String,
        org.apache.calcite.schema.Function> b = com.google.common.collect.ImmutableMultimap
        .builder();
    b.put(WITHIN, org.apache.calcite.schema.impl.ScalarFunctionImpl.create(
        PopotoFunctions.class, "within"));
    b.put(HAS_TAG, new TagFunction(true, java.util.List.of("tag")));
    b.putAll(HAS_ALL_TAGS, TagFunction.arities(true, MAX_TAG_ARGUMENTS));
    b.putAll(HAS_ANY_TAG, TagFunction.arities(false, MAX_TAG_ARGUMENTS));
    return b.build();
  }

  static double distanceMeters(double lat1, double lon1, double lat2, double lon2) {
    double phi1 = Math.toRadians(lat1);
    double phi2 = Math.toRadians(lat2);
    double u = Math.sin((phi2 - phi1) / 2);
    double v = Math.sin(Math.toRadians(lon2 - lon1) / 2);
    return 2.0 * EARTH_RADIUS_M * Math.asin(Math.sqrt(u * u + Math.cos(phi1) * Math.cos(phi2) * v * v));
  }
}
