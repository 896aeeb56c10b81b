package io.popoto.sql.jdbc;

import io.popoto.sql.calcite.PopotoSchema;
import io.popoto.sql.calcite.PopotoTable;
import io.popoto.sql.calcite.PopotoTypeSystem;
import io.popoto.sql.catalog.ModelDef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * The {@value #NAME} schema: the catalog as system tables, in the manner of PostgreSQL's
 * pg_catalog. DatabaseMetaData answers each call with a query over them, so its result sets come
 * from Calcite with their metadata right by construction, and users can query the models in
 * SQL ({@code SELECT * FROM popoto_catalog.columns WHERE TABLE_NAME = 'Order'}). Every table's
 * columns are those of the JDBC method it serves, under their JDBC names.
 */
final class CatalogSchema extends AbstractSchema {
  static final String NAME = "popoto_catalog";

  static final String TABLES = "tables";
  static final String COLUMNS = "columns";
  static final String PRIMARY_KEYS = "primary_keys";
  static final String FOREIGN_KEYS = "foreign_keys";
  static final String INDEXES = "indexes";
  static final String SCHEMAS = "schemas";
  static final String TABLE_TYPES = "table_types";
  static final String TYPE_INFO = "type_info";
  static final String FUNCTIONS = "functions";
  static final String CLIENT_INFO_PROPERTIES = "client_info_properties";

  private final Map<String, Table> tables;

  CatalogSchema(PopotoSchema popoto) {
    MetadataScope scope = new MetadataScope(
        MetadataScope.catalogName(popoto.source().config().database()), popoto.name(),
        popoto.catalog());
    JavaTypeFactoryImpl typeFactory = new JavaTypeFactoryImpl(PopotoTypeSystem.INSTANCE);
    Map<String, SystemTable> system = new LinkedHashMap<>();
    system.put(TABLES, new SystemTable("Every table: one per Popoto model, and these system"
        + " tables (getTables)", TableRows.TABLE_COLUMNS,
        once(() -> TableRows.tables(scope, Collections.unmodifiableMap(system)))));
    system.put(COLUMNS, new SystemTable("Every column, with the Popoto field class and index"
        + " in REMARKS (getColumns)", ColumnRows.COLUMNS,
        once(() -> columns(popoto, scope, typeFactory, system))));
    system.put(PRIMARY_KEYS, new SystemTable("The primary key of every table: _key, the Redis"
        + " key of the instance hash (getPrimaryKeys)", KeyRows.PRIMARY_KEY_COLUMNS,
        once(() -> new KeyRows(scope).primaryKeys())));
    system.put(FOREIGN_KEYS, new SystemTable("One foreign key per Relationship field, to the"
        + " target's _key (getImportedKeys, getExportedKeys, getCrossReference)",
        KeyRows.FOREIGN_KEY_COLUMNS, once(() -> new KeyRows(scope).foreignKeys())));
    system.put(INDEXES, new SystemTable("The Redis structures Popoto maintains, named by key"
        + " pattern (getIndexInfo)", IndexRows.COLUMNS,
        once(() -> new IndexRows(scope).rows())));
    system.put(SCHEMAS, new SystemTable("The schemas (getSchemas)", TableRows.SCHEMA_COLUMNS,
        once(() -> TableRows.schemas(scope))));
    system.put(TABLE_TYPES, new SystemTable("The table types (getTableTypes)",
        TableRows.TABLE_TYPE_COLUMNS, once(TableRows::tableTypes)));
    system.put(TYPE_INFO, new SystemTable("The SQL types of columns and expressions"
        + " (getTypeInfo)", TypeRows.COLUMNS,
        once(() -> TypeRows.rows(PopotoTypeSystem.INSTANCE))));
    system.put(FUNCTIONS, new SystemTable("The functions Popoto SQL adds (getFunctions)",
        FunctionRows.FUNCTION_COLUMNS,
        once(() -> FunctionRows.functions(scope, popoto, typeFactory))));
    system.put(CLIENT_INFO_PROPERTIES, new SystemTable("Client info properties a connection"
        + " accepts (getClientInfoProperties)", FunctionRows.CLIENT_INFO_COLUMNS,
        once(FunctionRows::clientInfoProperties)));
    this.tables = Collections.unmodifiableMap(new LinkedHashMap<>(system));
  }

  private static List<Object[]> columns(PopotoSchema popoto, MetadataScope scope,
      RelDataTypeFactory typeFactory, Map<String, SystemTable> system) {
    ColumnRows rows = new ColumnRows(typeFactory, scope);
    for (ModelDef m : scope.catalog().models()) {
      rows.model(popoto.name(), (PopotoTable) popoto.tables().get(m.name()));
    }
    system.forEach((name, table) -> rows.system(NAME, name, table));
    return rows.rows();
  }

  /** The catalog is fixed for the connection's life: compute each table's rows once. */
  private static Supplier<List<Object[]>> once(Supplier<List<Object[]>> rows) {
    return new Supplier<>() {
      private volatile List<Object[]> computed;

      @Override
      public List<Object[]> get() {
        List<Object[]> r = computed;
        if (r == null) {
          r = new ArrayList<>(rows.get());
          computed = r;
        }
        return r;
      }
    };
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return tables;
  }
}
