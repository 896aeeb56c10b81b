package io.popoto.sql.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One DatabaseMetaData call as a query over a {@link CatalogSchema} table, with JDBC's argument
 * conventions: a null argument matches everything; a catalog of "" matches the absent catalog
 * (all of ours), any other catalog nothing; patterns are LIKE patterns with the {@code \}
 * escape, matched case-insensitively as our unquoted SQL is.
 */
final class MetadataQuery {
  private final String table;
  private final List<String> conditions = new ArrayList<>();
  private final List<Object> parameters = new ArrayList<>();

  MetadataQuery(String table) {
    this.table = table;
  }

  /** A catalog argument: not a pattern; "" matches rows without a catalog (none of ours). */
  MetadataQuery catalog(String column, String catalog) {
    if (catalog != null) {
      conditions.add(catalog.isEmpty() ? quote(column) + " IS NULL"
          : quote(column) + " = ?");
      if (!catalog.isEmpty()) {
        parameters.add(catalog);
      }
    }
    return this;
  }

  /** A name pattern; "" matches only an absent (null) name. */
  MetadataQuery like(String column, String pattern) {
    if (pattern == null) {
      return this;
    }
    if (pattern.isEmpty()) {
      conditions.add(quote(column) + " IS NULL");
    } else if (!pattern.equals("%")) {
      conditions.add("UPPER(" + quote(column) + ") LIKE UPPER(CAST(? AS VARCHAR)) ESCAPE '\\'");
      parameters.add(pattern);
    }
    return this;
  }

  /** One of several values; null means any. */
  MetadataQuery in(String column, String[] values) {
    if (values != null) {
      List<String> marks = new ArrayList<>();
      for (String v : values) {
        marks.add("?");
        parameters.add(v);
      }
      conditions.add(marks.isEmpty() ? "FALSE"
          : quote(column) + " IN (" + String.join(", ", marks) + ")");
    }
    return this;
  }

  MetadataQuery where(String condition) {
    conditions.add(condition);
    return this;
  }

  String sql(String... orderBy) {
    StringBuilder sql = new StringBuilder("SELECT * FROM ").append(quote(CatalogSchema.NAME))
        .append('.').append(quote(table));
    if (!conditions.isEmpty()) {
      sql.append(" WHERE ").append(String.join(" AND ", conditions));
    }
    if (orderBy.length > 0) {
      List<String> keys = new ArrayList<>();
      for (String c : orderBy) {
        keys.add(quote(c) + " NULLS FIRST");
      }
      sql.append(" ORDER BY ").append(String.join(", ", keys));
    }
    return sql.toString();
  }

  /**
   * Runs the query on one of the connection's metadata statements. The result set is sized
   * like any of ours, and its getStatement() is null, as JDBC has it for metadata.
   */
  ResultSet run(MetadataStatements statements, Object lock, String... orderBy)
      throws SQLException {
    return statements.run(sql(orderBy), parameters, lock);
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
