package io.popoto.sql.calcite;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Calc;
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
 * some 300 of them).
 */
final class ShortExplainWriter extends RelWriterImpl {
  /** Fewer disjuncts than this print as they are. */
  private static final int BATCH_DISJUNCTS = 3;

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
      shortened.add(term.right instanceof RexNode node
          ? Pair.of(term.left, render(node)) : term);
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

  /** The expression's text, each batch OR inside it in its short form. */
  static String render(RexNode node) {
    String text = node.toString();
    for (RexCall or : batchOrs(node)) {
      text = text.replace(or.toString(), summary(or));
    }
    return text;
  }

  private static String summary(RexCall or) {
    boolean equalities = or.getOperands().stream().allMatch(d -> d.isA(SqlKind.EQUALS));
    return "OR of " + or.getOperands().size() + " outer "
        + (equalities ? "equalities" : "conditions") + " (" + or.getOperands().get(0) + " ...)";
  }

  /** The outermost ORs in the expression whose every disjunct reads a correlation variable. */
  private static List<RexCall> batchOrs(RexNode node) {
    List<RexCall> found = new ArrayList<>();
    node.accept(new RexVisitorImpl<Void>(true) {
      @Override
      public Void visitCall(RexCall call) {
        if (isBatchOr(call)) {
          found.add(call);
          return null;
        }
        return super.visitCall(call);
      }
    });
    return found;
  }

  private static boolean isBatchOr(RexCall call) {
    return call.isA(SqlKind.OR) && call.getOperands().size() >= BATCH_DISJUNCTS
        && call.getOperands().stream().allMatch(RexUtil::containsCorrelation);
  }
}
