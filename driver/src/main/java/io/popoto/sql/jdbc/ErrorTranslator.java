package io.popoto.sql.jdbc;

import io.popoto.sql.catalog.Catalog;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlValidatorException;

/**
 * Turns Calcite's errors into SQLExceptions a user can act on: a standard SQLState, the
 * offending name and "line L, column C", never a message from deep inside the planner. The
 * original exception stays the cause for whoever needs the stack.
 */
final class ErrorTranslator {
  private static final Pattern TABLE = Pattern.compile(
      "(?:Object|Table) '([^']*)' not found(?: within '([^']*)')?");
  private static final Pattern COLUMN = Pattern.compile(
      "Column '([^']*)' not found(?: in (?:any table|table '([^']*)'))?|Unknown identifier '([^']*)'");

  private ErrorTranslator() {}

  static SQLException translate(SQLException e) {
    return translate(e, null);
  }

  /**
   * As {@link #translate(SQLException)}, with hints from the connection's catalog: "did you
   * mean" for an unknown table or column, and quoting for a model named by a reserved word.
   *
   * @param catalog null for no hints
   */
  static SQLException translate(SQLException e, Catalog catalog) {
    NameHints hints = new NameHints(catalog);
    if (e.getSQLState() != null && isOurs(e.getSQLState())) {
      return e;
    }
    CalciteContextException context = find(e, CalciteContextException.class);
    SqlParseException parse = find(e, SqlParseException.class);
    SqlValidatorException validator = find(e, SqlValidatorException.class);
    if (context == null && parse == null && validator == null) {
      return e;
    }
    String where = "";
    if (context != null && context.getPosLine() > 0) {
      where = " (line " + context.getPosLine() + ", column " + context.getPosColumn() + ")";
    } else if (parse != null && parse.getPos() != null && parse.getPos() != SqlParserPos.ZERO) {
      where = " (line " + parse.getPos().getLineNum() + ", column "
          + parse.getPos().getColumnNum() + ")";
    }
    if (parse != null) {
      // The first line says what was found where; the rest is a long list of expected tokens.
      String first = firstLine(parse.getMessage());
      String hint = hints.reservedModelName(first);
      if (!hint.isEmpty()) {
        first = first.replaceFirst("\\.$", "");
      }
      return new SQLException("SQL syntax error: " + first + (first.contains("line ") ? "" : where)
          + hint, SqlStates.SYNTAX_ERROR_OR_ACCESS_RULE, e);
    }
    String text = validator != null ? validator.getMessage() : stripPosition(context.getMessage());
    if (text == null) {
      text = "invalid statement";
    }
    Matcher table = TABLE.matcher(text);
    if (table.find()) {
      String msg = "Table '" + table.group(1) + "' not found"
          + (table.group(2) == null ? "" : " in schema '" + table.group(2) + "'");
      return new SQLException(msg + where + hints.table(table.group(1)),
          SqlStates.UNDEFINED_TABLE, e);
    }
    Matcher column = COLUMN.matcher(text);
    if (column.find()) {
      String name = column.group(1) != null ? column.group(1) : column.group(3);
      String msg = "Column '" + name + "' not found"
          + (column.group(2) == null ? "" : " in table '" + column.group(2) + "'");
      return new SQLException(msg + where + hints.column(name, column.group(2)),
          SqlStates.UNDEFINED_COLUMN, e);
    }
    return new SQLException(firstLine(text) + where, SqlStates.SYNTAX_ERROR_OR_ACCESS_RULE, e);
  }

  private static boolean isOurs(String state) {
    return state.equals(SqlStates.READ_ONLY_TRANSACTION) || state.startsWith("42")
        || state.startsWith("08") || state.equals(SqlStates.INVALID_AUTHORIZATION)
        || state.equals(SqlStates.CONFIG_FILE_ERROR);
  }

  private static <T extends Throwable> T find(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    return null;
  }

  private static String stripPosition(String message) {
    return message == null ? null : message.replaceFirst("^From line \\d+, column \\d+ to line \\d+, column \\d+: ", "")
        .replaceFirst("^At line \\d+, column \\d+: ", "");
  }

  /** Null-safe: HotSpot drops the message of an exception thrown often (OmitStackTraceInFastThrow). */
  static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }
}
