package io.popoto.sql.calcite;

import java.util.List;

/**
 * Where a table access gets its candidate keys. Built by {@link AccessPathPlanner} from a filter,
 * serialized into the generated code, and turned into a {@link KeySource} at execution. Every
 * candidate is re-checked against its hash, so a path only ever narrows the search.
 *
 * @param type the kind of Redis structure read
 * @param field the indexed field (null for KEYS, CLASS_SCAN and compositions); for COMPOSITE
 *     the index's field names joined with ':'
 * @param values KEYS: key strings, or (field {@code *}) one escaped segment per key field for
 *     each key, key after key; VALUE_SET/REVERSE_SET: values whose sets are united;
 *     TAGS_ALL/TAGS_ANY: escaped tags; COMPOSITE: one canonical value per index field for each
 *     tuple, tuple after tuple
 * @param partition SORTED_RANGE: partition values, in partitionBy order
 * @param lower SORTED_RANGE lower score bound (null: -inf); GEO_RADIUS: latitude
 * @param lowerInclusive whether {@code lower} is included
 * @param upper SORTED_RANGE upper bound (null: +inf); GEO_RADIUS: longitude
 * @param upperInclusive whether {@code upper} is included
 * @param radiusKm GEO_RADIUS radius in km
 * @param children UNION/INTERSECT branches
 */
public record AccessPath(QueryType type, String field, List<Operand> values,
    List<Operand> partition, Operand lower, boolean lowerInclusive, Operand upper,
    boolean upperInclusive, Operand radiusKm, List<AccessPath> children) {

  /** The {@code field} of a KEYS path whose values are one segment per key field, in order. */
  static final String ALL_KEY_FIELDS = "*";

  public static final AccessPath CLASS_SCAN =
      new AccessPath(QueryType.CLASS_SCAN, null, null, null, null, false, null, false, null, null);

  static AccessPath keys(List<Operand> keys) {
    return new AccessPath(QueryType.KEYS, null, keys, null, null, false, null, false, null, null);
  }

  /** KEYS built at run time from one escaped segment per key field (key-segment order). */
  static AccessPath keyFromSegments(List<Operand> segments) {
    return new AccessPath(QueryType.KEYS, ALL_KEY_FIELDS, segments, null, null, false, null,
        false, null, null);
  }

  boolean buildsKey() {
    return type == QueryType.KEYS && ALL_KEY_FIELDS.equals(field);
  }

  /** Whether any value is a field of a batched join's outer rows. */
  boolean bindsOuter() {
    if (values != null && values.stream().anyMatch(Operand::isOuter)) {
      return true;
    }
    return children != null && children.stream().anyMatch(AccessPath::bindsOuter);
  }

  /** Whether a union with {@code other} is one read of the same structure with more values. */
  boolean unitesWith(AccessPath other) {
    boolean leaf = type == QueryType.KEYS || type == QueryType.VALUE_SET
        || type == QueryType.REVERSE_SET || type == QueryType.COMPOSITE
        || type == QueryType.TAGS_ANY;
    return leaf && type == other.type && java.util.Objects.equals(field, other.field);
  }

  AccessPath unitedWith(AccessPath other) {
    List<Operand> all = new java.util.ArrayList<>(values);
    all.addAll(other.values);
    return new AccessPath(type, field, all, null, null, false, null, false, null, null);
  }

  static AccessPath sets(QueryType type, String field, List<Operand> values) {
    return new AccessPath(type, field, values, null, null, false, null, false, null, null);
  }

  static AccessPath range(String field, List<Operand> partition, Operand lower,
      boolean lowerInclusive, Operand upper, boolean upperInclusive) {
    return new AccessPath(QueryType.SORTED_RANGE, field, null, partition, lower, lowerInclusive,
        upper, upperInclusive, null, null);
  }

  static AccessPath geo(String field, Operand latitude, Operand longitude, Operand radiusKm) {
    return new AccessPath(QueryType.GEO_RADIUS, field, null, null, latitude, true, longitude, true,
        radiusKm, null);
  }

  static AccessPath compose(QueryType type, List<AccessPath> children) {
    return new AccessPath(type, null, null, null, null, false, null, false, null,
        List.copyOf(children));
  }
}
