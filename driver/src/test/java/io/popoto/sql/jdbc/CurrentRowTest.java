package io.popoto.sql.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.popoto.sql.redis.PrivateRedis;
import io.popoto.sql.testkit.RedisExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Calendar;
import java.util.Random;
import java.util.TimeZone;
import org.apache.calcite.avatica.AvaticaResultSet;
import org.apache.calcite.avatica.util.DateTimeUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Values read straight from Calcite's row ({@link CurrentRow}) are Avatica's: the same value, of
 * the same class, with the same null flag, through getObject by index and by label, getString
 * and getTimestamp, for every column of every sample table and of computed columns, in a fixed
 * default zone and in one with daylight saving time; and the TIMESTAMP shift is
 * {@code DateTimeUtils.unixTimestampToSqlTimestamp} to the millisecond on seeded instants.
 */
@ExtendWith(RedisExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CurrentRowTest {
  private static final String[] QUERIES = {
      "SELECT * FROM \"Restaurant\"", "SELECT * FROM \"MenuItem\"",
      "SELECT * FROM \"Customer\"", "SELECT * FROM \"Driver\"", "SELECT * FROM \"Order\"",
      "SELECT o._key, o.total * 2 AS twice, CAST(o.total AS INTEGER) AS whole,"
          + " CAST(o.total AS BIGINT) AS as_big, o.total > 20 AS big_one, o.note IS NULL AS nonote,"
          + " o.created_at, CAST(NULL AS TIMESTAMP) AS no_time, CAST(NULL AS VARCHAR) AS no_text"
          + " FROM \"Order\" o",
  };
  private String url;

  @BeforeAll
  void setUp(PrivateRedis redis) {
    RedisExtension.loadFixture(redis);
    url = "jdbc:popoto:redis://" + redis.host() + ":" + redis.port()
        + "?catalog=classpath:popoto-sql/samples/food-delivery/catalog.json";
  }

  @Test
  void everyValueIsAvaticasInTheJvmsZone() throws Exception {
    assertTrue(compareAll() > 0);
  }

  @Test
  void everyValueIsAvaticasInAFixedOffsetZoneAndInOneWithDaylightSaving() throws Exception {
    TimeZone saved = TimeZone.getDefault();
    try {
      for (String zone : new String[] {"GMT+05:30", "America/New_York", "Pacific/Kiritimati"}) {
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        assertTrue(compareAll() > 0, zone);
      }
    } finally {
      TimeZone.setDefault(saved);
    }
  }

  /** Compares every getter with Avatica's; returns how many values were read from the row. */
  private int compareAll() throws SQLException {
    int direct = 0;
    int timestamps = 0;
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      for (String sql : QUERIES) {
        try (ResultSet rs = s.executeQuery(sql)) {
          AvaticaResultSet avatica = rs.unwrap(AvaticaResultSet.class);
          CurrentRow row = CurrentRow.of(avatica);
          assertNotNull(row);
          ResultSetMetaData md = rs.getMetaData();
          int rows = 0;
          while (rs.next()) {
            rows++;
            for (int i = 1; i <= md.getColumnCount(); i++) {
              String where = sql + " row " + rows + " column " + md.getColumnLabel(i);
              direct += row.value(i) != CurrentRow.AVATICA ? 1 : 0;
              same(avatica.getObject(i), avatica.wasNull(), rs.getObject(i), rs.wasNull(), where);
              same(avatica.getObject(md.getColumnLabel(i)), avatica.wasNull(),
                  rs.getObject(md.getColumnLabel(i)), rs.wasNull(), where + " by label");
              same(avatica.getString(i), avatica.wasNull(), rs.getString(i), rs.wasNull(),
                  where + " getString");
              if (md.getColumnType(i) == Types.TIMESTAMP) {
                timestamps++;
                same(avatica.getTimestamp(i), avatica.wasNull(), rs.getTimestamp(i),
                    rs.wasNull(), where + " getTimestamp");
              }
            }
          }
          assertTrue(rows > 0, sql);
          assertThrows(SQLException.class, () -> rs.getObject(1), "after the last row");
          rs.close();
          assertThrows(SQLException.class, () -> rs.getObject(1), "once closed");
        }
      }
    }
    assertTrue(timestamps > 0);
    return direct;
  }

  private static void same(Object expected, boolean expectedNull, Object actual,
      boolean actualNull, String where) {
    if (expected instanceof byte[] bytes) {
      assertArrayEquals(bytes, (byte[]) actual, where);
    } else {
      assertEquals(expected, actual, where);
    }
    assertEquals(expected == null ? null : expected.getClass(),
        actual == null ? null : actual.getClass(), where);
    if (expected instanceof Timestamp t) {
      assertEquals(t.getNanos(), ((Timestamp) actual).getNanos(), where);
      assertEquals(t.toString(), actual.toString(), where);
    }
    assertEquals(expectedNull, actualNull, where + " wasNull");
  }

  @Test
  void theTimestampShiftIsAvaticasArithmetic() {
    TimeZone saved = TimeZone.getDefault();
    Random random = new Random(20261202);
    String[] zones = {"UTC", "GMT+05:30", "GMT-08:00", "Etc/GMT-14", "GMT+00:01"};
    try {
      for (String jvm : zones) {
        TimeZone.setDefault(TimeZone.getTimeZone(jvm));
        for (String cal : zones) {
          Calendar calendar = Calendar.getInstance(TimeZone.getTimeZone(cal));
          Long shift = CurrentRow.fixedShift(TimeZone.getDefault(), DateTimeUtils.DEFAULT_ZONE,
              calendar.getTimeZone());
          Long noCalendar = CurrentRow.fixedShift(TimeZone.getDefault(),
              DateTimeUtils.DEFAULT_ZONE, null);
          if (!DateTimeUtils.DEFAULT_ZONE.toZoneId().getRules().isFixedOffset()) {
            assertNull(shift);
            continue;
          }
          for (int i = 0; i < 2_000; i++) {
            long v = i == 0 ? CurrentRow.GREGORIAN_FROM : i == 1 ? CurrentRow.GREGORIAN_TO
                : CurrentRow.GREGORIAN_FROM + Math.floorMod(random.nextLong(),
                    CurrentRow.GREGORIAN_TO - CurrentRow.GREGORIAN_FROM + 1);
            Timestamp avatica = DateTimeUtils.unixTimestampToSqlTimestamp(v, calendar);
            Timestamp shifted = new Timestamp(v - shift);
            assertEquals(avatica.getTime(), shifted.getTime(), jvm + " " + cal + " " + v);
            assertEquals(avatica.getNanos(), shifted.getNanos(), jvm + " " + cal + " " + v);
            assertEquals(DateTimeUtils.unixTimestampToSqlTimestamp(v, null).getTime(),
                v - noCalendar, jvm + " no calendar " + v);
          }
        }
      }
      TimeZone.setDefault(TimeZone.getTimeZone("Europe/Paris"));
      assertNull(CurrentRow.fixedShift(TimeZone.getDefault(), DateTimeUtils.DEFAULT_ZONE, null));
      assertNull(CurrentRow.fixedShift(TimeZone.getTimeZone("UTC"), DateTimeUtils.DEFAULT_ZONE,
          TimeZone.getTimeZone("Asia/Kolkata")));
    } finally {
      TimeZone.setDefault(saved);
    }
  }
}
