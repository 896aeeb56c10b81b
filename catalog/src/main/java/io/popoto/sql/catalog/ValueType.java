package io.popoto.sql.catalog;

import java.util.Locale;

/**
 * The declared Python type of a Popoto field ({@code Field(type=...)}); it decides the msgpack
 * envelope a value is wrapped in and the SQL type of its column.
 */
public enum ValueType {
  STR("str"),
  INT("int"),
  FLOAT("float"),
  BOOL("bool"),
  BYTES("bytes"),
  DECIMAL("Decimal"),
  DATE("date"),
  TIME("time"),
  DATETIME("datetime"),
  LIST("list"),
  DICT("dict"),
  SET("set"),
  TUPLE("tuple"),
  /** pandas.DataFrame, stored as a JSON string inside a {@code __dataframe__} envelope. */
  DATAFRAME("DataFrame"),
  /** GeoField: a {@code __tuple__} envelope holding [latitude, longitude]. */
  GEO("geo"),
  /** Relationship: the escaped Redis key of the target instance, as a msgpack str. */
  KEY("key");

  private final String pythonName;

  ValueType(String pythonName) {
    this.pythonName = pythonName;
  }

  /** The name a Popoto user writes in {@code type=...}. */
  public String pythonName() {
    return pythonName;
  }

  /** True for types a user may declare with {@code "type"} in the catalog. */
  public boolean declarable() {
    return this != GEO && this != KEY;
  }

  /** Parses a Python type name ({@code str}, {@code Decimal}, {@code datetime.date} ...); null if unknown. */
  public static ValueType parse(String text) {
    if (text == null) {
      return null;
    }
    String t = text.trim();
    int dot = t.lastIndexOf('.');
    if (dot >= 0) {
      t = t.substring(dot + 1);
    }
    for (ValueType v : values()) {
      if (v.declarable() && v.pythonName.equalsIgnoreCase(t)) {
        return v;
      }
    }
    switch (t.toLowerCase(Locale.ROOT)) {
      case "string": return STR;
      case "integer": return INT;
      case "boolean": return BOOL;
      default: return null;
    }
  }
}
