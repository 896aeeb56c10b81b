package sqlline;

import java.io.PrintStream;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * The two things the Popoto shell needs from sqlline that sqlline keeps package-private: the
 * rows of a result as sqlline formatted them (for our table printer) and the current connection
 * (for our !tables and !describe). Everything else goes through sqlline's public API.
 */
public final class PopotoBridge {
  private PopotoBridge() {}

  /** Prints a header and the cell texts; returns the number of rows printed. */
  public interface TableRenderer {
    int render(String[] header, List<String[]> rows, int maxWidth, PrintStream out);
  }

  /** An output format that hands sqlline's formatted rows to {@code renderer}. */
  public static OutputFormat outputFormat(SqlLine sqlLine, TableRenderer renderer) {
    return rows -> {
      String[] header = null;
      List<String[]> data = new ArrayList<>();
      while (rows.hasNext()) {
        Rows.Row row = rows.next();
        if (row.isMeta) {
          header = row.values;
        } else {
          data.add(row.values);
        }
      }
      return renderer.render(header == null ? new String[0] : header, data,
          sqlLine.getOpts().getMaxWidth(), sqlLine.getOutputStream());
    };
  }

  /** sqlline's completer of table names, for the argument of !describe. */
  public static org.jline.reader.Completer tableNameCompleter(SqlLine sqlLine) {
    return new TableNameCompleter(sqlLine);
  }

  /**
   * Replaces the prompt's completer (once) by {@code wrap} of it, and makes completion
   * case-insensitive: {@code rest<Tab>} offers {@code Restaurant}, as unquoted names match.
   */
  public static void wrapCompleter(SqlLine sqlLine,
      java.util.function.UnaryOperator<org.jline.reader.Completer> wrap) {
    org.jline.reader.LineReader reader = sqlLine.getLineReader();
    if (reader instanceof org.jline.reader.impl.LineReaderImpl impl
        && impl.getCompleter() instanceof SqlLineCompleter) {
      impl.setCompleter(wrap.apply(impl.getCompleter()));
      impl.setOpt(org.jline.reader.LineReader.Option.CASE_INSENSITIVE);
    }
  }

  /** The connection sqlline currently uses, or null. */
  public static Connection connection(SqlLine sqlLine) {
    DatabaseConnection c = sqlLine.getDatabaseConnection();
    return c == null ? null : c.connection;
  }
}
