package io.popoto.sql.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Access paths on the fixture: right rows, the Redis structure EXPLAIN names, command counts. */
class PushdownTest extends FixtureSession {
  private static final String BIANCA = "Driver:217cde2006ac424695eff2c74c406f9a:555/-0102";

  @Override
  ReaderOptions options() {
    return new ReaderOptions(100, false, true);
  }



  @Test
  void relationshipEqualityReadsOneReverseSetAndRechecksStaleMembers() throws Exception {
    String sql = "select status from \"Order\" where driver = '" + BIANCA + "'";
    assertTrue(explain(sql).contains("RELATIONSHIP $RelationshipF:Order:driver:" + BIANCA),
        explain(sql));
    source.resetCounters();
    // the reverse set holds o4 (reassigned to alex) and o7; only o7 still points at bianca
    assertEquals(List.of("out_for_delivery"), column(sql));
    assertEquals(1, source.commandCount("SMEMBERS"));
    assertEquals(2, source.commandCount("HMGET"));
    assertEquals(0, source.commandCount("SSCAN"));
  }

  @Test
  void keyInListIsOnePipelineWithoutScan() throws Exception {
    String sql = "select name from customer where _key in ('Customer:jane@example.com:janedoe', "
        + "'Customer:zoe@example.com:zoë', 'Customer:carol@example.com:carol{&#58;}old', "
        + "'Customer:nobody:none', 'Customer:jane@example.com:janedoe')";
    source.resetCounters();
    assertEquals(List.of("Jane Doe", "Zoë Ångström 🍣"), sorted(column(sql)));
    assertEquals(0, source.commandCount("SSCAN"));
    assertEquals(4, source.commandCount("HMGET"));
  }

  @Test
  void allKeyFieldsEqualBuildsTheKey() throws Exception {
    String sql = "select rating from restaurant where city = 'Winston-Salem' "
        + "and name = 'Taco-Town 24/7'";
    assertTrue(explain(sql).contains("KEYS"), explain(sql));
    source.resetCounters();
    assertEquals(List.of("3.9"), column(sql));
    assertEquals(1, source.commandCount("HMGET"));
  }

  @Test
  void keyFieldValueSetWithEscapedValue() throws Exception {
    String sql = "select name from restaurant where city = ?";
    source.resetCounters();
    assertEquals(List.of("Taco-Town 24/7"), column(sql, "Winston-Salem"));
    assertEquals(1, source.commandCount("SMEMBERS"));
    assertEquals(0, source.commandCount("SSCAN"));
    assertEquals(List.of("Burger Palace", "Ghost Kitchen*", "Sushi Zen"),
        sorted(column(sql, "New York")));
  }

  @Test
  void sortedRangeWithExclusiveBound() throws Exception {
    String sql = "select total from \"Order\" where total > 20";
    assertTrue(explain(sql).contains("SORTED_RANGE $SortF:Order:total (20.0, +inf)"),
        explain(sql));
    source.resetCounters();
    assertEquals(List.of("22.0", "28.5", "48.0"), sorted(column(sql)));
    assertEquals(1, source.commandCount("ZRANGEBYSCORE"));
    assertEquals(3, source.commandCount("HMGET"));
  }

  @Test
  void partitionedSortedFieldNeedsThePartitionValue() throws Exception {
    String with = "select name from restaurant where price_level <= 2 and city = 'New York'";
    assertTrue(explain(with).contains("$SortF:Restaurant:price_level:New York"), explain(with));
    assertEquals(List.of("Burger Palace", "Ghost Kitchen*"), sorted(column(with)));
    String without = "select name from restaurant where price_level <= 2";
    assertTrue(explain(without).contains("SCAN $Class:Restaurant"), explain(without));
    assertEquals(List.of("Burger Palace", "Ghost Kitchen*", "Taco-Town 24/7"),
        sorted(column(without)));
  }

  @Test
  void datetimeRangeUsesEpochScores() throws Exception {
    String sql = "select _key from \"Order\" where deliver_by < timestamp '2024-05-03 00:00:00'";
    assertTrue(explain(sql).contains("SORTED_RANGE $SortF:Order:deliver_by"), explain(sql));
    assertEquals(3, column(sql).size());
  }

  @Test
  void orAcrossIndexesIsAUnion() throws Exception {
    String sql = "select name from restaurant where city = 'Zürich' or rating >= 4.8";
    assertTrue(explain(sql).contains("UNION("), explain(sql));
    assertEquals(List.of("Café Zürich: Bar-Grill", "Sushi Zen"), sorted(column(sql)));
  }

  @Test
  void geoRadiusIsRecheckedWithExactCoordinates() throws Exception {
    String sql = "select name from restaurant where "
        + "popoto_within(location_latitude, location_longitude, 40.7128, -74.0060, 10)";
    assertTrue(explain(sql).contains("GEO_RADIUS $GeoF:Restaurant:location"), explain(sql));
    assertEquals(List.of("Burger Palace", "Sushi Zen"), sorted(column(sql)));
  }

  /**
   * A read whose candidates all came in one batch ends without borrowing a connection only to
   * learn that none are left: one borrow per execution, whichever one-read source it was.
   */
  @Test
  void aOneBatchReadBorrowsOneConnection() throws Exception {
    for (String sql : List.of(
        "select status from \"Order\" where driver = '" + BIANCA + "'",
        "select name from restaurant where city = 'New York' or city = 'Winston-Salem'",
        "select name from restaurant where "
            + "popoto_within(location_latitude, location_longitude, 40.7128, -74.0060, 10)",
        "select name from customer where _key in ('Customer:jane@example.com:janedoe', "
            + "'Customer:zoe@example.com:zoë')")) {
      try (java.sql.PreparedStatement s = connection.prepareStatement(sql)) {
        long before = source.borrows();
        int rows = 0;
        try (java.sql.ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            rows++;
          }
        }
        assertTrue(rows > 0, sql);
        assertEquals(1, source.borrows() - before, sql);
      }
    }
  }

  @Test
  void pushdownMatchesFullScanForAParameterisedRelationship() throws Exception {
    String sql = "select count(*) from \"Order\" where restaurant = ?";
    assertEquals(List.of("2"), column(sql, "Restaurant:New York:Sushi Zen"));
    assertEquals(List.of("1"), column(sql, "Restaurant:New York:What/'s Up/? Diner /[old/]"));
    assertEquals(List.of("0"), column(sql, "Restaurant:New York:Ghost Kitchen/*"));
  }

  @Test
  void orderBySortedFieldWithLimitReadsTheZsetInOrder() throws Exception {
    String sql = "select total from \"Order\" order by total desc limit 3";
    String plan = explain(sql);
    assertTrue(plan.contains("order=[total DESC]") && !plan.contains("Sort("), plan);
    source.resetCounters();
    assertEquals(List.of("48.0", "28.5", "22.0"), column(sql));
    assertEquals(1, source.commandCount("ZREVRANGEBYSCORE"));
    assertEquals(3, source.commandCount("HMGET"));
    assertEquals(List.of("10.5", "17.49"),
        column("select total from \"Order\" where total > 7.25 order by total limit 2"));
    assertEquals(List.of("22.0"),
        column("select total from \"Order\" order by total desc limit 1 offset 2"));
  }

  private static List<String> sorted(List<String> in) {
    List<String> copy = new ArrayList<>(in);
    copy.sort(null);
    return copy;
  }
}
