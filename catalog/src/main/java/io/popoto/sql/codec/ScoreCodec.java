package io.popoto.sql.codec;

import io.popoto.sql.catalog.Catalog;
import io.popoto.sql.catalog.FieldDef;

/**
 * The zset score Popoto gives a sorted-field value (spec 4.3): numbers as is, Decimal as double,
 * date as proleptic ordinal (0001-01-01 is 1), datetime as epoch seconds (naive values in the
 * writer's zone: the catalog's naive zone for 0.8.3, UTC for newest), time as seconds since
 * midnight (newest). Takes the Java values {@link ValueCodec} produces.
 */
public final class ScoreCodec {
  public ScoreCodec(Catalog catalog) {
    throw new UnsupportedOperationException("TODO");
  }

  public double score(FieldDef field, Object value) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * True when the score of a naive datetime is uncertain (0.8.3 data, naive zone unknown): a
   * range pushed into the zset must then be widened by 14 hours each way and re-checked.
   */
  public boolean uncertain(FieldDef field) {
    throw new UnsupportedOperationException("TODO");
  }
}
