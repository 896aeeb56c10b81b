package io.popoto.sql.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.popoto.sql.calcite.RedisSource;
import io.popoto.sql.jdbc.PopotoConnection;
import io.popoto.sql.redis.PrivateRedis;
import io.popoto.sql.testkit.OneXSample;
import io.popoto.sql.testkit.RedisExtension;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;

/**
 * The Popoto 1.x sample (written in the 1.x layout by the testkit's writer, shipped as
 * load.redis): its facts, the access path and command count of each 1.x index, and the
 * differential corpus against H2 and pushdown=false.
 */
@ExtendWith(RedisExtension.class)
class OneXSampleTest {
  static final String CORPUS = "/corpus/popoto-1x.sql";

  private static Connection db;
  private static Connection scan;
  private static Connection h2;

  @BeforeAll
  static void load(PrivateRedis redis) throws Exception {
    try (Jedis jedis = new Jedis(redis.host(), redis.port())) {
      OneXSample.load(jedis);
    }
    db = Differential.connect(redis, OneXSample.CATALOG, true);
    scan = Differential.connect(redis, OneXSample.CATALOG, false);
    h2 = H2Oracle.open("popoto1x");
    H2Oracle.addPopotoFunctions(h2);
    H2Oracle.load(h2, OneXSample.catalog(), redis);
  }

  @AfterAll
  static void close() throws SQLException {
    Differential.closeAll(db, scan, h2);
  }

