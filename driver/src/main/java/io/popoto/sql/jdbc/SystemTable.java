package io.popoto.sql.jdbc;

import java.util.List;
import java.util.function.Supplier;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * One table of the {@link CatalogSchema}: fixed columns, rows computed in memory from the
 * catalog when scanned. Calcite filters and sorts them, and its result set describes them.
 */
final class SystemTable extends AbstractTable implements ScannableTable {
  private final String remarks;
  private final List<MetaColumn> columns;
  private final Supplier<List<Object[]>> rows;

  SystemTable(String remarks, List<MetaColumn> columns, Supplier<List<Object[]>> rows) {
    this.remarks = remarks;
    this.columns = List.copyOf(columns);
    this.rows = rows;
  }

  String remarks() {
    return remarks;
  }

  List<MetaColumn> columns() {
    return columns;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder b = typeFactory.builder();
    for (MetaColumn c : columns) {
      b.add(c.name(), c.relType(typeFactory));
    }
    return b.build();
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root) {
    List<Object[]> all = rows.get();
    for (Object[] r : all) {
      if (r.length != columns.size()) {
        throw new IllegalStateException("row of " + r.length + " values for " + columns.size()
            + " columns");
      }
    }
    return Linq4j.asEnumerable(all);
  }

  @Override
  public Schema.TableType getJdbcTableType() {
    return Schema.TableType.SYSTEM_TABLE;
  }
}
