package io.popoto.sql.jdbc;

import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ScalarFunction;
import org.apache.calcite.schema.Schema;

/**
 * The rows of the functions and client_info_properties system tables. Functions are the ones
 * our schema defines ({@code popoto_within} ...), read from the schema itself so a function added
 * there is listed with no change here; Calcite's built-in operators are SQL, not functions of
 * this database, and are left to getNumericFunctions and friends.
 */
final class FunctionRows {
  static final List<MetaColumn> FUNCTION_COLUMNS = List.of(
      MetaColumn.string("FUNCTION_CAT"),
      MetaColumn.string("FUNCTION_SCHEM"),
      MetaColumn.requiredString("FUNCTION_NAME"),
      MetaColumn.string("REMARKS"),
      MetaColumn.shortInt("FUNCTION_TYPE"),
      MetaColumn.requiredString("SPECIFIC_NAME"));

  static final List<MetaColumn> CLIENT_INFO_COLUMNS = List.of(
      MetaColumn.requiredString("NAME"),
      MetaColumn.integer("MAX_LEN"),
      MetaColumn.string("DEFAULT_VALUE"),
      MetaColumn.string("DESCRIPTION"));

  /** The longest ApplicationName accepted (characters). */
  static final int APPLICATION_NAME_MAX = 255;

  private FunctionRows() {}

  static List<Object[]> functions(MetadataScope scope, Schema schema,
      JavaTypeFactory typeFactory) {
    List<Object[]> rows = new ArrayList<>();
    for (String name : new java.util.TreeSet<>(schema.getFunctionNames())) {
      int overload = 0;
      for (Function f : schema.getFunctions(name)) {
        String specific = overload++ == 0 ? name : name + "_" + overload;
        rows.add(new Object[] {scope.catalogName(), scope.schemaName(), name,
            signature(name, f, typeFactory),
            (short) DatabaseMetaData.functionNoTable, specific});
      }
    }
    return rows;
  }

  /** {@code popoto_within(lat ANY, ...) RETURNS BOOLEAN}, from the function itself. */
  private static String signature(String name, Function f, JavaTypeFactory typeFactory) {
    String params = f.getParameters().stream()
        .map((FunctionParameter p) -> p.getName() + " " + sqlName(p.getType(typeFactory),
            typeFactory))
        .collect(Collectors.joining(", "));
    String returns = f instanceof ScalarFunction s
        ? " RETURNS " + sqlName(s.getReturnType(typeFactory), typeFactory) : "";
    return name + "(" + params + ")" + returns;
  }

  /** {@code ANY} for Object, {@code BOOLEAN} for Boolean: the SQL name of a Java type. */
  private static String sqlName(RelDataType type, JavaTypeFactory typeFactory) {
    org.apache.calcite.sql.type.SqlTypeName sql = typeFactory.toSql(type).getSqlTypeName();
    return sql == org.apache.calcite.sql.type.SqlTypeName.OTHER ? "ANY" : sql.getName();
  }

  static List<Object[]> clientInfoProperties() {
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {PopotoConnection.APPLICATION_NAME, APPLICATION_NAME_MAX, null,
        "The application's name; Redis's CLIENT LIST shows it as popoto-sql:<name>"});
    return rows;
  }
}
