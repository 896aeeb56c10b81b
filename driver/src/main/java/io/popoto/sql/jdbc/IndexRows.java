package io.popoto.sql.jdbc;

import io.popoto.sql.catalog.ModelDef;
import io.popoto.sql.codec.IndexKeys;
import io.popoto.sql.codec.ModelIndexes;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of the index system table: the Redis structures Popoto maintains, each named by its
 * key pattern so a user can find it with SCAN. Set-per-value indexes (key fields, relationship
 * reverse sets, the class set behind the primary key) are hashed; sorted and geo zsets are
 * "other", as JDBC has no ordered-index type. Nothing is read from Redis: no CARDINALITY.
 * Which indexes a model has is {@link ModelIndexes}'s one list.
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

  /** One index: its uniqueness, name, JDBC type, columns, and sort order of the last column. */
  record Index(boolean unique, String name, short type, List<String> columns, String ascOrDesc) {}

  private final MetadataScope scope;
  private final IndexKeys keys;

  IndexRows(MetadataScope scope) {
    this.scope = scope;
    this.keys = scope.indexKeys();
  }

  List<Object[]> rows() {
    List<Object[]> rows = new ArrayList<>();
    for (ModelDef m : scope.catalog().models()) {
      for (ModelIndexes.IndexInfo ix : ModelIndexes.of(keys, m)) {
        boolean sorted = ix.ordered() && ix.field() != null && ix.field().isSorted();
        add(rows, m, new Index(ix.unique(), ix.name(), ix.ordered()
            ? DatabaseMetaData.tableIndexOther : DatabaseMetaData.tableIndexHashed,
            ix.columns(), sorted ? "A" : null));
      }
    }
    return rows;
  }

  private void add(List<Object[]> rows, ModelDef m, Index index) {
    List<String> columns = index.columns();
    for (int i = 0; i < columns.size(); i++) {
      rows.add(new Object[] {scope.catalogName(), scope.schemaName(), m.name(),
          !index.unique(), null,
          index.name(), index.type(), (short) (i + 1), columns.get(i),
          i == columns.size() - 1 ? index.ascOrDesc() : null, null, null, null});
    }
  }
}
