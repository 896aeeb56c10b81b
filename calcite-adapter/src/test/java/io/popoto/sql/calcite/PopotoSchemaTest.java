package io.popoto.sql.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PopotoSchemaTest extends FixtureSession {

  @Override
  ReaderOptions options() {
    return new ReaderOptions(2, false, true);
  }

  private List<List<Object>> query(String sql) throws Exception {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  @Test
  void countSkipsClassMembersWithoutHash() throws Exception {
    assertEquals(List.of(List.of(4L)), query("select count(*) from customer"));
  }

  @Test
  void readsNamesInPagesOfTwo() throws Exception {
    assertEquals(List.of(List.of("Burger Palace"), List.of("Café Zürich: Bar-Grill"),
            List.of("Ghost Kitchen*"), List.of("Sushi Zen"), List.of("Taco-Town 24/7")),
        query("select name from restaurant order by name"));
  }

  @Test
  void projectionFetchesOnlyNeededFields() throws Exception {
    source.resetCounters();
    assertEquals(6, query("select total from \"Order\"").size());
    // pages of 2 (Redis 7.0 pages a hashtable set; 7.2+ returns a small listpack set whole)
    assertEquals(6, source.commandCount("HMGET"));
    long pages = source.commandCount("SSCAN");
    assertTrue(pages >= 1 && pages <= 4, "SSCAN pages: " + pages);
    assertEquals(0, source.commandCount("HLEN"));
  }

  @Test
  void geoAndDecimalAndTimestampColumns() throws Exception {
    List<List<Object>> rows = query("select address_latitude, address_longitude from customer "
        + "where name like 'Zo%'");
    assertEquals(1, rows.size());
    assertEquals(null, rows.get(0).get(0));
    assertEquals(List.of(List.of(new java.math.BigDecimal("3.00"))),
        query("select tip from \"Order\" where total = 17.49"));
    assertEquals(List.of(List.of(133.74)),
        query("select cast(sum(total) as decimal(10,2)) * 1.0e0 from \"Order\""));
  }

  @Test
  void innerJoinDropsDanglingReference() throws Exception {
    List<List<Object>> rows = query("select count(*) from \"Order\" o join restaurant r "
        + "on o.restaurant = r._key");
    assertEquals(List.of(List.of(5L)), rows);
    assertFalse(source.commandCounts().containsKey("HSET"));
  }
}
