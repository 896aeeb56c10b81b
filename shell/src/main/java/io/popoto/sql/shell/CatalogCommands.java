package io.popoto.sql.shell;

import io.popoto.sql.catalog.Suggest;
import io.popoto.sql.jdbc.NameHints;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import sqlline.AbstractCommandHandler;
import sqlline.DispatchCallback;
import sqlline.PopotoBridge;
import sqlline.SqlLine;

/**
 * psql's {@code \dt} and {@code \d table} for the shell: {@code !tables} lists the tables sorted
 * (models first, then the system tables), {@code !describe T} one line per column with its type,
 * nullability and the Popoto field and index behind it, then the keys. Both read
 * DatabaseMetaData, so they show what every JDBC tool sees.
 */
final class CatalogCommands {
  private CatalogCommands() {}

  /** {@code !tables}. */
  static final class Tables extends AbstractCommandHandler {
    private final SqlLine sqlLine;

    Tables(SqlLine sqlLine) {
      super(sqlLine, new String[] {"tables"}, "List the tables (models first)", List.of());
      this.sqlLine = sqlLine;
    }

    @Override
    public void execute(String line, DispatchCallback callback) {
      run(sqlLine, callback, c -> printTables(sqlLine, c));
    }
  }

  /** {@code !describe [table]}. */
  static final class Describe extends AbstractCommandHandler {
    private final SqlLine sqlLine;

    Describe(SqlLine sqlLine) {
      super(sqlLine, new String[] {"describe"}, "Describe a table: columns, types, keys, indexes",
          () -> List.of(PopotoBridge.tableNameCompleter(sqlLine)));
      this.sqlLine = sqlLine;
    }

    @Override
    public void execute(String line, DispatchCallback callback) {
      String table = line.replaceFirst("(?i)^describe\\s*", "").replaceAll(";\\s*$", "").strip();
      if (table.isEmpty()) {
        run(sqlLine, callback, c -> printTables(sqlLine, c));
      } else {
        run(sqlLine, callback, c -> describe(sqlLine, c, unquote(table)));
      }
    }
  }

  private interface Action {
    boolean run(Connection c) throws SQLException;
  }

  private static void run(SqlLine sqlLine, DispatchCallback callback, Action action) {
    Connection c = PopotoBridge.connection(sqlLine);
    if (c == null) {
      sqlLine.error("No current connection");
      callback.setToFailure();
      return;
    }
    try {
      if (action.run(c)) {
        callback.setToSuccess();
      } else {
        callback.setToFailure();
      }
    } catch (SQLException e) {
      sqlLine.error(e);
      callback.setToFailure();
    }
  }

  private static boolean printTables(SqlLine sqlLine, Connection c) throws SQLException {
    List<String[]> rows = new ArrayList<>();
    try (ResultSet rs = c.getMetaData().getTables(null, null, "%", null)) {
      while (rs.next()) {
        rows.add(new String[] {rs.getString("TABLE_SCHEM"), rs.getString("TABLE_NAME"),
            rs.getString("TABLE_TYPE"), nullToEmpty(rs.getString("REMARKS"))});
      }
    }
    rows.sort(Comparator.<String[], Boolean>comparing(r -> !"TABLE".equals(r[2]))
        .thenComparing(r -> r[2]).thenComparing(r -> r[0])
        .thenComparing(r -> r[1], String.CASE_INSENSITIVE_ORDER));
    print(sqlLine, new String[] {"schema", "table", "type", "remarks"}, rows);
    return true;
  }

  private static boolean describe(SqlLine sqlLine, Connection c, String table)
      throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    List<String[]> columns = new ArrayList<>();
    String schema = null;
    String name = null;
    try (ResultSet rs = md.getColumns(null, null, like(table), "%")) {
      while (rs.next()) {
        if (name != null && !name.equals(rs.getString("TABLE_NAME"))) {
          continue; // the first table matched; names are unique up to case in a catalog
        }
        schema = rs.getString("TABLE_SCHEM");
        name = rs.getString("TABLE_NAME");
        columns.add(new String[] {rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME"),
            rs.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls ? "not null" : "",
            nullToEmpty(rs.getString("REMARKS"))});
      }
    }
    if (name == null) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = md.getTables(null, null, "%", null)) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
      sqlLine.error("No table '" + table + "'" + Suggest.didYouMean(table, tables));
      return false;
    }
    sqlLine.output("Table " + schema + "." + quoteIfNeeded(name));
    print(sqlLine, new String[] {"column", "type", "null", "field / index"}, columns);
    List<String> keys = new ArrayList<>();
    try (ResultSet rs = md.getPrimaryKeys(null, schema, name)) {
      while (rs.next()) {
        keys.add("Primary key: " + rs.getString("COLUMN_NAME"));
      }
    }
    try (ResultSet rs = md.getImportedKeys(null, schema, name)) {
      while (rs.next()) {
        keys.add("Foreign key: " + rs.getString("FKCOLUMN_NAME") + " -> "
            + quoteIfNeeded(rs.getString("PKTABLE_NAME")) + "." + rs.getString("PKCOLUMN_NAME"));
      }
    }
    keys.forEach(sqlLine::output);
    return true;
  }

  private static void print(SqlLine sqlLine, String[] header, List<String[]> rows) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      TablePrinter.render(header, rows, sqlLine.getOpts().getMaxWidth(), out);
    }
    sqlLine.output(bytes.toString(StandardCharsets.UTF_8).stripTrailing());
  }

  private static String unquote(String name) {
    return name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")
        ? name.substring(1, name.length() - 1).replace("\"\"", "\"") : name;
  }

  /** The name as a LIKE pattern matching only itself. */
  private static String like(String name) {
    return name.replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%");
  }

  private static String quoteIfNeeded(String name) {
    return name.matches("[A-Za-z][A-Za-z0-9_]*") && !NameHints.isReserved(name) ? name
        : "\"" + name.replace("\"", "\"\"") + "\"";
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
