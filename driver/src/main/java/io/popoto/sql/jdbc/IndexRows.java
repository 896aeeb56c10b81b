package io.popoto.sql.jdbc;

import io.popoto.sql.catalog.ModelDef;
import io.popoto.sql.codec.IndexKeys;
import io.popoto.sql.codec.ModelIndexes;
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
      for (ModelIndexes.IndexInfo ix : ModelIndexes.of(keys, m)) {
        if (unique && !ix.unique()) {
          continue;
        }
        add(rows, m, !ix.unique(), ix.name(), ix.ordered() ? DatabaseMetaData.tableIndexOther
            : DatabaseMetaData.tableIndexHashed, ix.columns(),
            ix.ordered() && ix.field() != null && ix.field().isSorted() ? "A" : null);
      }
    }
    // JDBC order: NON_UNIQUE, TYPE, INDEX_NAME, ORDINAL_POSITION.
    rows.sort(Comparator.<Object[], Boolean>comparing(r -> (Boolean) r[3])
        .thenComparing(r -> (Short) r[6])
        .thenComparing(r -> (String) r[5])
        .thenComparing(r -> (Short) r[7]));
    return new MetaResultSet(COLUMNS, rows);
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
