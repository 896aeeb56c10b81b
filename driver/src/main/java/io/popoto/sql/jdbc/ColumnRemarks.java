package io.popoto.sql.jdbc;

import io.popoto.sql.calcite.PopotoColumn;
import io.popoto.sql.catalog.FieldDef;
import io.popoto.sql.catalog.ModelDef;
import io.popoto.sql.codec.IndexKeys;

/**
 * The REMARKS of a column: which Popoto field class and declared type it comes from and which
 * Redis index serves it, e.g. {@code SortedField(type=float), $SortF:Order:total}, so a user
 * browsing the schema sees which filters are fast.
 */
final class ColumnRemarks {
  static final String KEY_REMARK = "Redis key of the instance hash";

  private final IndexKeys keys;

  ColumnRemarks(IndexKeys keys) {
    this.keys = keys;
  }

  String of(ModelDef model, PopotoColumn column) {
    FieldDef f = column.field();
    if (f == null) {
      return KEY_REMARK;
    }
    StringBuilder text = new StringBuilder(f.fieldClass().popotoName())
        .append("(type=").append(f.type().pythonName());
    if (f.model() != null) {
      text.append(", model=").append(f.model());
    }
    if (!f.partitionBy().isEmpty()) {
      text.append(", partitionBy=").append(String.join(",", f.partitionBy()));
    }
    if (f.decimalPlaces() != null) {
      text.append(", decimal_places=").append(f.decimalPlaces());
    }
    text.append(')');
    if (f.type() == io.popoto.sql.catalog.ValueType.DECIMAL && f.decimalPlaces() == null) {
      text.append(" no fixed scale: values keep their stored scale");
    }
    if (column.part() == PopotoColumn.Part.LATITUDE) {
      text.append(" latitude");
    } else if (column.part() == PopotoColumn.Part.LONGITUDE) {
      text.append(" longitude");
    }
    String index = IndexPattern.of(keys, model, f);
    if (index != null) {
      text.append(", ").append(index);
    }
    return text.toString();
  }
}
