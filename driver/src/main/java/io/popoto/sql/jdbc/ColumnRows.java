package io.popoto.sql.jdbc;

import io.popoto.sql.calcite.PopotoColumn;
import io.popoto.sql.calcite.PopotoTable;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;

/**
 * The rows of the columns system table, from the very row types Calcite plans with, so that
 * DATA_TYPE, TYPE_NAME, COLUMN_SIZE and DECIMAL_DIGITS agree with the ResultSetMetaData of a
 * query over the column (both go through {@link ColumnSize}). TYPE_NAME is the bare type, as
 * getTypeInfo and ResultSetMetaData name it ({@code DECIMAL}, not {@code DECIMAL(19, 2)}).
 */
final class ColumnRows {
  static final List<MetaColumn> COLUMNS = List.of(
      MetaColumn.string("TABLE_CAT"),
      MetaColumn.string("TABLE_SCHEM"),
      MetaColumn.requiredString("TABLE_NAME"),
      MetaColumn.requiredString("COLUMN_NAME"),
      MetaColumn.integer("DATA_TYPE"),
      MetaColumn.requiredString("TYPE_NAME"),
      MetaColumn.optionalInt("COLUMN_SIZE"),
      MetaColumn.optionalInt("BUFFER_LENGTH"),
      MetaColumn.optionalInt("DECIMAL_DIGITS"),
      MetaColumn.optionalInt("NUM_PREC_RADIX"),
      MetaColumn.integer("NULLABLE"),
      MetaColumn.string("REMARKS"),
      MetaColumn.string("COLUMN_DEF"),
      MetaColumn.optionalInt("SQL_DATA_TYPE"),
      MetaColumn.optionalInt("SQL_DATETIME_SUB"),
      MetaColumn.optionalInt("CHAR_OCTET_LENGTH"),
      MetaColumn.integer("ORDINAL_POSITION"),
      MetaColumn.requiredString("IS_NULLABLE"),
      MetaColumn.string("SCOPE_CATALOG"),
      MetaColumn.string("SCOPE_SCHEMA"),
      MetaColumn.string("SCOPE_TABLE"),
      MetaColumn.optionalShort("SOURCE_DATA_TYPE"),
      MetaColumn.requiredString("IS_AUTOINCREMENT"),
      MetaColumn.requiredString("IS_GENERATEDCOLUMN"));

  private final RelDataTypeFactory typeFactory;
  private final ColumnRemarks remarks;
  private final String catalogName;
  private final List<Object[]> rows = new ArrayList<>();

  ColumnRows(RelDataTypeFactory typeFactory, MetadataScope scope) {
    this.typeFactory = typeFactory;
    this.remarks = new ColumnRemarks(scope.indexKeys());
    this.catalogName = scope.catalogName();
  }

  /** Adds the columns of a model's table, with REMARKS naming field class and index. */
  ColumnRows model(String schema, PopotoTable table) {
    List<PopotoColumn> columns = table.columns();
    List<RelDataTypeField> fields = table.getRowType(typeFactory).getFieldList();
    for (int i = 0; i < fields.size(); i++) {
      add(schema, table.model().name(), fields.get(i), remarks.of(table.model(),
          columns.get(i)));
    }
    return this;
  }

  /** Adds the columns of a system table. */
  ColumnRows system(String schema, String name, SystemTable table) {
    for (RelDataTypeField f : table.getRowType(typeFactory).getFieldList()) {
      add(schema, name, f, null);
    }
    return this;
  }

  List<Object[]> rows() {
    return rows;
  }

  private void add(String schema, String table, RelDataTypeField field, String remark) {
    RelDataType type = field.getType();
    int jdbcType = type.getSqlTypeName().getJdbcOrdinal();
    ColumnSize size = ColumnSize.of(jdbcType, type.getPrecision(), type.getScale());
    boolean nullable = type.isNullable();
    rows.add(new Object[] {catalogName, schema, table, field.getName(), jdbcType,
        type.getSqlTypeName().getName(), size.size(), null, size.digits(),
        ColumnSize.radix(jdbcType),
        nullable ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls,
        remark, null, null, null, size.charOctetLength(jdbcType), field.getIndex() + 1,
        nullable ? "YES" : "NO", null, null, null, null, "NO", "NO"});
  }
}
