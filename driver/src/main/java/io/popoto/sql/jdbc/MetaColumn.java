package io.popoto.sql.jdbc;

import java.sql.JDBCType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * One column of a system table: its JDBC-spec name (what the DatabaseMetaData result calls it),
 * SQL type and nullability. Values in the rows are what Calcite expects for the type: String,
 * Short for SMALLINT, Integer for INTEGER, Long for BIGINT, Boolean.
 */
record MetaColumn(String name, JDBCType type, boolean nullable) {

  static MetaColumn string(String name) {
    return new MetaColumn(name, JDBCType.VARCHAR, true);
  }

  static MetaColumn requiredString(String name) {
    return new MetaColumn(name, JDBCType.VARCHAR, false);
  }

  static MetaColumn shortInt(String name) {
    return new MetaColumn(name, JDBCType.SMALLINT, false);
  }

  static MetaColumn optionalShort(String name) {
    return new MetaColumn(name, JDBCType.SMALLINT, true);
  }

  static MetaColumn integer(String name) {
    return new MetaColumn(name, JDBCType.INTEGER, false);
  }

  static MetaColumn optionalInt(String name) {
    return new MetaColumn(name, JDBCType.INTEGER, true);
  }

  static MetaColumn bigint(String name) {
    return new MetaColumn(name, JDBCType.BIGINT, true);
  }

  static MetaColumn bool(String name) {
    return new MetaColumn(name, JDBCType.BOOLEAN, false);
  }

  RelDataType relType(RelDataTypeFactory typeFactory) {
    SqlTypeName sqlType = switch (type) {
      case SMALLINT -> SqlTypeName.SMALLINT;
      case INTEGER -> SqlTypeName.INTEGER;
      case BIGINT -> SqlTypeName.BIGINT;
      case BOOLEAN -> SqlTypeName.BOOLEAN;
      default -> SqlTypeName.VARCHAR;
    };
    return typeFactory.createTypeWithNullability(typeFactory.createSqlType(sqlType), nullable);
  }
}
