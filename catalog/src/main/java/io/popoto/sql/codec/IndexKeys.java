package io.popoto.sql.codec;

import io.popoto.sql.catalog.FieldDef;
import io.popoto.sql.catalog.ModelDef;
import io.popoto.sql.catalog.ValueType;
import java.util.List;

/** Names of Popoto's index keys (spec 4), each from the field's catalog prefix. */
public final class IndexKeys {
  private final KeyCodec codec;

  public IndexKeys(KeyCodec codec) {
    this.codec = codec;
  }

  /** {@code $Class:<Model>}. */
  public String classSet(ModelDef model) {
    return "$Class:" + codec.clean(model.name());
  }

  /** {@code $KeyF:<Model>:<field>:<seg(value)>} (or the field's own prefix). */
  public String valueSet(ModelDef model, FieldDef field, Object value) {
    return fieldPrefix(model, field) + ":" + codec.segment(value, field.type());
  }

  /** {@code $SortF:<Model>:<field>[:<p1>...]}; partitionValues in partitionBy order. */
  public String sortedSet(ModelDef model, FieldDef field, List<?> partitionValues) {
    StringBuilder key = new StringBuilder(fieldPrefix(model, field));
    List<String> partitionBy = field.partitionBy();
    for (int i = 0; i < partitionValues.size(); i++) {
      FieldDef by = i < partitionBy.size() ? model.field(partitionBy.get(i)) : null;
      // A Relationship partition value is its escaped key, and Popoto escapes it once more.
      ValueType type = by == null ? ValueType.STR : by.type();
      key.append(':').append(codec.segment(partitionValues.get(i), type));
    }
    return key.toString();
  }

  /** {@code $GeoF:<Model>:<field>}. */
  public String geoSet(ModelDef model, FieldDef field) {
    return fieldPrefix(model, field);
  }

  /** {@code $RelationshipF:<Model>:<field>:<target key>}; the target key is appended verbatim. */
  public String reverseSet(ModelDef model, FieldDef field, String targetKey) {
    // Popoto decodes and re-escapes the target's segments, which gives back the stored text.
    return fieldPrefix(model, field) + ":" + targetKey;
  }

  /**
   * {@code <prefix>:<Model>:<field>}: the part every index key of a field starts with; value
   * sets, partitions and relationship targets append their segments to it.
   */
  public String fieldKey(ModelDef model, FieldDef field) {
    return fieldPrefix(model, field);
  }

  private String fieldPrefix(ModelDef model, FieldDef field) {
    return field.indexPrefix() + ":" + codec.clean(model.name()) + ":" + codec.clean(field.name());
  }
}
