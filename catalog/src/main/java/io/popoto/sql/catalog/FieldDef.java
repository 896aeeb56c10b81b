package io.popoto.sql.catalog;

import java.util.List;
import java.util.Objects;

/**
 * One declared field of a Popoto model.
 *
 * @param name the Python attribute name, which is also the hash field name
 * @param fieldClass the Popoto field class
 * @param type the declared value type (decides the envelope and the SQL type)
 * @param nullable whether Popoto allows None
 * @param defaultValue the declared default (a JSON-compatible Java value: String, Long, Double,
 *     Boolean, List, Map), or null; used when the hash lacks the field (spec 3.5)
 * @param partitionBy for sorted fields, the fields whose values partition the zset, in order
 * @param model for a Relationship, the name of the target model
 * @param indexPrefix the {@code $...F} prefix of this field's index keys
 * @param hidden true for Popoto's implicit {@code _auto_key}
 * @param position where the field was declared
 */
public record FieldDef(
    String name,
    FieldClass fieldClass,
    ValueType type,
    boolean nullable,
    Object defaultValue,
    List<String> partitionBy,
    String model,
    String indexPrefix,
    boolean hidden,
    SourcePosition position) {

  public FieldDef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(fieldClass, "fieldClass");
    Objects.requireNonNull(type, "type");
    partitionBy = partitionBy == null ? List.of() : List.copyOf(partitionBy);
    if (indexPrefix == null) {
      indexPrefix = fieldClass.defaultIndexPrefix();
    }
    if (position == null) {
      position = SourcePosition.UNKNOWN;
    }
  }

  /** A field with the class's defaults, convenient in code and tests. */
  public static FieldDef of(String name, FieldClass fieldClass) {
    return new FieldDef(name, fieldClass, fieldClass.defaultType(), true, null, List.of(), null,
        null, false, null);
  }

  public boolean isKey() {
    return fieldClass.isKey();
  }

  public boolean isSorted() {
    return fieldClass.isSorted();
  }

  public boolean isRelationship() {
    return fieldClass == FieldClass.RELATIONSHIP;
  }

  public boolean isGeo() {
    return fieldClass == FieldClass.GEO_FIELD;
  }

  public boolean isAutoKey() {
    return fieldClass == FieldClass.AUTO_KEY_FIELD;
  }
}
