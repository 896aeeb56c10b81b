package io.popoto.sql.jdbc;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * Refuses writes and DDL before Calcite plans them, so nothing can ever reach Redis: the driver
 * is read-only by design (Popoto maintains its indexes itself; a write from SQL would corrupt
 * them).
 */
final class ReadOnlyGuard {
  /** The parser settings the connection uses, so the guard sees what Calcite will see. */
  static final SqlParser.Config PARSER_CONFIG = SqlParser.config()
      .withCaseSensitive(false)
      .withUnquotedCasing(Casing.UNCHANGED)
      .withQuotedCasing(Casing.UNCHANGED)
      .withConformance(SqlConformanceEnum.LENIENT);

  /** First keywords of statements that change data or schema, for text Calcite cannot parse. */
  private static final Set<String> WRITE_KEYWORDS = Set.of("INSERT", "UPDATE", "DELETE",
      "MERGE", "UPSERT", "CREATE", "DROP", "ALTER", "TRUNCATE", "REPLACE", "GRANT", "REVOKE",
      "RENAME", "COPY", "LOAD", "CALL");

  private ReadOnlyGuard() {}

  /**
   * @throws SQLException with SQLState 25006 when {@code sql} would write or change schema, and
   *     54001 when it is too deeply nested to plan ({@link StatementLimits})
   */
  static void check(String sql) throws SQLException {
    if (sql == null) {
      return; // Calcite reports the missing statement
    }
    StatementLimits.checkText(sql);
    SqlNode node = parse(sql);
    if (node != null) {
      StatementLimits.checkTree(node);
    }
    String kind = node != null ? writeKind(node, sql) : writeKindOfUnparsable(sql);
    if (kind != null) {
      throw new SQLException("Popoto SQL is read-only: " + kind + " statements are not allowed "
          + "(the driver never writes to Redis)", SqlStates.READ_ONLY_TRANSACTION);
    }
  }

  /** The kind of write {@code sql} is ("INSERT", "DROP" ...), or null for a query. */
  static String writeKind(String sql) throws SQLException {
    if (sql == null) {
      return null;
    }
    SqlNode node = parse(sql);
    return node != null ? writeKind(node, sql) : writeKindOfUnparsable(sql);
  }

  /** The statement, or null when it does not parse (Calcite reports that when it plans). */
  private static SqlNode parse(String sql) throws SQLException {
    try {
      return SqlParser.create(sql, PARSER_CONFIG).parseStmt();
    } catch (SqlParseException e) {
      if (e.getCause() instanceof StackOverflowError) {
        // The parser recurses once per operator of a chain: refuse here, not a second time.
        throw StatementLimits.tooComplex("its expressions are too long to parse", e);
      }
      return null;
    }
  }

  private static String writeKind(SqlNode node, String sql) {
    SqlKind kind = node.getKind();
    if (kind.belongsTo(SqlKind.DML)) {
      return firstKeyword(sql);
    }
    String name = kind.name();
    if (name.startsWith("CREATE_") || name.startsWith("DROP_") || name.startsWith("ALTER_")
        || kind == SqlKind.TRUNCATE_TABLE) {
      return firstKeyword(sql);
    }
    return null;
  }

  /** The core parser has no DDL grammar: CREATE/DROP land here, so does plain bad SQL. */
  private static String writeKindOfUnparsable(String sql) {
    String keyword = firstKeyword(sql);
    return WRITE_KEYWORDS.contains(keyword) ? keyword : null;
  }

  /** The first word after whitespace, comments and opening parentheses, upper case. */
  static String firstKeyword(String sql) {
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c) || c == '(') {
        i++;
      } else if (sql.startsWith("--", i)) {
        int eol = sql.indexOf('\n', i);
        i = eol < 0 ? n : eol + 1;
      } else if (sql.startsWith("/*", i)) {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else {
        break;
      }
    }
    int start = i;
    while (i < n && (Character.isLetter(sql.charAt(i)) || sql.charAt(i) == '_')) {
      i++;
    }
    return sql.substring(start, i).toUpperCase(Locale.ROOT);
  }
}
