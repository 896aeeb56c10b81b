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
 * @param extras the 1.x properties: max_length, a capped list, an AutoKeyField strategy
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
    Integer decimalPlaces,
    Extras extras) {

  /** The most decimal places a Decimal field may declare (the SQL type's maximum precision). */
  public static final int MAX_DECIMAL_PLACES = 19;

  /**
   * Properties most fields do without.
   *
   * @param maxLength {@code max_length=...}, or null
   * @param capped a 1.x {@code ListField(max_length=N)}: its items live in the LIST
   *     {@code <key>::<field>}, not in the hash (spec 1x 4.8)
   * @param strategy an AutoKeyField's {@code strategy=} ({@code uuid4}, {@code ulid},
   *     {@code ksuid}), or null for the default uuid4
   */
  public record Extras(Integer maxLength, boolean capped, String strategy) {
    public static final Extras NONE = new Extras(null, false, null);
  }

  /** A field without declared decimal places or 1.x extras. */
  public FieldDef(String name, FieldClass fieldClass, ValueType type, boolean nullable,
      Object defaultValue, List<String> partitionBy, String model, String indexPrefix,
      boolean hidden, SourcePosition position) {
    this(name, fieldClass, type, nullable, defaultValue, partitionBy, model, indexPrefix, hidden,
        position, null, Extras.NONE);
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
    if (extras == null) {
      extras = Extras.NONE;
    }
  }

  /** The same field with its values read at {@code places} decimal places (null: undeclared). */
  public FieldDef withDecimalPlaces(Integer places) {
    return new FieldDef(name, fieldClass, type, nullable, defaultValue, partitionBy, model,
        indexPrefix, hidden, position, places, extras);
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

  /** A 1.x capped list, read with LRANGE from {@code <key>::<field>}. */
  public boolean isCappedList() {
    return extras.capped();
  }

  /** A TagField: a sorted list of tags and one {@code $TagF} set per tag. */
  public boolean isTags() {
    return fieldClass == FieldClass.TAG_FIELD;
  }

  /** Whether the field is a column: companion-only classes are accepted but not shown. */
  public boolean hasColumn() {
    return fieldClass.hasColumn();
  }

  public boolean isAutoKey() {
    return fieldClass == FieldClass.AUTO_KEY_FIELD;
  }
}
