package io.popoto.sql.jdbc;

import io.popoto.sql.catalog.FieldDef;
import io.popoto.sql.catalog.ModelDef;
import io.popoto.sql.codec.IndexKeys;

/**
 * The Redis key pattern of a field's index, {@code *} standing for each segment that varies
 * (the value, the relationship target, a partition value): what {@code SCAN MATCH} finds.
 */
final class IndexPattern {
  private IndexPattern() {
  }

  /** The pattern, or null when the field class maintains no index. */
  static String of(IndexKeys keys, ModelDef model, FieldDef f) {
    return io.popoto.sql.codec.ModelIndexes.pattern(keys, model, f);
  }
}
