package io.popoto.sql.codec;

import io.popoto.sql.catalog.FieldDef;
import io.popoto.sql.catalog.ModelDef;
import java.util.List;

/** Names of Popoto's index keys (spec 4), each from the field's catalog prefix. */
public final class IndexKeys {
  public IndexKeys(KeyCodec codec) {
    throw new UnsupportedOperationException("TODO");
  }

  /** {@code $Class:<Model>}. */
  public String classSet(ModelDef model) {
    throw new UnsupportedOperationException("TODO");
  }

  /** {@code $KeyF:<Model>:<field>:<seg(value)>} (or the field's own prefix). */
  public String valueSet(ModelDef model, FieldDef field, Object value) {
    throw new UnsupportedOperationException("TODO");
  }

  /** {@code $SortF:<Model>:<field>[:<p1>...]}; partitionValues in partitionBy order. */
  public String sortedSet(ModelDef model, FieldDef field, List<?> partitionValues) {
    throw new UnsupportedOperationException("TODO");
  }

  /** {@code $GeoF:<Model>:<field>}. */
  public String geoSet(ModelDef model, FieldDef field) {
    throw new UnsupportedOperationException("TODO");
  }

  /** {@code $RelationshipF:<Model>:<field>:<target key>}; the target key is appended verbatim. */
  public String reverseSet(ModelDef model, FieldDef field, String targetKey) {
    throw new UnsupportedOperationException("TODO");
  }
}
