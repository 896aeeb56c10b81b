package io.popoto.sql.shell;

import io.popoto.sql.jdbc.DriverVersion;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import sqlline.Application;
import sqlline.BuiltInProperty;
import sqlline.CommandHandler;
import sqlline.OutputFormat;
import org.jline.utils.AttributedString;
import sqlline.PopotoBridge;
import sqlline.PromptHandler;
import sqlline.SqlLine;
import sqlline.SqlLineOpts;

/**
 * sqlline configured to feel like psql over Popoto: our banner and version, NULL written the
 * same for every type, elapsed time after each statement, the table format of
 * {@link TablePrinter} (multi-line EXPLAIN, expanded display when too wide), a compact
 * {@code !tables} and {@code !describe}, completion of table and column names, and no
 * transaction noise (the connection is read-only and has no transactions).
 */
public final class ShellApplication extends Application {
  static final String PROMPT = "popoto> ";

  @Override
  public String getInfoMessage() {
    return "Popoto SQL " + version() + ": SQL over Popoto models in Redis. "
        + "!tables, !describe <table>, !help, !quit.";
  }

  @Override
  public String getVersion() {
    return "Popoto SQL " + version();
  }

  static String version() {
    return DriverVersion.VERSION;
  }

  @Override
  public Map<String, OutputFormat> getOutputFormats(SqlLine sqlLine) {
    Map<String, OutputFormat> formats = new java.util.HashMap<>(super.getOutputFormats(sqlLine));
    formats.put("table", PopotoBridge.outputFormat(sqlLine, (header, rows, maxWidth, out) -> {
      TablePrinter.render(header, rows, maxWidth, out);
      return rows.size();
    }));
    return formats;
  }

  @Override
  public Collection<CommandHandler> getCommandHandlers(SqlLine sqlLine) {
    List<CommandHandler> handlers = new ArrayList<>();
    for (CommandHandler h : super.getCommandHandlers(sqlLine)) {
      if (!h.getNames().contains("tables") && !h.getNames().contains("describe")) {
        handlers.add(h);
      }
    }
    handlers.add(new CatalogCommands.Tables(sqlLine));
    handlers.add(new CatalogCommands.Describe(sqlLine));
    return handlers;
  }

  @Override
  public PromptHandler getPromptHandler(SqlLine sqlLine) {
    return new PromptHandler(sqlLine) {
      @Override
      public AttributedString getPrompt() {
        // The line reader exists by the first prompt; our completer wraps sqlline's there.
        PopotoBridge.wrapCompleter(sqlLine,
            keywords -> new NameCompleter(keywords, () -> PopotoBridge.connection(sqlLine)));
        return super.getPrompt();
      }
    };
  }

  @Override
  public SqlLineOpts getOpts(SqlLine sqlLine) {
    SqlLineOpts opts = super.getOpts(sqlLine);
    opts.set(BuiltInProperty.NULL_VALUE, TablePrinter.NULL);
    opts.set(BuiltInProperty.SHOW_ELAPSED_TIME, true);
    // Read-only and without transactions: ask for exactly that, so connecting prints nothing.
    opts.set(BuiltInProperty.READ_ONLY, true);
    opts.set(BuiltInProperty.AUTO_COMMIT, true);
    opts.set(BuiltInProperty.ISOLATION, "TRANSACTION_NONE");
    // Read table and column names at connect, for completion (a catalog is small).
    opts.set(BuiltInProperty.FAST_CONNECT, false);
    opts.set(BuiltInProperty.PROMPT, PROMPT);
    return opts;
  }
}
