package io.popoto.sql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.popoto.sql.catalog.Catalog;
import io.popoto.sql.catalog.CatalogReader;
import io.popoto.sql.catalog.FieldDef;
import io.popoto.sql.catalog.ModelDef;
import io.popoto.sql.redis.PrivateRedis;
import io.popoto.sql.testkit.RedisExtension;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Metadata that agrees with itself and with the values: for every column of the bundled
 * sample(s) and of the catalog's system tables, getColumns, the ResultSetMetaData of a query
 * over the table and getTypeInfo name the same type with the same sizes, and decimal values
 * carry the scale their column declares.
 */
@ExtendWith(RedisExtension.class)
class MetadataConsistencyTest {
  /** Every bundled sample: its catalog and the Redis database its fixture is loaded into. */
  record Sample(String catalog, int database) {}

  static final List<Sample> SAMPLES = List.of(
      new Sample("classpath:popoto-sql/samples/food-delivery/catalog.json", 0),
      new Sample(io.popoto.sql.testkit.OneXSample.CATALOG, 1));

  @BeforeAll
  static void load(PrivateRedis redis) {
    RedisExtension.loadFixture(redis);
    try (redis.clients.jedis.Jedis jedis = new redis.clients.jedis.Jedis(redis.host(),
        redis.port())) {
      jedis.select(1);
      io.popoto.sql.testkit.OneXSample.load(jedis);
    }
  }

  record Declared(int dataType, String typeName, Integer size, Integer digits, int nullable,
      int position) {}

  /** getColumns of one schema: table -> column -> what it declares, in ordinal order. */
  static Map<String, Map<String, Declared>> columns(DatabaseMetaData md, String schema)
      throws SQLException {
    Map<String, Map<String, Declared>> out = new LinkedHashMap<>();
    try (ResultSet rs = md.getColumns(null, schema, null, null)) {
      while (rs.next()) {
        assertEquals(schema, rs.getString("TABLE_SCHEM"));
        Integer size = (Integer) rs.getObject("COLUMN_SIZE");
        Integer digits = (Integer) rs.getObject("DECIMAL_DIGITS");
        out.computeIfAbsent(rs.getString("TABLE_NAME"), t -> new LinkedHashMap<>())
            .put(rs.getString("COLUMN_NAME"), new Declared(rs.getInt("DATA_TYPE"),
                rs.getString("TYPE_NAME"), size, digits, rs.getInt("NULLABLE"),
                rs.getInt("ORDINAL_POSITION")));
      }
    }
    return out;
  }

  record TypeInfo(int dataType, int precision) {}

  static Map<String, TypeInfo> typeInfo(DatabaseMetaData md) throws SQLException {
    Map<String, TypeInfo> out = new HashMap<>();
    try (ResultSet rs = md.getTypeInfo()) {
      int lastType = Integer.MIN_VALUE;
      while (rs.next()) {
        assertTrue(rs.getInt("DATA_TYPE") >= lastType, "getTypeInfo is ordered by DATA_TYPE");
        lastType = rs.getInt("DATA_TYPE");
        out.put(rs.getString("TYPE_NAME"), new TypeInfo(rs.getInt("DATA_TYPE"),
            rs.getInt("PRECISION")));
      }
    }
    return out;
  }

  /**
   * Checks every column of every table of a schema against the ResultSetMetaData of
   * {@code SELECT * FROM} it, and getTypeInfo; returns the decimal columns' declared scale.
   */
  static Map<String, Integer> assertConsistent(Connection c, String schema)
      throws SQLException {
    return assertConsistent(c, schema, null);
  }

