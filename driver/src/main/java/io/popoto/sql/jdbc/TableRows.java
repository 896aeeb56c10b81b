package io.popoto.sql.jdbc;

import io.popoto.sql.catalog.ModelDef;
import io.popoto.sql.codec.IndexKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The rows of the tables, schemas and table types system tables. */
final class TableRows {
  static final String TABLE = "TABLE";
  static final String SYSTEM_TABLE = "SYSTEM TABLE";

  static final List<MetaColumn> TABLE_COLUMNS = List.of(
      MetaColumn.string("TABLE_CAT"),
      MetaColumn.string("TABLE_SCHEM"),
      MetaColumn.requiredString("TABLE_NAME"),
      MetaColumn.requiredString("TABLE_TYPE"),
      MetaColumn.string("REMARKS"),
      MetaColumn.string("TYPE_CAT"),
      MetaColumn.string("TYPE_SCHEM"),
      MetaColumn.string("TYPE_NAME"),
      MetaColumn.string("SELF_REFERENCING_COL_NAME"),
      MetaColumn.string("REF_GENERATION"));

  static final List<MetaColumn> SCHEMA_COLUMNS = List.of(
      MetaColumn.requiredString("TABLE_SCHEM"),
      MetaColumn.string("TABLE_CATALOG"));

  static final List<MetaColumn> TABLE_TYPE_COLUMNS = List.of(
      MetaColumn.requiredString("TABLE_TYPE"));

  private TableRows() {}

  /** Every model's table, then every system table. */
  static List<Object[]> tables(MetadataScope scope, Map<String, SystemTable> system) {
    IndexKeys keys = scope.indexKeys();
    List<Object[]> rows = new ArrayList<>();
    for (ModelDef m : scope.catalog().models()) {
      rows.add(row(scope.catalogName(), scope.schemaName(), m.name(), TABLE, "Popoto model " + m.name()
          + ": one row per instance hash listed in " + keys.classSet(m)));
    }
    system.forEach((name, table) -> rows.add(row(scope.catalogName(), CatalogSchema.NAME, name, SYSTEM_TABLE,
        table.remarks())));
    return rows;
  }

  private static Object[] row(String catalog, String schema, String name, String type,
      String remarks) {
    return new Object[] {catalog, schema, name, type, remarks, null, null, null, null, null};
  }

  static List<Object[]> schemas(MetadataScope scope) {
    return List.of(new Object[] {scope.schemaName(), scope.catalogName()},
        new Object[] {CatalogSchema.NAME, scope.catalogName()});
  }

  static List<Object[]> tableTypes() {
    return List.of(new Object[] {SYSTEM_TABLE}, new Object[] {TABLE});
  }
}
