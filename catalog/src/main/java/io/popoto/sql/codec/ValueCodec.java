package io.popoto.sql.codec;

import io.popoto.sql.catalog.Catalog;
import io.popoto.sql.catalog.FieldDef;

/**
 * Decodes a hash field's msgpack bytes into the Java value of its SQL column (spec 3,
 * architecture 3). Java types: STR/KEY String; INT Long (BigInteger above Long.MAX_VALUE is a
 * decode error for BIGINT); FLOAT Double; BOOL Boolean; BYTES byte[]; DECIMAL BigDecimal (scale
 * kept); DATE LocalDate; TIME LocalTime; DATETIME LocalDateTime in UTC (offsets converted; naive
 * values read in the catalog's naive zone, as-is when unknown); LIST/DICT/SET/TUPLE/DATAFRAME JSON
 * text String (set elements sorted for a stable order); GEO GeoPoint or null for [nil, nil].
 * msgpack nil is null. Envelopes are interpreted only at the top level.
 */
public final class ValueCodec {
  public ValueCodec(Catalog catalog) {
    throw new UnsupportedOperationException("TODO");
  }

  /** Strict decode; key is only used in the exception message. */
  public Object decode(String key, FieldDef field, byte[] msgpack) throws PopotoDecodeException {
    throw new UnsupportedOperationException("TODO");
  }

  /** The field's declared default as a Java value of its column type; null when none. */
  public Object defaultValue(FieldDef field) {
    throw new UnsupportedOperationException("TODO");
  }

  /** Hash fields to skip: undeclared (caller checks) and internal names containing NUL. */
  public static boolean isInternalField(String hashField) {
    return hashField.indexOf('\0') >= 0;
  }
}
