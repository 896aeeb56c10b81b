package io.popoto.sql.calcite;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableFilter;
import org.apache.calcite.adapter.enumerable.EnumerableProject;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.SingleRel;

/**
 * A pass-through node that checks the statement's cancel flag before every row it passes on
 * ({@link Cancellation#watch}). {@link #insert} puts one above the plan and under every node
 * that can work long on rows it already has (joins, aggregates, sorts, set operations, recursive
 * unions), after planning, so the planner never sees it.
 */
final class CancelCheckRel extends SingleRel implements EnumerableRel {

  private CancelCheckRel(RelOptCluster cluster, RelTraitSet traits, RelNode input) {
    super(cluster, traits, input);
  }

  /** The plan with checks added; a plan that is not Enumerable is returned unchanged. */
  static RelNode insert(RelNode root) {
    if (!(root instanceof EnumerableRel)) {
      return root;
    }
    return wrap(withChecks(root));
  }

  private static RelNode withChecks(RelNode node) {
    if (node.getInputs().isEmpty()) {
      return node;
    }
    boolean streams = node instanceof EnumerableCalc || node instanceof EnumerableProject
        || node instanceof EnumerableFilter || node instanceof PopotoToEnumerableConverter;
    List<RelNode> inputs = new ArrayList<>();
    for (RelNode in : node.getInputs()) {
      RelNode checked = in instanceof EnumerableRel ? withChecks(in) : in;
      inputs.add(streams ? checked : wrap(checked));
    }
    return node.copy(node.getTraitSet(), inputs);
  }

  private static RelNode wrap(RelNode node) {
    if (!(node instanceof EnumerableRel) || node instanceof CancelCheckRel
        || node instanceof PopotoToEnumerableConverter) {
      return node; // our scans check per batch themselves
    }
    return new CancelCheckRel(node.getCluster(), node.getTraitSet(), node);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new CancelCheckRel(getCluster(), traitSet, sole(inputs));
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    Result child = implementor.visitChild(this, 0, (EnumerableRel) getInput(), pref);
    BlockBuilder builder = new BlockBuilder();
    Expression input = builder.append("input", child.block);
    builder.add(Expressions.return_(null, Expressions.call(Cancellation.class, "watch", input,
        DataContext.ROOT)));
    return implementor.result(child.physType, builder.toBlock());
  }
}
