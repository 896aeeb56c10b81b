package io.popoto.sql.calcite;

/** How a table access finds its candidate keys, cheapest first (architecture 4). */
public enum QueryType {
  /** The instance keys themselves: {@code _key = ?}, or every key field equal. */
  KEYS,
  /** {@code $KeyF}/{@code $UniqueKeyF} value sets of a key field. */
  VALUE_SET,
  /** {@code $RelationshipF} reverse sets of a relationship. */
  REVERSE_SET,
  /** A score range of a {@code $SortF}/{@code $SortedKeyF} zset (one partition). */
  SORTED_RANGE,
  /** {@code $TagF} sets of a TagField, intersected client side (has tag / has all tags). */
  TAGS_ALL,
  /** {@code $TagF} sets of a TagField, united client side (has any tag). */
  TAGS_ANY,
  /** One HGET per value tuple of a unique {@code Meta.indexes} hash ({@code $Index:...}). */
  COMPOSITE,
  /** A radius query on a {@code $GeoF} set. */
  GEO_RADIUS,
  /** Every branch's candidates (OR, IN). */
  UNION,
  /** The smallest branch's candidates; the other branches are re-checked (AND). */
  INTERSECT,
  /** {@code $Class:<Model>}, paged with SSCAN. */
  CLASS_SCAN
}
