package io.popoto.sql.e2e.datasets;

/**
 * How many of each inconsistency a generator plants, as explicit counts so tests can rely on
 * them. Real Popoto data accumulates all four (storage spec, section 5):
 *
 * <ul>
 *   <li>{@code staleReverse}: a row's key is also a member of a {@code $RelationshipF} set of a
 *       parent its hash no longer names;
 *   <li>{@code dangling}: a relationship value names a key that has no hash;
 *   <li>{@code nulls}: a nullable relationship holds nil (only where the catalog allows null);
 *   <li>{@code classWithoutHash}: a {@code $Class} member whose hash is gone, also left in a
 *       parent's reverse set as a deleted row would be.
 * </ul>
 *
 * Faults never touch a generator's "hot" parents, whose child counts stay exact.
 */
public record Faults(int staleReverse, int dangling, int nulls, int classWithoutHash) {
  public static final Faults NONE = new Faults(0, 0, 0, 0);

  public Faults {
    if (staleReverse < 0 || dangling < 0 || nulls < 0 || classWithoutHash < 0) {
      throw new IllegalArgumentException("fault counts cannot be negative");
    }
  }

  /** The same count of every kind. */
  public static Faults each(int n) {
    return new Faults(n, n, n, n);
  }

  public int total() {
    return staleReverse + dangling + nulls + classWithoutHash;
  }
}
