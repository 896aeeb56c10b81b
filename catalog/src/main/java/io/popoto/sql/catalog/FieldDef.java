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
 * @param decimalPlaces for a Decimal field, the scale its values are read with (the catalog's
 *     {@code decimal_places}), or null when undeclared: the values then keep their own scale
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
    SourcePosition position,
    Integer decimalPlaces) {

  /** The most decimal places a Decimal field may declare (the SQL type's maximum precision). */
  public static final int MAX_DECIMAL_PLACES = 19;

  /** A field without declared decimal places. */
  public FieldDef(String name, FieldClass fieldClass, ValueType type, boolean nullable,
      Object defaultValue, List<String> partitionBy, String model, String indexPrefix,
      boolean hidden, SourcePosition position) {
    this(name, fieldClass, type, nullable, defaultValue, partitionBy, model, indexPrefix, hidden,
        position, null);
  }

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
    if (decimalPlaces != null && (type != ValueType.DECIMAL || decimalPlaces < 0
        || decimalPlaces > MAX_DECIMAL_PLACES)) {
      throw new IllegalArgumentException("decimal places " + decimalPlaces + " for " + type
          + " field " + name);
    }
  }

  /** The same field with its values read at {@code places} decimal places (null: undeclared). */
  public FieldDef withDecimalPlaces(Integer places) {
    return new FieldDef(name, fieldClass, type, nullable, defaultValue, partitionBy, model,
        indexPrefix, hidden, position, places);
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
