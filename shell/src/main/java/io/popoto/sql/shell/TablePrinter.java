package io.popoto.sql.shell;

import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints results as psql does: an aligned table where a cell with line breaks (an EXPLAIN plan)
 * takes one line per line of text, NULL written the same for every type, and, when the table
 * would be wider than the terminal, one record per block ("expanded display") instead of cutting
 * columns off.
 */
final class TablePrinter {
  static final String NULL = "NULL";

  private TablePrinter() {}

  /** For {@code -e}: the whole result, then the row count. @return the number of rows */
  static int print(ResultSet rs, PrintStream out, int maxWidth) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    int n = md.getColumnCount();
    String[] header = new String[n];
    for (int i = 0; i < n; i++) {
      header[i] = md.getColumnLabel(i + 1);
    }
    // The whole result is held to align it: -e is for short answers.
    List<String[]> rows = new ArrayList<>();
    while (rs.next()) {
      String[] row = new String[n];
      for (int i = 0; i < n; i++) {
        Object v = rs.getObject(i + 1);
        row[i] = v == null ? NULL : v instanceof byte[] b ? hex(b) : v.toString();
      }
      rows.add(row);
    }
    render(header, rows, maxWidth, out);
    out.println(rows.size() + (rows.size() == 1 ? " row" : " rows"));
    return rows.size();
  }

  /** Prints the table, or records one per block when wider than {@code maxWidth} (0: never). */
  static void render(String[] header, List<String[]> rows, int maxWidth, PrintStream out) {
    int n = header.length;
    int[] width = new int[n];
    for (int i = 0; i < n; i++) {
      width[i] = widest(header[i]);
      for (String[] row : rows) {
        width[i] = Math.max(width[i], widest(cell(row, i)));
      }
    }
    int total = 1;
    for (int w : width) {
      total += w + 3;
    }
    if (maxWidth > 0 && total > maxWidth) {
      if (n > 1) {
        expanded(header, rows, maxWidth, out);
      } else {
        openRight(header[0], rows, maxWidth, out);
      }
      return;
    }
    String rule = rule(width);
    out.println(rule);
    printLines(new String[][] {header}, width, out);
    out.println(rule);
    printLines(rows.toArray(new String[0][]), width, out);
    out.println(rule);
  }

  private static void printLines(String[][] rows, int[] width, PrintStream out) {
    for (String[] row : rows) {
      String[][] lines = new String[width.length][];
      int height = 1;
      for (int i = 0; i < width.length; i++) {
        lines[i] = cell(row, i).split("\r?\n", -1);
        height = Math.max(height, lines[i].length);
      }
      for (int l = 0; l < height; l++) {
        StringBuilder sb = new StringBuilder("|");
        for (int i = 0; i < width.length; i++) {
          String text = l < lines[i].length ? lines[i][l] : "";
          sb.append(' ').append(text).append(" ".repeat(width[i] - width(text))).append(" |");
        }
        out.println(sb);
      }
    }
  }

  /**
   * One column wider than the terminal (an EXPLAIN plan): the box without its right side, so
   * that each line of text starts a line on screen and the terminal wraps only what is long.
   */
  private static void openRight(String header, List<String[]> rows, int maxWidth,
      PrintStream out) {
    String rule = "+" + "-".repeat(Math.max(1, maxWidth - 1));
    out.println(rule);
    out.println("| " + header);
    out.println(rule);
    for (String[] row : rows) {
      for (String line : cell(row, 0).split("\r?\n", -1)) {
        out.println("| " + line);
      }
    }
    out.println(rule);
  }

  /** psql's \x: "-[ RECORD n ]-" then one "column | value" line per column. */
  private static void expanded(String[] header, List<String[]> rows, int maxWidth,
      PrintStream out) {
    int labelWidth = 0;
    for (String h : header) {
      labelWidth = Math.max(labelWidth, width(h));
    }
    for (int r = 0; r < rows.size(); r++) {
      String title = "-[ RECORD " + (r + 1) + " ]";
      out.println(title + "-".repeat(Math.max(3, Math.min(maxWidth, labelWidth + 20)
          - title.length())));
      for (int i = 0; i < header.length; i++) {
        String[] lines = cell(rows.get(r), i).split("\r?\n", -1);
        for (int l = 0; l < lines.length; l++) {
          String label = l == 0 ? header[i] : "";
          out.println(label + " ".repeat(labelWidth - width(label)) + " | " + lines[l]);
        }
      }
    }
    if (rows.isEmpty()) {
      out.println("(no rows)");
    }
  }

  /** The text of a cell, without the line break that ends an EXPLAIN plan. */
  private static String cell(String[] row, int i) {
    String text = i < row.length && row[i] != null ? row[i] : NULL;
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }

  private static int widest(String text) {
    int w = 0;
    for (String line : text.split("\r?\n", -1)) {
      w = Math.max(w, width(line));
    }
    return w;
  }

  /** Terminal columns: one per code point (a surrogate pair is one character). */
  private static int width(String s) {
    return s.codePointCount(0, s.length());
  }

  private static String rule(int[] width) {
    StringBuilder sb = new StringBuilder("+");
    for (int w : width) {
      sb.append("-".repeat(w + 2)).append('+');
    }
    return sb.toString();
  }

  private static String hex(byte[] b) {
    StringBuilder sb = new StringBuilder("\\x");
    for (byte x : b) {
      sb.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
    }
    return sb.toString();
  }
}
