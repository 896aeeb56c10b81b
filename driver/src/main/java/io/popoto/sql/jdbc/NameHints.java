package io.popoto.sql.jdbc;

import io.popoto.sql.calcite.PopotoColumn;
import io.popoto.sql.catalog.Catalog;
import io.popoto.sql.catalog.ModelDef;
import io.popoto.sql.catalog.Suggest;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.impl.SqlParserImpl;

/**
 * The hints appended to unknown-name and syntax errors, from the connection's catalog: the
 * catalog's own "did you mean" suggester for tables and columns, and quoting advice for a model
 * whose name is a reserved word ({@code FROM Order}).
 */
public final class NameHints {
  private static final Pattern ENCOUNTERED = Pattern.compile("Encountered \"([^\"]+)\"");
  private static final Set<String> RESERVED = reservedWords();

  private final Catalog catalog;

  /** @param catalog null for no hints */
  NameHints(Catalog catalog) {
    this.catalog = catalog;
  }

  String table(String wrong) {
    if (catalog == null) {
      return "";
    }
    Set<String> names = new TreeSet<>();
    catalog.models().forEach(m -> names.add(m.name()));
    return Suggest.didYouMean(wrong, names);
  }

  /** @param table the table (or alias) the message names, or null */
  String column(String wrong, String table) {
    if (catalog == null) {
      return "";
    }
    ModelDef only = table == null ? null : catalog.modelIgnoreCase(table);
    Set<String> names = new TreeSet<>();
    for (ModelDef m : catalog.models()) {
      if (only == null || only == m) {
        PopotoColumn.of(m).forEach(c -> names.add(c.name()));
      }
    }
    return Suggest.didYouMean(wrong, names);
  }

  /** For a parse error at a reserved word that is also a model's name: quote it. */
  String reservedModelName(String parseMessage) {
    Matcher m = ENCOUNTERED.matcher(parseMessage);
    if (catalog == null || !m.find()) {
      return "";
    }
    String word = m.group(1).strip();
    ModelDef model = catalog.modelIgnoreCase(word);
    if (model == null || !isReserved(word)) {
      return "";
    }
    return "; " + word.toUpperCase(Locale.ROOT) + " is a reserved word: write the table name in "
        + "double quotes, \"" + model.name() + "\"";
  }

  /** Whether {@code word} is reserved in our SQL, so that a table of that name needs quotes. */
  public static boolean isReserved(String word) {
    return RESERVED.contains(word.toUpperCase(Locale.ROOT));
  }

  private static Set<String> reservedWords() {
    SqlAbstractParserImpl.Metadata md = SqlParserImpl.FACTORY.getParser(new java.io.StringReader(""))
        .getMetadata();
    Set<String> words = new TreeSet<>();
    for (String token : md.getTokens()) {
      if (md.isReservedWord(token)) {
        words.add(token);
      }
    }
    return words;
  }
}