  @Test
  void rowsAreTheHashesThatExist() throws SQLException {
    // Delivery's $Class has 6 members: one hash expired (Meta.ttl) and left its entries.
    Map<String, Long> counts = Map.of("Kitchen", 5L, "Courier", 4L, "Delivery", 5L,
        "Shift", 4L);
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      assertEquals(e.getValue(), single("SELECT COUNT(*) FROM " + e.getKey()), e.getKey());
    }
    assertEquals(List.of(), column("SELECT _key FROM Delivery WHERE _key = '"
        + OneXSample.D6_EXPIRED + "'"));
    // list and pointer keys inside Courier:* are never rows, even when asked for by key
    try (PreparedStatement ps = db.prepareStatement(
        "SELECT name FROM Courier WHERE _key IN (?, ?, ?)")) {
      ps.setString(1, OneXSample.C_ANA + "::recent_zones");
      ps.setString(2, OneXSample.C_DMITRI + "\0idxptr\0zone");
      ps.setString(3, OneXSample.C_DMITRI);
      try (ResultSet rs = ps.executeQuery()) {
        assertEquals(List.of(List.of("Dmitri")), ResultRows.read(rs));
      }
    }
  }

  @Test
  void cappedListsReadInPopotosOrder() throws SQLException {
    assertEquals(List.of("[\"Seefeld\",\"Wipkingen\",\"Oerlikon\"]", "[]",
        "[\"Bern\",\"Köniz\"]", "[]"),
        column("SELECT recent_zones FROM Courier ORDER BY name"));
    // pushed past its cap of 4: newest first, the oldest item gone
    assertEquals("[\"rated\",\"placed\",\"cooked\",\"picked\"]", single(
        "SELECT history FROM Delivery WHERE _key = '" + OneXSample.D1 + "'"));
    // items keep their runtime types: an int, a Decimal envelope's text
    assertEquals("[\"placed\",3,\"1.50\"]", single(
        "SELECT history FROM Delivery WHERE _key = '" + OneXSample.D4 + "'"));
  }

  @Test
  void tagsAreJsonArraysAndTheirFunctionsSkipStaleMembers() throws SQLException {
    assertEquals("[\"beer*\",\"quiz^night\",\"{&#58;}literal\"]",
        single("SELECT tags FROM Kitchen WHERE slug = 'o''brien''s [pub]?'"));
    assertEquals(List.of("Kyoto Ramen", "Pizza Uno"), column("SELECT name FROM Kitchen"
        + " WHERE popoto_has_tag(tags, 'late:night') ORDER BY name"));
    // $TagF:Kitchen:tags:spicy still lists Pizza Uno, whose hash no longer has the tag
    assertEquals(List.of("Ghost Kitchen", "Kyoto Ramen"), column("SELECT name FROM Kitchen"
        + " WHERE popoto_has_tag(tags, 'spicy') ORDER BY name"));
    assertEquals(List.of("Kyoto Ramen"), column("SELECT name FROM Kitchen"
        + " WHERE popoto_has_all_tags(tags, 'late:night', 'spicy')"));
    assertEquals(List.of("O'Brien's Pub", "Pizza Uno"), column("SELECT name FROM Kitchen"
        + " WHERE popoto_has_any_tag(tags, 'family', '{&#58;}literal') ORDER BY name"));
  }

  @Test
  void indexedAndUniqueFieldsReadTheirValueSets() throws SQLException {
    // $IndexF:Kitchen:city:Basel also lists Kyoto Ramen, which moved: re-checked away
    assertEquals(List.of("Ghost Kitchen"), column("SELECT name FROM Kitchen WHERE city = 'Basel'"));
    assertEquals(List.of("Pizza Uno"), column(
        "SELECT name FROM Kitchen WHERE email = 'ciao@uno.example'"));
    assertEquals(List.of(), column("SELECT name FROM Courier WHERE phone = '+41 79 555 00 00'"));
    assertEquals(List.of("Bo"), column("SELECT name FROM Courier WHERE zone IS NULL"));
    assertEquals(List.of("Ana"), column("SELECT name FROM Courier WHERE zone = 'Zürich-Nord'"));
    assertEquals(List.of("O'Brien's Pub"), column("SELECT name FROM Kitchen"
        + " WHERE city = 'Bern' AND name = 'O''Brien''s Pub'"));
  }

  @Test
  void datetimesAndTimesOfBothLines() throws SQLException {
    // aware value stored with its offset; a 0.8.3 naive envelope read as UTC
    assertEquals(LocalDateTime.of(2024, 3, 1, 10, 0), single(
        "SELECT opened_at FROM Kitchen WHERE slug = 'kyoto-ramen'"));
    assertEquals(LocalDateTime.of(2022, 1, 5, 18, 0), single(
        "SELECT opened_at FROM Kitchen WHERE slug = 'o''brien''s [pub]?'"));
    assertEquals(LocalDateTime.of(2026, 8, 7, 10, 0), single(
        "SELECT placed_at FROM Delivery WHERE _key = '" + OneXSample.D1 + "'"));
    assertEquals(List.of(OneXSample.D1), column("SELECT _key FROM Delivery"
        + " WHERE slot BETWEEN TIME '12:00:00' AND TIME '13:00:00'"));
    assertEquals(List.of(OneXSample.D2), column("SELECT _key FROM Delivery"
        + " WHERE placed_at > TIMESTAMP '2026-08-07 18:45:10'"
        + " AND placed_at < TIMESTAMP '2026-08-08 00:00:00'"));
    // a pre-1.9 key (str(dt)) and a canonical 1.9 key, each found by its value
    assertEquals(4.0, single("SELECT hours FROM Shift WHERE starts = TIMESTAMP"
        + " '2025-12-01 06:30:00'"));
    assertEquals(8.0, single("SELECT hours FROM Shift WHERE starts = TIMESTAMP"
        + " '2026-08-07 05:00:00'"));
    assertEquals(new BigDecimal("42.50"), single("SELECT total FROM Delivery WHERE _key = '"
        + OneXSample.D1 + "'"));
  }

  /** A 1.x SortedField(type=time) scores seconds since midnight; a TIME parameter bounds it. */
  @Test
  void timeParametersBoundATimeScore() throws SQLException {
    try (PreparedStatement ps = db.prepareStatement(
        "SELECT _key FROM Delivery WHERE slot >= ? AND slot < ? ORDER BY _key")) {
      ps.setTime(1, java.sql.Time.valueOf("11:00:00"));
      ps.setTime(2, java.sql.Time.valueOf("13:00:00"));
      try (ResultSet rs = ps.executeQuery()) {
        assertEquals(List.of(List.of(OneXSample.D1), List.of(OneXSample.D5)),
            ResultRows.read(rs));
      }
    }
  }

  @Test
  void companionOnlyFieldsAreNotColumns() {
    SQLException e = assertThrows(SQLException.class,
        () -> single("SELECT bio_terms FROM Courier"));
    assertEquals("42S22", e.getSQLState(), e.getMessage());
  }

  @Test
  void indexInfoReportsTheOneXIndexes() throws SQLException {
    List<String> indexes = new ArrayList<>();
    try (ResultSet rs = db.getMetaData().getIndexInfo(null, "popoto", "Kitchen", false, false)) {
      while (rs.next()) {
        indexes.add(rs.getString("INDEX_NAME") + " " + rs.getString("COLUMN_NAME") + " "
            + (rs.getBoolean("NON_UNIQUE") ? "non-unique" : "unique"));
      }
    }
    for (String expected : List.of("$UniquF:Kitchen:email:* email unique",
        "$IndexF:Kitchen:city:* city non-unique", "$TagF:Kitchen:tags:* tags non-unique",
        "$Index:Kitchen:city:name city unique", "$Index:Kitchen:city:name name unique",
        "$Index:Kitchen:city:cuisine cuisine non-unique")) {
      assertTrue(indexes.contains(expected), expected + " in " + indexes);
    }
  }

  /** Each 1.x access path: what EXPLAIN names and what one execution sends. */
  @TestFactory
  Stream<DynamicNode> oneXAccessPathsAndTheirCommands() {
    record Case(String sql, String path, long roundTrips, String command, long count) {}
    List<Case> cases = List.of(
        new Case("SELECT name FROM Kitchen WHERE city = 'Zürich'",
            "VALUE_SET $IndexF:Kitchen:city:Zürich", 2, "SMEMBERS", 1),
        new Case("SELECT name FROM Kitchen WHERE email IN ('ciao@uno.example', 'x@y.z')",
            "VALUE_SET $UniquF:Kitchen:email:{ciao@uno.example, x@y.z}", 2, "SMEMBERS", 2),
        new Case("SELECT name FROM Kitchen WHERE popoto_has_tag(tags, 'late:night')",
            "TAGS_ALL $TagF:Kitchen:tags:late{&#58;}night", 2, "SMEMBERS", 1),
        new Case("SELECT name FROM Kitchen WHERE popoto_has_all_tags(tags, 'late:night',"
            + " 'spicy')", "TAGS_ALL $TagF:Kitchen:tags:{late{&#58;}night, spicy}", 2,
            "SMEMBERS", 2),
        new Case("SELECT name FROM Kitchen WHERE popoto_has_any_tag(tags, 'family', 'beer*')",
            "TAGS_ANY $TagF:Kitchen:tags:{family, beer/*}", 2, "SMEMBERS", 2),
        new Case("SELECT slug FROM Kitchen WHERE name = 'Pizza Uno' AND city = 'Zürich'",
            "COMPOSITE $Index:Kitchen:city:name HGET {Zürich, Pizza Uno}", 2, "HGET", 1),
        new Case("SELECT hours FROM Shift WHERE starts = TIMESTAMP '2025-12-01 06:30:00'",
            "VALUE_SET $KeyF:Shift:starts:{2025/-12/-01T06{&#58;}30{&#58;}00.000000Z,"
            + " 2025/-12/-01 06{&#58;}30{&#58;}00}", 2, "SMEMBERS", 2),
        new Case("SELECT name, recent_zones FROM Courier", "SCAN $Class:Courier", 2, "LRANGE",
            4),
        new Case("SELECT history FROM Delivery WHERE status = 'delivered'",
            "VALUE_SET $IndexF:Delivery:status:delivered", 3, "LRANGE", 3));
    return cases.stream().map(k -> DynamicTest.dynamicTest(k.sql(), () -> {
      String plan = Differential.explain(db, k.sql());
      assertTrue(plan.contains(k.path()), k.path() + " in\n" + plan);
      RedisSource source = db.unwrap(PopotoConnection.class).redisSource();
      try (PreparedStatement ps = db.prepareStatement(k.sql())) {
        source.resetCounters();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rs.getObject(1);
          }
        }
      }
      assertEquals(k.roundTrips(), source.roundTrips(), "round trips of " + k.sql() + ": "
          + source.commandCounts());
      assertEquals(k.count(), source.commandCount(k.command()), k.command() + " of " + k.sql());
    }));
  }

  @Test
  void corpusIsLargeEnough() {
    assertTrue(QueryCorpus.load(CORPUS).size() >= 30);
  }

  @TestFactory
  Stream<DynamicNode> corpus() {
    return Differential.corpus(QueryCorpus.load(CORPUS), h2, db, scan);
  }

  private static Object single(String sql) throws SQLException {
    List<List<Object>> rows = Differential.run(db, sql);
    assertEquals(1, rows.size(), sql);
    return rows.get(0).get(0);
  }

  private static List<Object> column(String sql) throws SQLException {
    List<Object> out = new ArrayList<>();
    for (List<Object> row : Differential.run(db, sql)) {
      out.add(row.get(0));
    }
    return out;
  }

}
