package io.popoto.sql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.popoto.sql.redis.PrivateRedis;
import io.popoto.sql.testkit.RedisExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import schemacrawler.schema.Catalog;
import schemacrawler.schema.Column;
import schemacrawler.schema.ForeignKey;
import schemacrawler.schema.Index;
import schemacrawler.schema.Table;
import schemacrawler.schemacrawler.LoadOptionsBuilder;
import schemacrawler.schemacrawler.SchemaCrawlerOptions;
import schemacrawler.schemacrawler.SchemaCrawlerOptionsBuilder;
import schemacrawler.schemacrawler.SchemaInfoLevelBuilder;
import schemacrawler.tools.utility.SchemaCrawlerUtility;
import us.fatehi.utility.datasource.DatabaseConnectionSources;

/**
 * A schema tool's view of our metadata: SchemaCrawler's catalog loader, at the info level that
 * reads tables, columns, primary keys, foreign keys and indexes, over a Popoto connection.
 */
@ExtendWith(RedisExtension.class)
class SchemaCrawlerMetadataTest {

  @Test
  void schemaCrawlerSeesTablesKeysAndForeignKeys(PrivateRedis redis) throws Exception {
    RedisExtension.loadFixture(redis);
    SchemaCrawlerOptions options = SchemaCrawlerOptionsBuilder.newSchemaCrawlerOptions()
        .withLoadOptions(LoadOptionsBuilder.builder()
            .withSchemaInfoLevel(SchemaInfoLevelBuilder.standard()).toOptions());
    try (Connection connection = DriverManager.getConnection(
        PopotoDatabaseMetaDataTest.url(redis))) {
      Catalog catalog = SchemaCrawlerUtility.getCatalog(
          DatabaseConnectionSources.fromConnection(connection), options);

      Set<String> tables = new TreeSet<>();
      Set<String> primaryKeys = new TreeSet<>();
      Set<String> foreignKeys = new TreeSet<>();
      Set<String> indexes = new TreeSet<>();
      for (Table t : catalog.getTables()) {
        if (!"popoto".equals(t.getSchema().getName())) {
          continue; // Calcite's own "metadata" system tables
        }
        tables.add(t.getName());
        for (Column c : t.getPrimaryKey().getConstrainedColumns()) {
          primaryKeys.add(t.getName() + "." + c.getName());
        }
        for (ForeignKey fk : t.getImportedForeignKeys()) {
          foreignKeys.add(fk.getForeignKeyTable().getName() + "."
              + fk.getConstrainedColumns().get(0).getName() + ">"
              + fk.getPrimaryKeyTable().getName() + "."
              + fk.getConstrainedColumns().get(0).getReferencedColumn().getName());
        }
        for (Index i : t.getIndexes()) {
          indexes.add(i.getName());
        }
      }
      assertEquals(Set.of("Customer", "Driver", "DriverShift", "MenuItem", "Order",
          "Restaurant"), tables);
      assertEquals(Set.of("Customer._key", "Driver._key", "DriverShift._key", "MenuItem._key",
          "Order._key", "Restaurant._key"), primaryKeys);
      assertEquals(Set.of("MenuItem.combo_includes>MenuItem._key",
          "MenuItem.restaurant>Restaurant._key", "Order.customer>Customer._key",
          "Order.driver>Driver._key", "Order.restaurant>Restaurant._key"), foreignKeys);
      assertEquals(true, indexes.contains("$SortF:Order:total"), indexes.toString());
      assertEquals(true, indexes.contains("$UniqueKeyF:Customer:email:*"), indexes.toString());
    }
  }
}
