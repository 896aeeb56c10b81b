package io.popoto.sql.jdbc;

import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Refuses, before Calcite plans it, a statement whose shape its planner cannot follow: nesting
 * deeper than {@link #MAX_NESTING} (Calcite's parser, validator, planner and code generator all
 * recurse once or more per level, so a 1,000-term {@code a + b + ...} or 5,000-term OR chain
 * overflows the stack, after seconds of work), and EXISTS over something that is not a query
 * (which Calcite's validator trips an assertion on). Stack overflows that happen anyway are
 * reported the same way by {@link Failures}.
 */
final class StatementLimits {
  /**
   * Levels of nested parentheses, operators, function calls or subqueries. A thread with the
   * JVM's default 1 MB stack plans this depth with room to spare; hand-written and BI-generated
   * SQL stays far below it (long value lists belong in {@code IN (...)}, which is flat).
   */
  static final int MAX_NESTING = 200;

  private StatementLimits() {}

  static SQLException tooComplex(String why, Throwable cause) {
    return new SQLException("Statement too complex: " + why + ". Use IN (...) instead of long "
        + "OR chains, and fewer nested expressions or subqueries",
        SqlStates.STATEMENT_TOO_COMPLEX, cause);
  }

  /**
   * Before parsing, since the parser recurses once per parenthesis: nesting of parentheses
   * outside string literals, quoted identifiers and comments.
   */
  static void checkText(String sql) throws SQLException {
    int depth = 0;
    int n = sql.length();
    for (int i = 0; i < n; i++) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        int end = sql.indexOf(c, i + 1);
        i = end < 0 ? n : end; // a doubled quote closes and reopens: same outcome
      } else if (c == '-' && sql.startsWith("--", i)) {
        int eol = sql.indexOf('\n', i);
        i = eol < 0 ? n : eol;
      } else if (c == '/' && sql.startsWith("/*", i)) {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 1;
      } else if (c == '(') {
        if (++depth > MAX_NESTING) {
          throw tooComplex("parentheses nest more than " + MAX_NESTING + " deep", null);
        }
      } else if (c == ')') {
        depth--;
      }
    }
  }

  /** After parsing: the depth of the expression tree, and EXISTS only over queries. */
  static void checkTree(SqlNode root) throws SQLException {
    Deque<SqlNode> nodes = new ArrayDeque<>();
    Deque<Integer> depths = new ArrayDeque<>();
    nodes.push(root);
    depths.push(1);
    while (!nodes.isEmpty()) {
      SqlNode node = nodes.pop();
      int depth = depths.pop();
      if (depth > MAX_NESTING) {
        throw tooComplex("its expressions nest more than " + MAX_NESTING + " levels deep"
            + at(node.getParserPosition()), null);
      }
      Iterable<SqlNode> children;
      if (node instanceof SqlNodeList list) {
        children = list;
      } else if (node instanceof SqlCall call) {
        if (call.getKind() == SqlKind.EXISTS || call.getKind() == SqlKind.UNIQUE) {
          SqlNode operand = call.operandCount() == 1 ? call.operand(0) : null;
          if (operand == null || !operand.isA(SqlKind.QUERY)) {
            throw new SQLSyntaxErrorException(call.getOperator().getName()
                + " needs a subquery, as in EXISTS (SELECT ...)" + at(call.getParserPosition()),
                SqlStates.SYNTAX_ERROR_OR_ACCESS_RULE);
          }
        }
        children = call.getOperandList();
      } else {
        continue;
      }
      for (SqlNode child : children) {
        if (child != null) {
          nodes.push(child);
          depths.push(depth + 1);
        }
      }
    }
  }

  private static String at(SqlParserPos pos) {
    return pos == null || pos == SqlParserPos.ZERO ? ""
        : " (line " + pos.getLineNum() + ", column " + pos.getColumnNum() + ")";
  }
}
