package io.popoto.sql.jdbc;

import java.sql.JDBCType;

/** One column of a metadata result: its JDBC-spec name, type and nullability. */
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

  static MetaColumn integer(String name) {
    return new MetaColumn(name, JDBCType.INTEGER, false);
  }

  static MetaColumn bigint(String name) {
    return new MetaColumn(name, JDBCType.BIGINT, true);
  }

  static MetaColumn bool(String name) {
    return new MetaColumn(name, JDBCType.BOOLEAN, false);
  }

  /** The Java class a JDBC tool expects from getObject for this column. */
  String javaClassName() {
    switch (type) {
      case SMALLINT: return Short.class.getName();
      case INTEGER: return Integer.class.getName();
      case BIGINT: return Long.class.getName();
      case BOOLEAN: return Boolean.class.getName();
      default: return String.class.getName();
    }
  }
}
