package io.popoto.sql.jdbc;

import io.popoto.sql.calcite.PopotoColumn;
import io.popoto.sql.catalog.FieldDef;
import io.popoto.sql.catalog.ModelDef;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of the primary and foreign key system tables: every table's key is its {@code _key}
 * column (the Redis key of the instance hash), and every Relationship field is a foreign key to
 * the target table's {@code _key}, since Popoto stores the target's Redis key in it.
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

  List<Object[]> primaryKeys() {
    List<Object[]> rows = new ArrayList<>();
    for (ModelDef m : scope.catalog().models()) {
      rows.add(new Object[] {scope.catalogName(), scope.schemaName(), m.name(),
          PopotoColumn.KEY_COLUMN,
          (short) 1, primaryKeyName(m)});
    }
    return rows;
  }

  /** One row per Relationship whose target model is in the catalog. */
  List<Object[]> foreignKeys() {
    List<Object[]> rows = new ArrayList<>();
    for (ModelDef m : scope.catalog().models()) {
      for (FieldDef f : m.fields()) {
        ModelDef target = f.isRelationship() ? scope.target(f.model()) : null;
        if (target == null) {
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
