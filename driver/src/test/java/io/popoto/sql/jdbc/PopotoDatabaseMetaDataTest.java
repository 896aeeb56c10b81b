package io.popoto.sql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.popoto.sql.redis.PrivateRedis;
import io.popoto.sql.testkit.RedisExtension;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;

/** Keys, indexes and remarks reported from the food-delivery catalog, through plain JDBC. */
@ExtendWith(RedisExtension.class)
class PopotoDatabaseMetaDataTest {
  static final String CATALOG = "catalog=classpath:popoto-sql/samples/food-delivery/catalog.json";

  static Connection connection;
  static DatabaseMetaData md;

  static String url(PrivateRedis redis) {
    return "jdbc:popoto:redis://" + redis.host() + ":" + redis.port() + "/0?" + CATALOG;
  }

  @BeforeAll
  static void connect(PrivateRedis redis) throws SQLException {
    RedisExtension.loadFixture(redis);
    connection = DriverManager.getConnection(url(redis));
    md = connection.getMetaData();
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
  }

  /** Rows as "A|B|..." of the named columns, in result order. */
  static List<String> rows(ResultSet rs, String... columns) throws SQLException {
    List<String> out = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (String c : columns) {
          row.append(row.length() == 0 ? "" : "|").append(rs.getString(c));
        }
        out.add(row.toString());
      }
    }
    return out;
  }

  static void assertColumns(ResultSet rs, String... expected) throws SQLException {
    ResultSetMetaData rsmd = rs.getMetaData();
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= rsmd.getColumnCount(); i++) {
      names.add(rsmd.getColumnName(i));
    }
    assertEquals(List.of(expected), names);
  }

  /**
   * One catalog, named for the Redis database: getCatalog, getCatalogs' one row and every
   * metadata row agree, and a tool passing that name back finds the tables.
   */
  @Test
  void oneCatalogNamedForTheRedisDatabase() throws SQLException {
    assertEquals("db0", connection.getCatalog());
    assertEquals(List.of("db0"), rows(md.getCatalogs(), "TABLE_CAT"));
    assertEquals(List.of("db0|popoto|Order"),
        rows(md.getTables("db0", "popoto", "Order", null), "TABLE_CAT", "TABLE_SCHEM",
            "TABLE_NAME"));
    assertEquals(List.of(), rows(md.getTables("db1", null, null, null), "TABLE_NAME"));
    assertEquals(List.of("db0|popoto", "db0|popoto_catalog"),
        rows(md.getSchemas(), "TABLE_CATALOG", "TABLE_SCHEM"));
    assertEquals(List.of("db0"), rows(md.getColumns(null, "popoto", "Order", "_key"),
        "TABLE_CAT"));
    assertEquals(List.of("db0"), rows(md.getPrimaryKeys("db0", "popoto", "Order"),
        "TABLE_CAT"));
    assertTrue(rows(md.getImportedKeys("db0", "popoto", "Order"), "PKTABLE_CAT",
        "FKTABLE_CAT").stream().allMatch("db0|db0"::equals));
    assertTrue(rows(md.getIndexInfo("db0", "popoto", "Order", false, false), "TABLE_CAT")
        .stream().allMatch("db0"::equals));
    assertTrue(rows(md.getFunctions("db0", null, null), "FUNCTION_CAT").stream()
        .allMatch("db0"::equals));
    assertFalse(md.supportsCatalogsInDataManipulation());
  }

  @Test
  void productIsPopotoOnTheRedisVersionItReports(PrivateRedis redis) throws SQLException {
    String info;
    try (Jedis jedis = new Jedis(redis.host(), redis.port())) {
      info = jedis.info("server");
    }
    assertEquals("Popoto (Redis)", md.getDatabaseProductName());
    assertTrue(info.contains("redis_version:" + md.getDatabaseProductVersion()),
        md.getDatabaseProductVersion());
    assertTrue(md.getDatabaseProductVersion()
        .startsWith(md.getDatabaseMajorVersion() + "." + md.getDatabaseMinorVersion() + "."));
    assertFalse(md.supportsTransactions());
    assertTrue(md.isReadOnly());
  }

  @Test
  void everyTableHasItsKeyAsPrimaryKey() throws SQLException {
    ResultSet rs = md.getPrimaryKeys(null, null, null);
    assertColumns(rs, "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ",
        "PK_NAME");
    assertEquals(Types.SMALLINT, rs.getMetaData().getColumnType(5));
    assertEquals(List.of("Customer|_key|1|Customer_pk", "Driver|_key|1|Driver_pk",
            "DriverShift|_key|1|DriverShift_pk", "MenuItem|_key|1|MenuItem_pk",
            "Order|_key|1|Order_pk", "Restaurant|_key|1|Restaurant_pk"),
        rows(rs, "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME"));
    assertEquals(List.of("popoto|Order"),
        rows(md.getPrimaryKeys(null, "popoto", "Order"), "TABLE_SCHEM", "TABLE_NAME"));
    assertEquals(List.of(), rows(md.getPrimaryKeys(null, "other", "Order"), "TABLE_NAME"));
    assertEquals(List.of(), rows(md.getPrimaryKeys("nocatalog", null, "Order"), "TABLE_NAME"));
  }

  @Test
  void relationshipsAreImportedKeysToTheTargetKey() throws SQLException {
    ResultSet rs = md.getImportedKeys(null, null, "Order");
    assertColumns(rs, "PKTABLE_CAT", "PKTABLE_SCHEM", "PKTABLE_NAME", "PKCOLUMN_NAME",
        "FKTABLE_CAT", "FKTABLE_SCHEM", "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ",
        "UPDATE_RULE", "DELETE_RULE", "FK_NAME", "PK_NAME", "DEFERRABILITY");
    assertEquals(List.of(
            "Customer|_key|Order|customer|1|3|3|Order_customer_fk|Customer_pk|7",
            "Driver|_key|Order|driver|1|3|3|Order_driver_fk|Driver_pk|7",
            "Restaurant|_key|Order|restaurant|1|3|3|Order_restaurant_fk|Restaurant_pk|7"),
        rows(rs, "PKTABLE_NAME", "PKCOLUMN_NAME", "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ",
            "UPDATE_RULE", "DELETE_RULE", "FK_NAME", "PK_NAME", "DEFERRABILITY"));
    assertEquals(List.of("MenuItem.combo_includes>MenuItem", "MenuItem.restaurant>Restaurant"),
        fks(md.getImportedKeys(null, "popoto", "MenuItem")));
  }

  static List<String> fks(ResultSet rs) throws SQLException {
    List<String> out = new ArrayList<>();
    for (String r : rows(rs, "FKTABLE_NAME", "FKCOLUMN_NAME", "PKTABLE_NAME")) {
      String[] p = r.split("\\|");
      out.add(p[0] + "." + p[1] + ">" + p[2]);
    }
    return out;
  }

  @Test
  void allTablesWhenTheTableIsNullOrPercent() throws SQLException {
    Set<String> all = Set.of("Order.customer>Customer", "Order.restaurant>Restaurant",
        "Order.driver>Driver", "MenuItem.restaurant>Restaurant",
        "MenuItem.combo_includes>MenuItem");
    assertEquals(all, new TreeSet<>(fks(md.getImportedKeys(null, null, null))));
    assertEquals(all, new TreeSet<>(fks(md.getImportedKeys(null, "%", "%"))));
    assertEquals(all, new TreeSet<>(fks(md.getExportedKeys(null, null, "%"))));
  }

  @Test
  void exportedKeysAndCrossReferenceSelectByTheReferencedTable() throws SQLException {
    assertEquals(List.of("MenuItem.restaurant>Restaurant", "Order.restaurant>Restaurant"),
        fks(md.getExportedKeys(null, null, "Restaurant")));
    assertEquals(List.of("MenuItem.combo_includes>MenuItem"),
        fks(md.getExportedKeys(null, null, "MenuItem")));
    assertEquals(List.of(), fks(md.getExportedKeys(null, null, "DriverShift")));
    assertEquals(List.of("Order.driver>Driver"),
        fks(md.getCrossReference(null, null, "Driver", null, null, "Order")));
    assertEquals(List.of(),
        fks(md.getCrossReference(null, null, "Driver", null, null, "MenuItem")));
  }

  @Test
  void indexInfoNamesEachRedisIndexByItsKeyPattern() throws SQLException {
    ResultSet rs = md.getIndexInfo(null, null, "Restaurant", false, true);
    assertColumns(rs, "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "NON_UNIQUE",
        "INDEX_QUALIFIER", "INDEX_NAME", "TYPE", "ORDINAL_POSITION", "COLUMN_NAME",
        "ASC_OR_DESC", "CARDINALITY", "PAGES", "FILTER_CONDITION");
    assertEquals(Types.BOOLEAN, rs.getMetaData().getColumnType(4));
    String hashed = String.valueOf(DatabaseMetaData.tableIndexHashed);
    String other = String.valueOf(DatabaseMetaData.tableIndexOther);
    assertEquals(List.of(
            "false|$Class:Restaurant|" + hashed + "|1|_key",
            "true|$KeyF:Restaurant:city:*|" + hashed + "|1|city",
            "true|$KeyF:Restaurant:name:*|" + hashed + "|1|name",
            "true|$GeoF:Restaurant:location|" + other + "|1|location_latitude",
            "true|$GeoF:Restaurant:location|" + other + "|2|location_longitude",
            "true|$SortF:Restaurant:price_level:*|" + other + "|1|city",
            "true|$SortF:Restaurant:price_level:*|" + other + "|2|price_level",
            "true|$SortF:Restaurant:rating|" + other + "|1|rating"),
        rows(rs, "NON_UNIQUE", "INDEX_NAME", "TYPE", "ORDINAL_POSITION", "COLUMN_NAME"));
  }

  @Test
  void uniqueKeyFieldsAreUniqueIndexesAndUniqueOnlyKeepsThem() throws SQLException {
    List<String> customer = rows(md.getIndexInfo(null, null, "Customer", false, true),
        "NON_UNIQUE", "INDEX_NAME");
    assertTrue(customer.contains("false|$UniqueKeyF:Customer:email:*"), customer.toString());
    assertTrue(customer.contains("true|$KeyF:Customer:username:*"), customer.toString());
    assertTrue(customer.contains("true|$GeoF:Customer:address"), customer.toString());
    assertEquals(List.of("false|$Class:Customer", "false|$UniqueKeyF:Customer:email:*"),
        rows(md.getIndexInfo(null, null, "Customer", true, true), "NON_UNIQUE", "INDEX_NAME"));
    List<String> order = rows(md.getIndexInfo(null, null, "Order", false, true),
        "INDEX_NAME", "COLUMN_NAME");
    assertTrue(order.contains("$RelationshipF:Order:customer:*|customer"), order.toString());
    assertTrue(order.contains("$SortF:Order:deliver_by|deliver_by"), order.toString());
  }

  @Test
  void columnRemarksNameTheFieldClassAndIndex() throws SQLException {
    List<String> order = rows(md.getColumns(null, "popoto", "Order", "%"),
        "COLUMN_NAME", "REMARKS", "NULLABLE", "IS_NULLABLE");
    assertEquals("_key|Redis key of the instance hash|0|NO", order.get(0));
    assertTrue(order.contains("total|SortedField(type=float), $SortF:Order:total|1|YES"),
        order.toString());
    assertTrue(order.contains("customer|Relationship(type=key, model=Customer), "
        + "$RelationshipF:Order:customer:*|1|YES"), order.toString());
    assertTrue(order.contains("note|Field(type=str)|1|YES"), order.toString());
    List<String> restaurant = rows(md.getColumns(null, null, "Restaurant", "location%"),
        "COLUMN_NAME", "REMARKS");
    assertEquals(List.of(
        "location_latitude|GeoField(type=geo) latitude, $GeoF:Restaurant:location",
        "location_longitude|GeoField(type=geo) longitude, $GeoF:Restaurant:location"),
        restaurant);
  }

  @Test
  void columnSizesAndTypeNamesAreWhatToolsExpect() throws SQLException {
    List<String> order = rows(md.getColumns(null, null, "Order", null),
        "COLUMN_NAME", "TYPE_NAME", "COLUMN_SIZE", "DECIMAL_DIGITS");
    assertTrue(order.contains("_key|VARCHAR|" + Integer.MAX_VALUE + "|null"), order.toString());
    // Bare type names, as getTypeInfo and ResultSetMetaData name them; the declared scale.
    assertTrue(order.contains("tip|DECIMAL|19|2"), order.toString());
    assertTrue(order.contains("created_at|TIMESTAMP|23|3"), order.toString());
    assertTrue(order.contains("total|DOUBLE|15|null"), order.toString());
  }
}
