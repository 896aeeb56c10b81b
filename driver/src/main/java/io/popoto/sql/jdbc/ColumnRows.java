package io.popoto.sql.jdbc;

import io.popoto.sql.calcite.PopotoColumn;
import io.popoto.sql.catalog.ModelDef;
import java.sql.DatabaseMetaData;
import java.sql.JDBCType;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * getColumns: Calcite's rows, copied, with what Calcite cannot know filled in from the catalog:
 * REMARKS naming the Popoto field class and index, nullability as our row type declares it
 * (only {@code _key} is NOT NULL) and a COLUMN_SIZE for unbounded strings and bytes.
 */
final class ColumnRows {
  /** Redis strings are binary safe and unbounded in practice; tools want a number. */
  static final int UNBOUNDED = Integer.MAX_VALUE;

  private final MetadataScope scope;
  private final ColumnRemarks remarks;

  ColumnRows(MetadataScope scope) {
    this.scope = scope;
    this.remarks = new ColumnRemarks(scope.indexKeys());
  }

  MetaResultSet copy(ResultSet calcite) throws SQLException {
    try (calcite) {
      ResultSetMetaData md = calcite.getMetaData();
      List<MetaColumn> columns = new ArrayList<>();
      Map<String, Integer> index = new HashMap<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        columns.add(new MetaColumn(md.getColumnLabel(i), JDBCType.valueOf(md.getColumnType(i)),
            md.isNullable(i) != ResultSetMetaData.columnNoNulls));
        index.put(md.getColumnLabel(i), i - 1);
      }
      List<Object[]> rows = new ArrayList<>();
      while (calcite.next()) {
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < row.length; i++) {
          row[i] = calcite.getObject(i + 1);
        }
        if (scope.schemaName().equals(row[index.get("TABLE_SCHEM")])) {
          complete(row, index);
        }
        rows.add(row);
      }
      return new MetaResultSet(columns, rows);
    }
  }

  private void complete(Object[] row, Map<String, Integer> index) {
    ModelDef model = scope.catalog().model((String) row[index.get("TABLE_NAME")]);
    if (model == null) {
      return;
    }
    String name = (String) row[index.get("COLUMN_NAME")];
    for (PopotoColumn c : PopotoColumn.of(model)) {
      if (!c.name().equals(name)) {
        continue;
      }
      boolean nullable = c.part() != PopotoColumn.Part.KEY;
      row[index.get("REMARKS")] = remarks.of(model, c);
      row[index.get("NULLABLE")] = nullable ? DatabaseMetaData.columnNullable
          : DatabaseMetaData.columnNoNulls;
      row[index.get("IS_NULLABLE")] = nullable ? "YES" : "NO";
      row[index.get("TYPE_NAME")] = typeName((String) row[index.get("TYPE_NAME")]);
      size(row, index);
      return;
    }
  }

  /**
   * Calcite appends the nullability ("VARCHAR NOT NULL") and, when the JVM's Calcite default
   * differs from our Unicode set, the character set; tools expect the bare type.
   */
  private static String typeName(String calcite) {
    return calcite == null ? null
        : calcite.replace(" NOT NULL", "").replaceAll(" CHARACTER SET \"[^\"]*\"", "");
  }

  /**
   * COLUMN_SIZE as JDBC defines it: characters for strings, digits for numbers, the length of
   * the text form for dates and times (Calcite reports -1, or the fractional precision).
   */
  private static void size(Object[] row, Map<String, Integer> index) {
    int type = ((Number) row[index.get("DATA_TYPE")]).intValue();
    Object reported = row[index.get("COLUMN_SIZE")];
    int fraction = reported == null ? 0 : Math.max(((Number) reported).intValue(), 0);
    Integer size;
    Integer digits = null;
    switch (type) {
      case Types.VARCHAR, Types.VARBINARY -> size = UNBOUNDED;
      case Types.BIGINT -> {
        size = 19;
        digits = 0;
      }
      case Types.DOUBLE -> size = 15;
      case Types.BOOLEAN -> size = 1;
      case Types.DATE -> size = 10;
      case Types.TIME -> {
        size = 8 + (fraction > 0 ? fraction + 1 : 0);
        digits = fraction;
      }
      case Types.TIMESTAMP -> {
        size = 19 + (fraction > 0 ? fraction + 1 : 0);
        digits = fraction;
      }
      default -> {
        return; // DECIMAL already carries its precision and scale
      }
    }
    row[index.get("COLUMN_SIZE")] = size;
    if (digits != null) {
      row[index.get("DECIMAL_DIGITS")] = digits;
    }
    boolean text = type == Types.VARCHAR || type == Types.VARBINARY;
    row[index.get("CHAR_OCTET_LENGTH")] = text ? UNBOUNDED : null;
  }
}
