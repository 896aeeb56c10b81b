package io.popoto.sql.catalog;

/**
 * The Popoto field classes a catalog may name. Each knows its default declared type, whether it
 * is part of the instance key, which index it maintains and under which prefix (spec section 4:
 * the prefix is {@code "$" + ClassName.strip("Field") + "F"}).
 */
public enum FieldClass {
  FIELD("Field", ValueType.STR, IndexKind.NONE),
  KEY_FIELD("KeyField", ValueType.STR, IndexKind.VALUE_SET),
  UNIQUE_KEY_FIELD("UniqueKeyField", ValueType.STR, IndexKind.VALUE_SET),
  AUTO_KEY_FIELD("AutoKeyField", ValueType.STR, IndexKind.NONE),
  SORTED_FIELD("SortedField", ValueType.FLOAT, IndexKind.SORTED_SET),
  SORTED_KEY_FIELD("SortedKeyField", ValueType.FLOAT, IndexKind.SORTED_SET),
  GEO_FIELD("GeoField", ValueType.GEO, IndexKind.GEO),
  RELATIONSHIP("Relationship", ValueType.KEY, IndexKind.REVERSE_SET),
  DATETIME_FIELD("DatetimeField", ValueType.DATETIME, IndexKind.NONE),
  INT_FIELD("IntField", ValueType.INT, IndexKind.NONE),
  FLOAT_FIELD("FloatField", ValueType.FLOAT, IndexKind.NONE),
  DECIMAL_FIELD("DecimalField", ValueType.DECIMAL, IndexKind.NONE),
  BOOLEAN_FIELD("BooleanField", ValueType.BOOL, IndexKind.NONE),
  BYTES_FIELD("BytesField", ValueType.BYTES, IndexKind.NONE),
  LIST_FIELD("ListField", ValueType.LIST, IndexKind.NONE),
  DICT_FIELD("DictField", ValueType.DICT, IndexKind.NONE),
  SET_FIELD("SetField", ValueType.SET, IndexKind.NONE),
  TUPLE_FIELD("TupleField", ValueType.TUPLE, IndexKind.NONE),
  DATE_FIELD("DateField", ValueType.DATE, IndexKind.NONE),
  TIME_FIELD("TimeField", ValueType.TIME, IndexKind.NONE),
  // Popoto 1.x
  STRING_FIELD("StringField", ValueType.STR, IndexKind.NONE),
  DATAFRAME_FIELD("DataFrameField", ValueType.DATAFRAME, IndexKind.NONE),
  /** A non-key field with a {@code $IndexF} set per value (spec 1x 4.3). */
  INDEXED_FIELD("IndexedField", ValueType.STR, IndexKind.VALUE_SET),
  /** Like IndexedField, under {@code $UniquF}; Popoto refuses a second row with the value. */
  UNIQUE_FIELD("UniqueField", ValueType.STR, IndexKind.VALUE_SET),
  /** A sorted list of tags in the hash and one {@code $TagF} set per tag (spec 1x 4.4). */
  TAG_FIELD("TagField", ValueType.LIST, IndexKind.TAG_SET),
  // 1.x agent-memory fields that keep a value in the hash (their companion keys are not read)
  /** The current confidence (float); per-member metadata lives in {@code $ConfidencF:...:data}. */
  CONFIDENCE_FIELD("ConfidenceField", ValueType.FLOAT, IndexKind.NONE),
  /** A SortedField of float timestamps ({@code auto_now}); decay is computed at query time. */
  DECAYING_SORTED_FIELD("DecayingSortedField", ValueType.FLOAT, IndexKind.SORTED_SET),
  /** A DecayingSortedField; its cycles and pressure live in companion hashes. */
  CYCLIC_DECAY_FIELD("CyclicDecayField", ValueType.FLOAT, IndexKind.SORTED_SET),
  /** The valid-from epoch (float); the interval state lives in companion zsets. */
  VALIDITY_FIELD("ValidityField", ValueType.FLOAT, IndexKind.NONE),
  /** The embedding's dimension count (int); the vector is a .npy file outside Redis. */
  EMBEDDING_FIELD("EmbeddingField", ValueType.INT, IndexKind.NONE),
  /** A {@code $CF:...} reference string; the content is in a file store outside Redis. */
  CONTENT_FIELD("ContentField", ValueType.STR, IndexKind.NONE),
  // 1.x fields that keep only companion structures: accepted, no column
  /** BM25 term statistics under {@code $BM25:...}; no value of its own. */
  BM25_FIELD("BM25Field", ValueType.STR, IndexKind.COMPANION),
  /** Weighted edges in per-instance zsets; no value of its own. */
  CO_OCCURRENCE_FIELD("CoOccurrenceField", ValueType.STR, IndexKind.COMPANION);

  /** What Redis structure a field class maintains. */
  public enum IndexKind {
    NONE, VALUE_SET, SORTED_SET, GEO, REVERSE_SET,
    /** One set per tag ({@code $TagF}). */
    TAG_SET,
    /** Only companion structures, nothing a column shows. */
    COMPANION
  }

  private final String popotoName;
  private final ValueType defaultType;
  private final IndexKind indexKind;

  FieldClass(String popotoName, ValueType defaultType, IndexKind indexKind) {
    this.popotoName = popotoName;
    this.defaultType = defaultType;
    this.indexKind = indexKind;
  }

  /** The Python class name, as written in a Popoto model. */
  public String popotoName() {
    return popotoName;
  }

  public ValueType defaultType() {
    return defaultType;
  }

  public IndexKind indexKind() {
    return indexKind;
  }

  /** Key fields are rendered into the instance key (spec 2.1). */
  public boolean isKey() {
    return this == KEY_FIELD || this == UNIQUE_KEY_FIELD || this == AUTO_KEY_FIELD
        || this == SORTED_KEY_FIELD;
  }

  /** False for the classes that keep only companion structures: they get no SQL column. */
  public boolean hasColumn() {
    return indexKind != IndexKind.COMPANION;
  }

  public boolean isSorted() {
    return indexKind == IndexKind.SORTED_SET;
  }

  /** Whether the catalog may override the declared type ({@code Field(type=...)}). */
  public boolean acceptsType() {
    return this == FIELD || this == KEY_FIELD || this == UNIQUE_KEY_FIELD
        || this == SORTED_FIELD || this == SORTED_KEY_FIELD || this == INDEXED_FIELD
        || this == UNIQUE_FIELD;
  }

  /** The index prefix Popoto derives from this class's name. */
  public String defaultIndexPrefix() {
    return prefixOf(popotoName);
  }

  /**
   * Popoto's prefix rule: {@code "$" + name.strip("Field") + "F"}, where Python's
   * {@code str.strip} removes any of the characters F, i, e, l, d from both ends.
   */
  public static String prefixOf(String pythonClassName) {
    String chars = "Field";
    int start = 0;
    int end = pythonClassName.length();
    while (start < end && chars.indexOf(pythonClassName.charAt(start)) >= 0) {
      start++;
    }
    while (end > start && chars.indexOf(pythonClassName.charAt(end - 1)) >= 0) {
      end--;
    }
    return "$" + pythonClassName.substring(start, end) + "F";
  }

  /** Looks a class up by its Popoto name, exactly as written in Python; null when unknown. */
  public static FieldClass byPopotoName(String name) {
    for (FieldClass c : values()) {
      if (c.popotoName.equals(name)) {
        return c;
      }
    }
    return null;
  }
}
