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

/** Joins on relationship columns: batched index nested-loop joins on the fixture. */
class JoinPushdownTest extends FixtureSession {
  private static final String BIANCA = "Driver:217cde2006ac424695eff2c74c406f9a:555/-0102";

  @Override
  ReaderOptions options() {
    return new ReaderOptions(100, false, true);
  }

  private List<String> rows(String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          b.append(rs.getString(i)).append(" | ");
        }
        out.add(b.toString());
      }
    }
    return out;
  }


  /**
   * Round trips of the query's reads: the planner's SCARD statistics expire after 30 s, so on a
   * slow machine re-planning may add some.
   */
  private long readRoundTrips() {
    return source.roundTrips() - source.commandCount("SCARD");
  }

  private static final String SUSHI_ZEN = "Restaurant:New York:Sushi Zen";

  /** Outer rows known: the distinct relationship targets of a batch are one pipelined lookup. */
  @Test
  void manyToOneLooksUpTheTargetKeysOfEachBatch() throws Exception {
    String sql = "SELECT o._key, r.name FROM \"Order\" o JOIN Restaurant r"
        + " ON o.restaurant = r._key WHERE o.driver = '" + BIANCA + "'";
    String plan = explain(sql);
    assertTrue(plan.contains("PopotoBatchJoin"), plan);
    assertTrue(plan.contains("match=[by key "), plan); // each batch matched by key, not 100x
    // many orders, one restaurant: a restaurant read once serves the later batches
    assertTrue(plan.contains(", each key read once]"), plan);
    assertTrue(plan.contains("table=[[popoto, Restaurant]], path=[KEYS {outer.restaurant x100}]"),
        plan);
    assertFalse(plan.contains("SCAN $Class"), plan);
    source.resetCounters();
    assertEquals(List.of("Order:66c762af74a6476d8b3ef1ad2dcaf23e | Sushi Zen | "), rows(sql));
    // the reverse set, the order, the batch's restaurant
    assertEquals(3, readRoundTrips());
  }

  /** Without a filter one side is scanned and the other read through its indexes. */
  @Test
  void unfilteredJoinScansOneSideOnly() throws Exception {
    String sql = "SELECT o._key, r.name FROM \"Order\" o JOIN Restaurant r"
        + " ON o.restaurant = r._key";
    String plan = explain(sql);
    assertTrue(plan.contains("PopotoBatchJoin"), plan);
    assertEquals(1, count(plan, "SCAN $Class"), plan);
    assertEquals(1, count(plan, "x100}"), plan);
    source.resetCounters();
    assertEquals(5, rows(sql).size());
    assertEquals(1, source.commandCount("SSCAN"));
  }

  /** The selective side drives: Popoto's restaurant__name= filter, which Popoto cannot run. */
  @Test
  void oneToManyStartsFromTheSelectiveSideAndReadsReverseSets() throws Exception {
    String sql = "SELECT o._key, c.name FROM \"Order\" o JOIN Restaurant r"
        + " ON o.restaurant = r._key JOIN Customer c ON o.customer = c._key"
        + " WHERE r.name = 'Sushi Zen'";
    String plan = explain(sql);
    assertTrue(plan.contains("path=[VALUE_SET $KeyF:Restaurant:name:Sushi Zen]"), plan);
    // restaurants to orders: the outer keys are unique and each has many orders, nothing to
    // keep; orders to customers: many orders, one customer, each customer read once
    assertTrue(plan.contains("match=[by key $0 = $4])"), plan);
    assertTrue(plan.contains("match=[by key $1 = $5, each key read once])"), plan);
    assertTrue(plan.contains("path=[RELATIONSHIP $RelationshipF:Order:restaurant:{outer._key x100}]"),
        plan);
    assertTrue(plan.contains("path=[KEYS {outer.customer x100}]"), plan);
    assertFalse(plan.contains("SCAN $Class"), plan);
    source.resetCounters();
    assertEquals(List.of("Order:467cde436c264e62a4e4cdcdfb69c3d1 | Jane Doe | ",
        "Order:66c762af74a6476d8b3ef1ad2dcaf23e | Jean-Luc Picard | "), sorted(rows(sql)));
    // $KeyF set, restaurant hash, reverse set, orders, customers: one round trip each
    assertEquals(5, readRoundTrips());
    assertEquals(0, source.commandCount("SSCAN"));
  }

  @Test
  void leftJoinKeepsOrdersWithoutDriverAsNulls() throws Exception {
    String sql = "SELECT o._key, d.name FROM \"Order\" o LEFT JOIN Driver d ON o.driver = d._key";
    assertTrue(explain(sql).contains("joinType=[left]"), explain(sql));
    List<String> rows = rows(sql);
    assertEquals(6, rows.size(), rows.toString());
    assertEquals(2, rows.stream().filter(r -> r.endsWith("| null | ")).count(), rows.toString());
  }

  @Test
  void semiJoinsUseTheSameMachinery() throws Exception {
    String in = "SELECT o._key FROM \"Order\" o WHERE o.restaurant IN"
        + " (SELECT _key FROM Restaurant WHERE city = 'New York')";
    String plan = explain(in);
    assertTrue(plan.contains("RELATIONSHIP $RelationshipF:Order:restaurant:{outer._key x100}"),
        plan);
    assertFalse(plan.contains("SCAN $Class"), plan);
    assertEquals(3, rows(in).size());
    String exists = "SELECT r.name FROM Restaurant r WHERE EXISTS"
        + " (SELECT 1 FROM \"Order\" o WHERE o.restaurant = r._key AND o.status = 'delivered')";
    assertTrue(explain(exists).contains("PopotoBatchJoin"), explain(exists));
    assertFalse(rows(exists).isEmpty());
  }

  /** MenuItem -> MenuItem -> MenuItem over combo_includes: two batched key lookups. */
  @Test
  void selfJoinTwoHops() throws Exception {
    String sql = "SELECT a.name, c.name FROM MenuItem a JOIN MenuItem b"
        + " ON a.combo_includes = b._key JOIN MenuItem c ON b.combo_includes = c._key";
    String plan = explain(sql);
    assertEquals(1, count(plan, "SCAN $Class:MenuItem"), plan);
    assertEquals(2, count(plan, "x100}"), plan);
    // expected.md 6: from Mega Combo the chain reaches Classic Burger in two hops
    assertEquals(List.of("Mega Combo | Classic Burger | "), rows(sql));
  }

  /** A join on every key field builds each outer row's key: one batched lookup, no scan. */
  @Test
  void joinOnAllKeyFieldsBuildsTheKeys() throws Exception {
    String sql = "SELECT a.name, b.cuisine FROM Restaurant a JOIN Restaurant b"
        + " ON a.city = b.city AND a.name = b.name";
    String plan = explain(sql);
    assertTrue(plan.contains("KEYS <all key fields> x100"), plan);
    assertEquals(1, count(plan, "SCAN $Class"), plan);
    assertEquals(5, rows(sql).size());
  }

  @Test
  void pushdownOffKeepsCalcitesOwnJoins() throws Exception {
    try (Connection off = CalciteOverRedis.open(source, new ReaderOptions(100, false, false));
         Statement s = off.createStatement();
         ResultSet rs = s.executeQuery("explain plan for SELECT o._key, r.name FROM \"Order\" o"
             + " JOIN Restaurant r ON o.restaurant = r._key WHERE r.name = 'Sushi Zen'")) {
      rs.next();
      String plan = rs.getString(1);
      assertFalse(plan.contains("BatchNestedLoop"), plan);
      assertEquals(2, count(plan, "SCAN $Class"), plan);
    }
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  private static List<String> sorted(List<String> rows) {
    List<String> copy = new ArrayList<>(rows);
    java.util.Collections.sort(copy);
    return copy;
  }
}
