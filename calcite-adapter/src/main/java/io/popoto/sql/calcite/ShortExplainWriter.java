package io.popoto.sql.calcite;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.externalize.RelWriterImpl;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.rex.RexVisitorImpl;
import org.apache.calcite.sql.SqlExplainLevel;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.Pair;

/**
 * Calcite's text EXPLAIN with short lines (issue 11 §5); only the text differs, never a plan.
 * A batched join's OR of one condition per outer row (which stays above an inner side that
 * cannot check it itself) reads {@code OR of 100 outer equalities (=($3, $cor0.phone) ...)}
 * wherever a node prints it, and a Calc prints what it projects and filters, each expression
 * written out, instead of its program's numbered {@code expr#} steps (a batch's OR alone is
 * some 300 of them). A long list of values (a VALUES table of an IN list, a SEARCH over many
 * points or ranges) prints its first few and how many there are.
 */
final class ShortExplainWriter extends RelWriterImpl {
  /** Fewer disjuncts than this print as they are. */
  private static final int BATCH_DISJUNCTS = 3;
  /** A list printed longer than this is cut after the items that fit. */
  private static final int LIST_CHARS = 100;

  private ShortExplainWriter(PrintWriter pw, SqlExplainLevel level) {
    super(pw, level, false);
  }

  /** The plan as EXPLAIN PLAN FOR (format TEXT) prints it. */
  static String explain(RelNode rel, SqlExplainLevel level) {
    StringWriter text = new StringWriter();
    try (PrintWriter pw = new PrintWriter(text)) {
      rel.explain(new ShortExplainWriter(pw, level));
    }
    return text.toString();
  }

  @Override
  protected void explain_(RelNode rel, List<Pair<String, Object>> values) {
    List<Pair<String, Object>> terms = rel instanceof Calc calc ? calcTerms(calc, values) : values;
    List<Pair<String, Object>> shortened = new ArrayList<>(terms.size());
    for (Pair<String, Object> term : terms) {
      if (term.right instanceof RexNode node) {
        shortened.add(Pair.of(term.left, render(node)));
      } else if (rel instanceof PopotoTableScan scan && term.left.equals("path")
          && scan.spec().path() != null && scan.spec().path().values() != null
          && !scan.spec().path().values().isEmpty()) {
        // only the text: the digest, which tells scans apart, keeps every value
        String path = String.valueOf(term.right);
        shortened.add(Pair.of(term.left, cut(path, path.indexOf('{'), path.lastIndexOf('}'),
            scan.spec().path().values().stream().distinct().count(), "values")));
      } else if (rel instanceof Values table && term.left.equals("tuples")) {
        String tuples = String.valueOf(term.right);
        shortened.add(Pair.of(term.left,
            cut(tuples, 0, tuples.length() - 1, table.getTuples().size(), "rows")));
      } else {
        shortened.add(term);
      }
    }
    super.explain_(rel, shortened);
  }

  /**
   * A Calc's inputs, then its projections and condition written out; leading projections that
   * pass input fields through unchanged print as one {@code proj#0..n=[{inputs}]}.
   */
  private static List<Pair<String, Object>> calcTerms(Calc calc,
      List<Pair<String, Object>> values) {
    List<Pair<String, Object>> terms = new ArrayList<>();
    for (Pair<String, Object> value : values) {
      if (value.right instanceof RelNode) {
        terms.add(value);
      }
    }
    RexProgram program = calc.getProgram();
    List<RexNode> projects = program.expandList(program.getProjectList());
    List<String> names = program.getOutputRowType().getFieldNames();
    int passed = 0;
    while (passed < projects.size() && projects.get(passed) instanceof RexInputRef ref
        && ref.getIndex() == passed) {
      passed++;
    }
    if (passed > 1) {
      terms.add(Pair.of("proj#0.." + (passed - 1), "{inputs}"));
    } else {
      passed = 0;
    }
    for (int i = passed; i < projects.size(); i++) {
      terms.add(Pair.of(names.get(i), projects.get(i)));
    }
    if (program.getCondition() != null) {
      terms.add(Pair.of("condition", program.expandLocalRef(program.getCondition())));
    }
    return terms;
  }

  /** The expression's text, each batch OR and long SEARCH inside it in its short form. */
  static String render(RexNode node) {
    String text = node.toString();
    for (RexCall or : outermost(node, ShortExplainWriter::isBatchOr)) {
      text = text.replace(or.toString(), summary(or));
    }
    for (RexCall search : outermost(node, c -> c.getKind() == SqlKind.SEARCH)) {
      String full = search.toString();
      int open = full.indexOf("Sarg[");
      org.apache.calcite.util.Sarg<?> sarg = ((org.apache.calcite.rex.RexLiteral)
          search.getOperands().get(1)).getValueAs(org.apache.calcite.util.Sarg.class);
      if (open >= 0 && sarg != null) {
        text = text.replace(full, cut(full, open + 4, full.lastIndexOf(']'),
            sarg.rangeSet.asRanges().size(), sarg.isPoints() ? "values" : "ranges"));
      }
    }
    return text;
  }

  /**
   * {@code text} with the list between its brackets at {@code open} and {@code close} (of
   * {@code count} items) cut when it is longer than {@value #LIST_CHARS} characters: the items
   * that fit, then how many there are. Unchanged when the brackets are not there.
   */
  private static String cut(String text, int open, int close, long count, String what) {
    if (open < 0 || close <= open || close - open - 1 <= LIST_CHARS) {
      return text;
    }
    String inner = text.substring(open + 1, close);
    int end = inner.lastIndexOf(", ", LIST_CHARS);
    return text.substring(0, open + 1)
        + (end > 0 ? inner.substring(0, end) + ", ..." : "...") + " " + count + " " + what
        + text.substring(close);
  }

  private static String summary(RexCall or) {
    boolean equalities = or.getOperands().stream().allMatch(d -> d.isA(SqlKind.EQUALS));
    return "OR of " + or.getOperands().size() + " outer "
        + (equalities ? "equalities" : "conditions") + " (" + or.getOperands().get(0) + " ...)";
  }

  /** The outermost calls in the expression that {@code kind} accepts. */
  private static List<RexCall> outermost(RexNode node,
      java.util.function.Predicate<RexCall> kind) {
    List<RexCall> found = new ArrayList<>();
    node.accept(new RexVisitorImpl<Void>(true) {
      @Override
      public Void visitCall(RexCall call) {
        if (kind.test(call)) {
          found.add(call);
          return null;
        }
        return super.visitCall(call);
      }
    });
    return found;
  }

  /** An OR whose every disjunct reads a correlation variable: a join batch's. */
  private static boolean isBatchOr(RexCall call) {
    return call.isA(SqlKind.OR) && call.getOperands().size() >= BATCH_DISJUNCTS
        && call.getOperands().stream().allMatch(RexUtil::containsCorrelation);
  }
}
