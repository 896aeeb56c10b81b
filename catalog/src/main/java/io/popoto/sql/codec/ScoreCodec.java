package io.popoto.sql.codec;

import io.popoto.sql.catalog.Catalog;
import io.popoto.sql.catalog.FieldDef;
import io.popoto.sql.catalog.FormatLine;
import io.popoto.sql.catalog.ValueType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The zset score Popoto gives a sorted-field value (spec 4.3): numbers as is, Decimal as double,
 * date as proleptic ordinal (0001-01-01 is 1), datetime as epoch seconds (naive values in the
 * writer's zone: the catalog's naive zone for 0.8.3, UTC for newest), time as seconds since
 * midnight (newest). Takes the Java values {@link ValueCodec} produces.
 *
 * <p>ValueCodec already shifted 0.8 naive datetimes from the naive zone to UTC, so the epoch is
 * taken in UTC here; with an unknown zone the wall clock is scored as UTC and is uncertain.
 */
public final class ScoreCodec {
  /** date.toordinal() of 1970-01-01. */
  private static final long ORDINAL_OF_EPOCH_DAY_0 = 719_163L;

  private final Catalog catalog;

  public ScoreCodec(Catalog catalog) {
    this.catalog = catalog;
  }

  public double score(FieldDef field, Object value) {
    if (value instanceof LocalDate d) {
      return d.toEpochDay() + ORDINAL_OF_EPOCH_DAY_0;
    }
    if (value instanceof LocalDateTime dt) {
      return epochSeconds(dt.toEpochSecond(ZoneOffset.UTC), dt.getNano() / 1000);
    }
    if (value instanceof OffsetDateTime odt) {
      return epochSeconds(odt.toEpochSecond(), odt.getNano() / 1000);
    }
    if (value instanceof LocalTime t) {
      // Python: h*3600 + m*60 + s + us/1e6, an int plus a float.
      return t.toSecondOfDay() + (t.getNano() / 1000) / 1e6;
    }
    if (value instanceof BigDecimal d) {
      // float(Decimal) and BigDecimal.doubleValue() both round correctly.
      return d.doubleValue();
    }
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    if (value instanceof Boolean b) {
      return b ? 1 : 0;
    }
    throw new IllegalArgumentException("no zset score for " + field.name() + " value "
        + (value == null ? "null" : value.getClass().getSimpleName()));
  }

  /**
   * True when the score of a naive datetime is uncertain (0.8.3 data, naive zone unknown): a
   * range pushed into the zset must then be widened by 14 hours each way and re-checked.
   */
  public boolean uncertain(FieldDef field) {
    return field.type() == ValueType.DATETIME && catalog.formatLine() == FormatLine.V0_8
        && catalog.naiveZone() == null;
  }

  /**
   * CPython computes a naive timestamp() as int seconds + us / 1e6 (0.8.3 only stores naive
   * values) but an aware one as total microseconds / 10**6 (newest reads naive as UTC-aware);
   * the two can differ in the last bit.
   */
  private double epochSeconds(long seconds, long micros) {
    if (catalog.formatLine() == FormatLine.V0_8) {
      return seconds + micros / 1e6;
    }
    return (seconds * 1_000_000L + micros) / 1e6;
  }
}