  /** @param catalog the models, to check the values of decimals that declare their scale */
  static Map<String, Integer> assertConsistent(Connection c, String schema, Catalog catalog)
      throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    Map<String, TypeInfo> types = typeInfo(md);
    Map<String, Integer> decimals = new TreeMap<>();
    Map<String, Map<String, Declared>> tables = columns(md, schema);
    assertFalse(tables.isEmpty(), schema);
    for (Map.Entry<String, Map<String, Declared>> table : tables.entrySet()) {
      String sql = "SELECT * FROM \"" + schema + "\".\"" + table.getKey() + "\"";
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
        ResultSetMetaData rsmd = rs.getMetaData();
        List<String> names = new ArrayList<>(table.getValue().keySet());
        assertEquals(names.size(), rsmd.getColumnCount(), sql);
        for (int i = 1; i <= rsmd.getColumnCount(); i++) {
          String where = schema + "." + table.getKey() + "." + rsmd.getColumnName(i);
          Declared d = table.getValue().get(rsmd.getColumnName(i));
          assertNotNull(d, where + " missing from getColumns");
          assertEquals(i, d.position(), where);
          assertEquals(d.dataType(), rsmd.getColumnType(i), where + " type");
          assertEquals(d.typeName(), rsmd.getColumnTypeName(i), where + " type name");
          assertFalse(d.typeName().contains("("), where + " type name carries no precision");
          assertNotNull(d.size(), where);
          assertEquals((int) d.size(), rsmd.getPrecision(i), where + " precision");
          assertEquals(d.digits() == null ? 0 : d.digits(), rsmd.getScale(i), where + " scale");
          assertEquals(d.nullable(), rsmd.isNullable(i), where + " nullable");
          assertTrue(rsmd.getColumnDisplaySize(i) >= Math.min(d.size(), 5), where);
          TypeInfo info = types.get(d.typeName());
          assertNotNull(info, where + ": " + d.typeName() + " missing from getTypeInfo");
          assertEquals(info.dataType(), d.dataType(), where);
          assertTrue(d.size() <= info.precision(), where + " size within getTypeInfo");
          switch (d.dataType()) {
            case Types.VARCHAR, Types.VARBINARY -> {
              assertEquals(ColumnSize.UNBOUNDED, d.size(), where);
              assertEquals(ColumnSize.UNBOUNDED, rsmd.getColumnDisplaySize(i), where);
            }
            case Types.TIMESTAMP -> assertEquals(23, rsmd.getColumnDisplaySize(i), where);
            case Types.DECIMAL -> decimals.put(where, d.digits());
            default -> {
              // sizes compared above
            }
          }
        }
        while (rs.next()) {
          for (int i = 1; i <= rsmd.getColumnCount(); i++) {
            ModelDef model = catalog == null ? null : catalog.model(table.getKey());
            FieldDef field = model == null ? null : model.field(rsmd.getColumnName(i));
            if (rsmd.getColumnType(i) == Types.DECIMAL && rs.getBigDecimal(i) != null
                && field != null && field.decimalPlaces() != null) {
              BigDecimal v = rs.getBigDecimal(i);
              assertEquals(rsmd.getScale(i), v.scale(), table.getKey() + "."
                  + rsmd.getColumnName(i) + " = " + v + " carries the declared scale");
              assertEquals(v.toPlainString(), rs.getString(i));
            }
          }
        }
      }
    }
    return decimals;
  }

  @Test
  void everySampleColumnAgreesAcrossGetColumnsResultSetMetaDataAndTypeInfo(PrivateRedis redis)
      throws Exception {
    for (Sample sample : SAMPLES) {
      try (Connection c = DriverManager.getConnection("jdbc:popoto:redis://" + redis.host()
          + ":" + redis.port() + "/" + sample.database() + "?catalog=" + sample.catalog())) {
        Map<String, Integer> decimals = assertConsistent(c, "popoto",
            CatalogReader.load(sample.catalog()));
        if (sample.database() == 0) {
          assertEquals(Map.of("popoto.Driver.earnings", 2, "popoto.Order.tip", 2,
              "popoto.Restaurant.avg_ticket", 2), decimals);
        }
        assertConsistent(c, CatalogSchema.NAME);
      }
    }
  }

  @Test
  void undeclaredDecimalPlacesKeepTheStoredScaleUnderScaleZero(PrivateRedis redis)
      throws Exception {
    Catalog sample = CatalogReader.load(
        "classpath:popoto-sql/samples/food-delivery/catalog.json");
    List<ModelDef> models = new ArrayList<>();
    for (ModelDef m : sample.models()) {
      List<FieldDef> fields = new ArrayList<>();
      for (FieldDef f : m.fields()) {
        fields.add(f.withDecimalPlaces(null));
      }
      models.add(new ModelDef(m.name(), fields, m.position()));
    }
    Catalog undeclared = new Catalog(sample.formatLine(), sample.naiveZone(), models);
    try (Connection c = PopotoDriver.connect(PopotoDriverTest.url(redis), new Properties(),
        undeclared); Statement s = c.createStatement()) {
      List<String> tips = new ArrayList<>();
      try (ResultSet rs = s.executeQuery(
          "SELECT tip FROM \"Order\" WHERE tip IS NOT NULL ORDER BY tip")) {
        assertEquals(0, rs.getMetaData().getScale(1));
        while (rs.next()) {
          tips.add(rs.getString(1));
        }
      }
      assertEquals(List.of("0.10", "3.00", "5.5"), tips);
      try (ResultSet rs = s.executeQuery("SELECT AVG(tip), SUM(tip) FROM \"Order\"")) {
        assertTrue(rs.next());
        // The mean of 0.10, 3.00 and 5.5, not rounded to the column's scale 0.
        assertTrue(new BigDecimal("2.8666666667").subtract(rs.getBigDecimal(1)).abs()
            .compareTo(new BigDecimal("1E-9")) < 0, rs.getString(1));
        assertEquals(0, new BigDecimal("8.60").compareTo(rs.getBigDecimal(2)));
      }
      try (ResultSet rs = c.getMetaData().getColumns(null, null, "Order", "tip")) {
        assertTrue(rs.next());
        assertEquals(0, rs.getInt("DECIMAL_DIGITS"));
        assertTrue(rs.getString("REMARKS").contains("no fixed scale"), rs.getString("REMARKS"));
      }
    }
  }

  @Test
  void discoveryDeclaresTheScaleItSees(PrivateRedis redis) throws SQLException {
    try (Connection c = DriverManager.getConnection(PopotoDriverTest.url(redis));
         ResultSet rs = c.getMetaData().getColumns(null, null, "Order", "tip")) {
      assertTrue(rs.next());
      assertEquals(Types.DECIMAL, rs.getInt("DATA_TYPE"));
      assertEquals(2, rs.getInt("DECIMAL_DIGITS")); // 0.10, 3.00 and 5.5 were sampled
    }
  }

  @Test
  void getTablesIsSortedTypedAndNamesTheModel(PrivateRedis redis) throws SQLException {
    try (Connection c = DriverManager.getConnection(PopotoDatabaseMetaDataTest.url(redis))) {
      DatabaseMetaData md = c.getMetaData();
      Set<String> tableTypes = new TreeSet<>();
      try (ResultSet rs = md.getTableTypes()) {
        while (rs.next()) {
          tableTypes.add(rs.getString("TABLE_TYPE"));
        }
      }
      assertEquals(Set.of("TABLE", "SYSTEM TABLE"), tableTypes);
      List<String> keys = new ArrayList<>();
      try (ResultSet rs = md.getTables(null, null, null, null)) {
        while (rs.next()) {
          String type = rs.getString("TABLE_TYPE");
          assertTrue(tableTypes.contains(type), type);
          keys.add(type + "|" + rs.getString("TABLE_SCHEM") + "|" + rs.getString("TABLE_NAME"));
          if (type.equals("TABLE")) {
            assertTrue(rs.getString("REMARKS").startsWith("Popoto model "
                + rs.getString("TABLE_NAME")), rs.getString("REMARKS"));
          } else {
            assertNotNull(rs.getString("REMARKS"));
          }
        }
      }
      List<String> sorted = new ArrayList<>(keys);
      sorted.sort(null);
      assertEquals(sorted, keys, "ordered by TABLE_TYPE, TABLE_CAT, TABLE_SCHEM, TABLE_NAME");
      assertTrue(keys.contains("TABLE|popoto|Order"), keys.toString());
      assertTrue(keys.contains("SYSTEM TABLE|popoto_catalog|columns"), keys.toString());
      List<String> onlyTables = new ArrayList<>();
      try (ResultSet rs = md.getTables(null, "popoto", "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          onlyTables.add(rs.getString("TABLE_NAME"));
        }
      }
      assertEquals(List.of("Customer", "Driver", "DriverShift", "MenuItem", "Order",
          "Restaurant"), onlyTables);
      List<String> schemas = new ArrayList<>();
      try (ResultSet rs = md.getSchemas()) {
        while (rs.next()) {
          schemas.add(rs.getString("TABLE_SCHEM"));
        }
      }
      assertEquals(List.of("popoto", "popoto_catalog"), schemas);
    }
  }

  @Test
  void getFunctionsListsTheDriversOwnFunctions(PrivateRedis redis) throws SQLException {
    try (Connection c = DriverManager.getConnection(PopotoDatabaseMetaDataTest.url(redis))) {
      Set<String> expected = c.unwrap(PopotoConnection.class).popotoSchema().getFunctionNames();
      List<String> names = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getFunctions(null, null, null)) {
        while (rs.next()) {
          names.add(rs.getString("FUNCTION_NAME"));
          assertEquals("popoto", rs.getString("FUNCTION_SCHEM"));
          assertTrue(rs.getString("REMARKS").startsWith(rs.getString("FUNCTION_NAME") + "("),
              rs.getString("REMARKS"));
          assertEquals(DatabaseMetaData.functionNoTable, rs.getShort("FUNCTION_TYPE"));
        }
      }
      assertTrue(names.contains("popoto_within"), names.toString());
      assertEquals(List.of("popoto_within(lat ANY, lon ANY, centre_lat ANY, centre_lon ANY,"
          + " radius_km ANY) RETURNS BOOLEAN"), PopotoDatabaseMetaDataTest.rows(
          c.getMetaData().getFunctions(null, null, "popoto_within"), "REMARKS"));
      // No Calcite internals anywhere a tool looks for routines.
      assertEquals(List.of(), PopotoDatabaseMetaDataTest.rows(
          c.getMetaData().getProcedures(null, null, null), "PROCEDURE_NAME"));
      assertEquals(new TreeSet<>(expected), new TreeSet<>(names));
      try (ResultSet rs = c.getMetaData().getFunctions(null, null, "POPOTO\\_WITH%")) {
        assertTrue(rs.next());
        assertFalse(rs.next());
      }
    }
  }

  @Test
  void theCatalogIsQueryableInPlainSql(PrivateRedis redis) throws SQLException {
    try (Connection c = DriverManager.getConnection(PopotoDatabaseMetaDataTest.url(redis));
         Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT c.COLUMN_NAME, i.INDEX_NAME"
             + " FROM popoto_catalog.columns c JOIN popoto_catalog.indexes i"
             + " ON i.TABLE_NAME = c.TABLE_NAME AND i.COLUMN_NAME = c.COLUMN_NAME"
             + " WHERE c.TABLE_NAME = 'Order' AND c.TYPE_NAME = 'TIMESTAMP'")) {
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(rs.getString(1) + "|" + rs.getString(2));
      }
      assertEquals(List.of("deliver_by|$SortF:Order:deliver_by"), rows);
    }
  }

  @Test
  void metadataResultSetsBehaveLikeQueryResults(PrivateRedis redis) throws SQLException {
    try (Connection c = DriverManager.getConnection(PopotoDatabaseMetaDataTest.url(redis))) {
      ResultSet rs = c.getMetaData().getColumns(null, null, "Order", "tip");
      assertEquals(ResultSet.TYPE_FORWARD_ONLY, rs.getType());
      assertEquals(ResultSet.CONCUR_READ_ONLY, rs.getConcurrency());
      assertEquals(c.getMetaData().getResultSetHoldability(), rs.getHoldability());
      assertEquals(null, rs.getStatement());
      assertTrue(rs.next());
      assertEquals(null, rs.getString("COLUMN_DEF"));
      assertTrue(rs.wasNull());
      assertEquals(2, rs.getInt("DECIMAL_DIGITS"));
      assertFalse(rs.wasNull());
      assertEquals(0, rs.getInt("SOURCE_DATA_TYPE"));
      assertTrue(rs.wasNull());
      ResultSetMetaData md = rs.getMetaData();
      assertEquals(Types.INTEGER, md.getColumnType(5)); // DATA_TYPE
      assertEquals(ResultSetMetaData.columnNoNulls, md.isNullable(3)); // TABLE_NAME
      assertEquals(ColumnSize.UNBOUNDED, md.getPrecision(3));
      assertFalse(rs.next());
      rs.close();
      assertTrue(rs.isClosed());
    }
  }

  /** Metadata statements are reused, but never under a result set still being read. */
  @Test
  void nestedAndRepeatedMetadataCallsEachReadTheirOwnRows(PrivateRedis redis)
      throws SQLException {
    try (Connection c = DriverManager.getConnection(PopotoDatabaseMetaDataTest.url(redis))) {
      DatabaseMetaData md = c.getMetaData();
      List<String> expected = PopotoDatabaseMetaDataTest.rows(
          md.getColumns(null, null, "Order", null), "COLUMN_NAME");
      try (ResultSet outer = md.getColumns(null, null, "Order", null)) {
        assertTrue(outer.next());
        assertEquals(List.of("_key"), PopotoDatabaseMetaDataTest.rows(
            md.getColumns(null, null, "Order", "\\_key"), "COLUMN_NAME"));
        List<String> rest = new ArrayList<>(List.of(outer.getString("COLUMN_NAME")));
        while (outer.next()) {
          rest.add(outer.getString("COLUMN_NAME"));
        }
        assertEquals(expected, rest);
      }
      for (int i = 0; i < 5; i++) {
        assertEquals(expected, PopotoDatabaseMetaDataTest.rows(
            md.getColumns(null, null, "Order", null), "COLUMN_NAME"));
      }
      assertEquals(List.of("Restaurant"), PopotoDatabaseMetaDataTest.rows(
          md.getTables(null, null, "restaurant", null), "TABLE_NAME"));
    }
  }
}
