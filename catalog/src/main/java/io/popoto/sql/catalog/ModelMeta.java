package io.popoto.sql.catalog;

import java.util.List;

/**
 * A model's {@code class Meta} options that change what Redis holds (Popoto 1.x).
 *
 * @param indexes {@code Meta.indexes}: each composite index is a {@code $Index:<M>:<f1>:<f2>...}
 *     hash from a digest of the values to the instance key (spec 1x 4.9)
 * @param ttl {@code Meta.ttl} in seconds, or null; informational: only the hash expires, so
 *     index entries outlive it (spec 1x 4.10)
 */
public record ModelMeta(List<CompositeIndex> indexes, Integer ttl) {
  public static final ModelMeta NONE = new ModelMeta(List.of(), null);

  public ModelMeta {
    indexes = indexes == null ? List.of() : List.copyOf(indexes);
  }

  /**
   * One entry of {@code Meta.indexes = (((f1, f2), unique), ...)}.
   *
   * @param fields the field names in declared order (the order of the digest's values)
   * @param unique whether Popoto refuses a second row with the same values
   */
  public record CompositeIndex(List<String> fields, boolean unique) {
    public CompositeIndex {
      fields = List.copyOf(fields);
    }
  }
}
