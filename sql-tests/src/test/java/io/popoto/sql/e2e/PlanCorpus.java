package io.popoto.sql.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plan-quality corpus: each query follows a header line
 * {@code -- <dataset> [invariant] budget <n>: <why>} naming the dataset it runs on, whether its
 * Redis commands must stay the same at a larger scale, and its Redis command budget (at most
 * three times the ideal read the comment derives). {@code -- params: a | b} right after the
 * query gives the statement's parameters (integers become BIGINT, the rest VARCHAR). Other comment
 * lines are prose.
 */
final class PlanCorpus {
  private static final Pattern HEADER = Pattern.compile(
      "--\\s*(social|school|food)\\s+(invariant\\s+)?budget\\s+(\\d+)\\s*:\\s*(.*)");
  private static final Pattern PARAMS = Pattern.compile("--\\s*params:\\s*(.*)");

  record Query(String dataset, boolean invariant, int budget, String why, List<Object> params,
      String sql) {
    @Override
    public String toString() {
      return "[" + dataset + "] " + sql + (params.isEmpty() ? "" : " " + params);
    }
  }

  private PlanCorpus() {}

  static List<Query> load(String resource) {
    List<Query> out = new ArrayList<>();
    Matcher header = null;
    for (String s : QueryCorpus.lines(resource)) {
      Matcher h = HEADER.matcher(s);
      Matcher p = PARAMS.matcher(s);
      if (h.matches()) {
        header = h;
      } else if (p.matches() && !out.isEmpty()) {
        Query last = out.remove(out.size() - 1);
        out.add(new Query(last.dataset(), last.invariant(), last.budget(), last.why(),
            parseParams(p.group(1)), last.sql()));
      } else if (!s.isEmpty() && !s.startsWith("--")) {
        if (header == null) {
          throw new IllegalStateException("query without a budget header: " + s);
        }
        out.add(new Query(header.group(1), header.group(2) != null,
            Integer.parseInt(header.group(3)), header.group(4), List.of(), s));
        header = null;
      }
    }
    return out;
  }

  private static List<Object> parseParams(String text) {
    List<Object> out = new ArrayList<>();
    for (String v : text.split("\\|")) {
      String t = v.strip();
      out.add(t.matches("-?\\d+") ? (Object) Long.parseLong(t) : t);
    }
    return out;
  }
}
