package io.popoto.sql.shell;

import io.popoto.sql.jdbc.NameHints;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Completes table and column names in SQL (sqlline alone completes keywords, and table names
 * only): {@code FROM Rest<Tab>} gives {@code Restaurant}, {@code SELECT rat<Tab>} gives
 * {@code rating}; a model named by a reserved word completes quoted ({@code "Order"}). The
 * names are read from DatabaseMetaData once per connection. After FROM or JOIN only table
 * names are offered; elsewhere sqlline's keywords and the names.
 */
final class NameCompleter implements Completer {
  private static final java.util.Set<String> TABLE_CONTEXT = java.util.Set.of("FROM", "JOIN");

  private final Completer sqlline;
  private final Supplier<Connection> connection;
  private Connection namesOf;
  private Map<String, Candidate> candidates = Map.of();

  NameCompleter(Completer sqlline, Supplier<Connection> connection) {
    this.sqlline = sqlline;
    this.connection = connection;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> out) {
    if (line.line().stripLeading().startsWith("!")) {
      sqlline.complete(reader, line, out); // sqlline's commands complete their own arguments
      return;
    }
    int w = line.wordIndex();
    boolean tablesOnly = w > 0 && TABLE_CONTEXT.contains(
        line.words().get(w - 1).toUpperCase(java.util.Locale.ROOT));
    if (!tablesOnly) {
      sqlline.complete(reader, line, out);
    }
    for (Candidate c : names().values()) {
      if (!tablesOnly || "tables".equals(c.group())) {
        out.add(c);
      }
    }
  }

  private synchronized Map<String, Candidate> names() {
    Connection c = connection.get();
    if (c != null && c != namesOf) {
      try {
        candidates = read(c.getMetaData());
        namesOf = c;
      } catch (SQLException e) {
        return candidates; // completion is a convenience: keep what we had
      }
    }
    return candidates;
  }

  private static Map<String, Candidate> read(DatabaseMetaData md) throws SQLException {
    Map<String, Candidate> names = new TreeMap<>();
    try (ResultSet rs = md.getTables(null, null, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String t = rs.getString("TABLE_NAME");
        String value = NameHints.isReserved(t) ? "\"" + t + "\"" : t;
        names.put(value, new Candidate(value, value, "tables", null, null, null, true));
      }
    }
    try (ResultSet rs = md.getColumns(null, null, "%", "%")) {
      while (rs.next()) {
        String col = rs.getString("COLUMN_NAME");
        names.putIfAbsent(col, new Candidate(col, col, "columns", null, null, null, true));
      }
    }
    return names;
  }
}
