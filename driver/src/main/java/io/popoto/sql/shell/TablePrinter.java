package io.popoto.sql.shell;

import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Prints a result set as an aligned text table followed by the row count. */
final class TablePrinter {
  private TablePrinter() {}

  /** @return the number of rows printed */
  static int print(ResultSet rs, PrintStream out) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    int n = md.getColumnCount();
    List<String[]> rows = new ArrayList<>();
    String[] header = new String[n];
    int[] width = new int[n];
    for (int i = 0; i < n; i++) {
      header[i] = md.getColumnLabel(i + 1);
      width[i] = header[i].length();
    }
    // The whole result is held to align it: -e is for short answers, the prompt for long ones.
    while (rs.next()) {
      String[] row = new String[n];
      for (int i = 0; i < n; i++) {
        Object v = rs.getObject(i + 1);
        row[i] = v == null ? "NULL" : v.toString();
        width[i] = Math.max(width[i], row[i].length());
      }
      rows.add(row);
    }
    String rule = rule(width);
    out.println(rule);
    out.println(line(header, width));
    out.println(rule);
    for (String[] row : rows) {
      out.println(line(row, width));
    }
    out.println(rule);
    out.println(rows.size() + (rows.size() == 1 ? " row" : " rows"));
    return rows.size();
  }

  private static String rule(int[] width) {
    StringBuilder sb = new StringBuilder("+");
    for (int w : width) {
      sb.append("-".repeat(w + 2)).append('+');
    }
    return sb.toString();
  }

  private static String line(String[] cells, int[] width) {
    StringBuilder sb = new StringBuilder("|");
    for (int i = 0; i < cells.length; i++) {
      sb.append(' ').append(cells[i]).append(" ".repeat(width[i] - cells[i].length()))
          .append(" |");
    }
    return sb.toString();
  }
}
