package io.popoto.sql.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A file of SQL queries, one a line; blank lines and {@code --} comment lines are skipped. */
final class QueryCorpus {
  private static final Pattern ORDER_BY = Pattern.compile("(?i)\\border\\s+by\\b");

  private QueryCorpus() {}

  static List<String> load(String resource) {
    List<String> queries = new ArrayList<>();
    for (String sql : lines(resource)) {
      if (!sql.isEmpty() && !sql.startsWith("--")) {
        queries.add(sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql);
      }
    }
    return queries;
  }

  /** The stripped lines of a UTF-8 resource. */
  static List<String> lines(String resource) {
    try (InputStream in = QueryCorpus.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("corpus not on the classpath: " + resource);
      }
      List<String> lines = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        lines.add(line.strip());
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Whether row order is part of the answer. The corpus only orders at the top level and always
   * by a total order, so any ORDER BY means the final order is defined.
   */
  static boolean isOrdered(String sql) {
    return ORDER_BY.matcher(sql).find();
  }
}
