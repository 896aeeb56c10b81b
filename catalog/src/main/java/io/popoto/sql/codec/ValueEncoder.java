package io.popoto.sql.codec;

import io.popoto.sql.catalog.FieldDef;
import io.popoto.sql.catalog.FormatLine;

/**
 * Encodes Java values into hash bytes exactly as Popoto does (used by the data generator and by
 * tests): msgpack with smallest ints, float64 floats, str/bin families, and the envelopes of
 * spec 3.3 with the tag entry first. Accepts String, Integer/Long/BigInteger, Double, Boolean,
 * byte[], BigDecimal, LocalDate, LocalTime, LocalDateTime (naive), OffsetDateTime (aware), List,
 * Map, Set, GeoPoint (or null for [nil, nil]) and a key String for a Relationship.
 */
public final class ValueEncoder {
  public ValueEncoder(FormatLine line) {
    throw new UnsupportedOperationException("TODO");
  }

  public byte[] encode(FieldDef field, Object value) {
    throw new UnsupportedOperationException("TODO");
  }
}
