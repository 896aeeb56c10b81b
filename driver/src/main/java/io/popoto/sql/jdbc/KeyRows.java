package io.popoto.sql.jdbc;

import io.popoto.sql.calcite.PopotoColumn;
import io.popoto.sql.catalog.FieldDef;
import io.popoto.sql.catalog.ModelDef;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Primary and foreign keys as JDBC reports them: every table's key is its {@code _key} column
 * (the Redis key of the instance hash), and every Relationship field is a foreign key to the
 * target table's {@code _key}, since Popoto stores the target's Redis key in it.
 */
final class KeyRows {
  static final List<MetaColumn> PRIMARY_KEY_COLUMNS = List.of(
      MetaColumn.string("TABLE_CAT"),
      MetaColumn.string("TABLE_SCHEM"),
      MetaColumn.requiredString("TABLE_NAME"),
      MetaColumn.requiredString("COLUMN_NAME"),
      MetaColumn.shortInt("KEY_SEQ"),
      MetaColumn.string("PK_NAME"));

  static final List<MetaColumn> FOREIGN_KEY_COLUMNS = List.of(
      MetaColumn.string("PKTABLE_CAT"),
      MetaColumn.string("PKTABLE_SCHEM"),
      MetaColumn.requiredString("PKTABLE_NAME"),
      MetaColumn.requiredString("PKCOLUMN_NAME"),
      MetaColumn.string("FKTABLE_CAT"),
      MetaColumn.string("FKTABLE_SCHEM"),
      MetaColumn.requiredString("FKTABLE_NAME"),
      MetaColumn.requiredString("FKCOLUMN_NAME"),
      MetaColumn.shortInt("KEY_SEQ"),
      MetaColumn.shortInt("UPDATE_RULE"),
      MetaColumn.shortInt("DELETE_RULE"),
      MetaColumn.string("FK_NAME"),
      MetaColumn.string("PK_NAME"),
      MetaColumn.shortInt("DEFERRABILITY"));

  private static final int PKTABLE_NAME = 2;
  private static final int FKTABLE_NAME = 6;

  private final MetadataScope scope;

  KeyRows(MetadataScope scope) {
    this.scope = scope;
  }

  static String primaryKeyName(ModelDef model) {
    return model.name() + "_pk";
  }

  static String foreignKeyName(ModelDef model, FieldDef field) {
    return model.name() + "_" + field.name() + "_fk";
  }

  MetaResultSet primaryKeys(String catalog, String schema, String table) {
    List<Object[]> rows = new ArrayList<>();
    for (ModelDef m : scope.models(catalog, schema, table)) {
      rows.add(new Object[] {scope.catalogName(), scope.schemaName(), m.name(),
          PopotoColumn.KEY_COLUMN, (short) 1, primaryKeyName(m)});
    }
    // JDBC orders by COLUMN_NAME, always _key here; the table name makes the order stable.
    rows.sort(Comparator.comparing((Object[] r) -> (String) r[3])
        .thenComparing(r -> (String) r[2]));
    return new MetaResultSet(PRIMARY_KEY_COLUMNS, rows);
  }

  /** Keys whose referencing (foreign) table is selected, ordered by the referenced table. */
  MetaResultSet imported(String catalog, String schema, String table) {
    List<Object[]> rows = foreignKeys(scope.models(catalog, schema, table), null);
    rows.sort(Comparator.comparing(r -> (String) r[PKTABLE_NAME]));
    return new MetaResultSet(FOREIGN_KEY_COLUMNS, rows);
  }

  /** Keys whose referenced (primary) table is selected, ordered by the referencing table. */
  MetaResultSet exported(String catalog, String schema, String table) {
    List<Object[]> rows = foreignKeys(scope.models(null, null, null),
        scope.models(catalog, schema, table));
    rows.sort(Comparator.comparing(r -> (String) r[FKTABLE_NAME]));
    return new MetaResultSet(FOREIGN_KEY_COLUMNS, rows);
  }

  MetaResultSet crossReference(String parentCatalog, String parentSchema, String parentTable,
      String foreignCatalog, String foreignSchema, String foreignTable) {
    List<Object[]> rows = foreignKeys(
        scope.models(foreignCatalog, foreignSchema, foreignTable),
        scope.models(parentCatalog, parentSchema, parentTable));
    rows.sort(Comparator.comparing(r -> (String) r[FKTABLE_NAME]));
    return new MetaResultSet(FOREIGN_KEY_COLUMNS, rows);
  }

  /**
   * One row per Relationship of the referencing models whose target is among the referenced
   * models (any target when referenced is null).
   */
  private List<Object[]> foreignKeys(List<ModelDef> referencing, List<ModelDef> referenced) {
    List<Object[]> rows = new ArrayList<>();
    for (ModelDef m : referencing) {
      for (FieldDef f : m.fields()) {
        ModelDef target = f.isRelationship() ? scope.target(f.model()) : null;
        if (target == null || (referenced != null && !referenced.contains(target))) {
          continue;
        }
        rows.add(new Object[] {
            scope.catalogName(), scope.schemaName(), target.name(), PopotoColumn.KEY_COLUMN,
            scope.catalogName(), scope.schemaName(), m.name(), f.name(),
            (short) 1,
            // Redis has no cascades: deleting a target leaves the stored key dangling.
            (short) DatabaseMetaData.importedKeyNoAction,
            (short) DatabaseMetaData.importedKeyNoAction,
            foreignKeyName(m, f), primaryKeyName(target),
            (short) DatabaseMetaData.importedKeyNotDeferrable});
      }
    }
    return rows;
  }
}
