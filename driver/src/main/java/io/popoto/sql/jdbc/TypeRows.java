package io.popoto.sql.jdbc;

import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The rows of the type_info system table: the SQL types a column or an expression of ours can
 * have, named as getColumns and ResultSetMetaData name them, with PRECISION the largest
 * {@link ColumnSize} a column of the type reports.
 */
final class TypeRows {
  static final List<MetaColumn> COLUMNS = List.of(
      MetaColumn.requiredString("TYPE_NAME"),
      MetaColumn.integer("DATA_TYPE"),
      MetaColumn.optionalInt("PRECISION"),
      MetaColumn.string("LITERAL_PREFIX"),
      MetaColumn.string("LITERAL_SUFFIX"),
      MetaColumn.string("CREATE_PARAMS"),
      MetaColumn.shortInt("NULLABLE"),
      MetaColumn.bool("CASE_SENSITIVE"),
      MetaColumn.shortInt("SEARCHABLE"),
      MetaColumn.bool("UNSIGNED_ATTRIBUTE"),
      MetaColumn.bool("FIXED_PREC_SCALE"),
      MetaColumn.bool("AUTO_INCREMENT"),
      MetaColumn.string("LOCAL_TYPE_NAME"),
      MetaColumn.optionalShort("MINIMUM_SCALE"),
      MetaColumn.optionalShort("MAXIMUM_SCALE"),
      MetaColumn.optionalInt("SQL_DATA_TYPE"),
      MetaColumn.optionalInt("SQL_DATETIME_SUB"),
      MetaColumn.optionalInt("NUM_PREC_RADIX"));

  /** Column types (VARCHAR ... TIMESTAMP) and what expressions add (CHAR literals, INTEGER). */
  private static final List<SqlTypeName> TYPES = List.of(SqlTypeName.BOOLEAN,
      SqlTypeName.SMALLINT, SqlTypeName.INTEGER, SqlTypeName.BIGINT, SqlTypeName.DECIMAL,
      SqlTypeName.DOUBLE, SqlTypeName.CHAR, SqlTypeName.VARCHAR, SqlTypeName.VARBINARY,
      SqlTypeName.DATE, SqlTypeName.TIME, SqlTypeName.TIMESTAMP);

  private TypeRows() {}

  static List<Object[]> rows(RelDataTypeSystem typeSystem) {
    List<Object[]> rows = new ArrayList<>();
    for (SqlTypeName t : TYPES) {
      int jdbcType = t.getJdbcOrdinal();
      boolean text = t == SqlTypeName.CHAR || t == SqlTypeName.VARCHAR;
      boolean exact = t == SqlTypeName.DECIMAL;
      boolean temporal = t == SqlTypeName.TIME || t == SqlTypeName.TIMESTAMP;
      // Strings are unbounded (precision 0 reads as unbounded); times keep milliseconds.
      int precision = text || t == SqlTypeName.VARBINARY ? 0 : typeSystem.getMaxPrecision(t);
      ColumnSize size = ColumnSize.of(jdbcType, precision, exact ? typeSystem.getMaxScale(t) : 0);
      String prefix = text ? "'" : t == SqlTypeName.VARBINARY ? "X'"
          : t == SqlTypeName.DATE || temporal ? t.getName() + " '" : null;
      boolean numeric = ColumnSize.radix(jdbcType) != null;
      rows.add(new Object[] {t.getName(), jdbcType, size.size(), prefix,
          prefix == null ? null : "'",
          text || t == SqlTypeName.VARBINARY ? "length" : exact ? "precision,scale"
              : temporal ? "precision" : null,
          (short) DatabaseMetaData.typeNullable, text,
          (short) (t == SqlTypeName.VARBINARY ? DatabaseMetaData.typePredBasic
              : DatabaseMetaData.typeSearchable),
          !numeric, false, false, null,
          exact || temporal || numeric ? Short.valueOf((short) 0) : null,
          maximumScale(t, typeSystem, precision, numeric),
          null, null, ColumnSize.radix(jdbcType)});
    }
    rows.sort(java.util.Comparator.comparing(r -> (Integer) r[1]));
    return rows;
  }

  /** The scale of DECIMAL, the second digits of times, 0 for other numbers, else null. */
  private static Short maximumScale(SqlTypeName t, RelDataTypeSystem typeSystem, int precision,
      boolean numeric) {
    if (t == SqlTypeName.DECIMAL) {
      return (short) typeSystem.getMaxScale(t);
    }
    if (t == SqlTypeName.TIME || t == SqlTypeName.TIMESTAMP) {
      return (short) precision;
    }
    return numeric ? Short.valueOf((short) 0) : null;
  }
}
