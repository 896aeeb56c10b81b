package io.popoto.sql.jdbc;

import io.popoto.sql.calcite.PopotoColumn;
import io.popoto.sql.catalog.FieldClass;
import io.popoto.sql.catalog.FieldDef;
import io.popoto.sql.catalog.ModelDef;
import io.popoto.sql.codec.IndexKeys;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of the index system table: the Redis structures Popoto maintains, each named by its
 * key pattern so a user can find it with SCAN. Set-per-value indexes (key fields, relationship
 * reverse sets, the class set behind the primary key) are hashed; sorted and geo zsets are
 * "other", as JDBC has no ordered-index type. Nothing is read from Redis: no CARDINALITY.
 * A new index kind is one more case in {@link #fieldIndex}.
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
      // The class set lists every instance key: the primary key's index.
      add(rows, m, new Index(true, keys.classSet(m), DatabaseMetaData.tableIndexHashed,
          List.of(PopotoColumn.KEY_COLUMN), null));
      for (FieldDef f : m.fields()) {
        Index index = fieldIndex(m, f);
        if (index != null) {
          add(rows, m, index);
        }
      }
    }
    return rows;
  }

  /** The index a field class maintains, or null. */
  private Index fieldIndex(ModelDef m, FieldDef f) {
    String pattern = IndexPattern.of(keys, m, f);
    boolean unique = f.fieldClass() == FieldClass.UNIQUE_KEY_FIELD;
    return switch (f.fieldClass().indexKind()) {
      case VALUE_SET -> new Index(unique, pattern, DatabaseMetaData.tableIndexHashed,
          List.of(f.name()), null);
      case REVERSE_SET -> new Index(false, pattern, DatabaseMetaData.tableIndexHashed,
          List.of(f.name()), null);
      case SORTED_SET -> new Index(false, pattern, DatabaseMetaData.tableIndexOther,
          sortedColumns(f), "A");
      case GEO -> new Index(false, pattern, DatabaseMetaData.tableIndexOther,
          PopotoColumn.of(f).stream().map(PopotoColumn::name).toList(), null);
      default -> null;
    };
  }

  /** A partitioned zset is found by its partition values first, then ranged by score. */
  private static List<String> sortedColumns(FieldDef f) {
    List<String> columns = new ArrayList<>(f.partitionBy());
    columns.add(f.name());
    return columns;
  }

  private void add(List<Object[]> rows, ModelDef m, Index index) {
    List<String> columns = index.columns();
    for (int i = 0; i < columns.size(); i++) {
      rows.add(new Object[] {null, scope.schemaName(), m.name(), !index.unique(), null,
          index.name(), index.type(), (short) (i + 1), columns.get(i),
          i == columns.size() - 1 ? index.ascOrDesc() : null, null, null, null});
    }
  }
}
