package io.popoto.sql.jdbc;

import io.popoto.sql.calcite.PopotoColumn;
import io.popoto.sql.catalog.FieldClass;
import io.popoto.sql.catalog.FieldDef;
import io.popoto.sql.catalog.ModelDef;
import io.popoto.sql.codec.IndexKeys;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * getIndexInfo from the catalog: the Redis structures Popoto maintains, each named by its key
 * pattern so a user can find it with SCAN. Set-per-value indexes (key fields, relationship
 * reverse sets, the class set behind the primary key) are hashed; sorted and geo zsets are
 * "other", as JDBC has no ordered-index type. Nothing is read from Redis: no CARDINALITY.
 */
final class IndexRows {
  static final List<MetaColumn> COLUMNS = List.of(
      MetaColumn.string("TABLE_CAT"),
      MetaColumn.string("TABLE_SCHEM"),
      MetaColumn.requiredString("TABLE_NAME"),
      MetaColumn.bool("NON_UNIQUE"),
      MetaColumn.string("INDEX_QUALIFIER"),
      MetaColumn.string("INDEX_NAME"),
      MetaColumn.shortInt("TYPE"),
      MetaColumn.shortInt("ORDINAL_POSITION"),
      MetaColumn.string("COLUMN_NAME"),
      MetaColumn.string("ASC_OR_DESC"),
      MetaColumn.bigint("CARDINALITY"),
      MetaColumn.bigint("PAGES"),
      MetaColumn.string("FILTER_CONDITION"));

  private final MetadataScope scope;
  private final IndexKeys keys;

  IndexRows(MetadataScope scope) {
    this.scope = scope;
    this.keys = scope.indexKeys();
  }

  MetaResultSet indexInfo(String catalog, String schema, String table, boolean unique) {
    List<Object[]> rows = new ArrayList<>();
    for (ModelDef m : scope.models(catalog, schema, table)) {
      // The class set lists every instance key: the primary key's index.
      add(rows, m, false, keys.classSet(m), DatabaseMetaData.tableIndexHashed,
          List.of(PopotoColumn.KEY_COLUMN), null);
      for (FieldDef f : m.fields()) {
        boolean uniqueField = f.fieldClass() == FieldClass.UNIQUE_KEY_FIELD;
        if (unique && !uniqueField) {
          continue;
        }
        String pattern = IndexPattern.of(keys, m, f);
        switch (f.fieldClass().indexKind()) {
          case VALUE_SET -> add(rows, m, !uniqueField, pattern,
              DatabaseMetaData.tableIndexHashed, List.of(f.name()), null);
          case REVERSE_SET -> add(rows, m, true, pattern,
              DatabaseMetaData.tableIndexHashed, List.of(f.name()), null);
          case SORTED_SET -> add(rows, m, true, pattern,
              DatabaseMetaData.tableIndexOther, sortedColumns(f), "A");
          case GEO -> add(rows, m, true, pattern, DatabaseMetaData.tableIndexOther,
              PopotoColumn.of(f).stream().map(PopotoColumn::name).toList(), null);
          default -> {
            // no index
          }
        }
      }
    }
    // JDBC order: NON_UNIQUE, TYPE, INDEX_NAME, ORDINAL_POSITION.
    rows.sort(Comparator.<Object[], Boolean>comparing(r -> (Boolean) r[3])
        .thenComparing(r -> (Short) r[6])
        .thenComparing(r -> (String) r[5])
        .thenComparing(r -> (Short) r[7]));
    return new MetaResultSet(COLUMNS, rows);
  }

  /** A partitioned zset is found by its partition values first, then ranged by score. */
  private static List<String> sortedColumns(FieldDef f) {
    List<String> columns = new ArrayList<>(f.partitionBy());
    columns.add(f.name());
    return columns;
  }

  private void add(List<Object[]> rows, ModelDef m, boolean nonUnique, String name, int type,
      List<String> columns, String ascOrDesc) {
    for (int i = 0; i < columns.size(); i++) {
      rows.add(new Object[] {scope.catalogName(), scope.schemaName(), m.name(), nonUnique,
          null, name, (short) type, (short) (i + 1), columns.get(i),
          i == columns.size() - 1 ? ascOrDesc : null, null, null, null});
    }
  }
}
