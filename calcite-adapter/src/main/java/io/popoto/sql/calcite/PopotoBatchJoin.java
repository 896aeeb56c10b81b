package io.popoto.sql.calcite;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.adapter.enumerable.EnumerableBatchNestedLoopJoin;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.metadata.RelMdCollation;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Calcite's batch nested-loop join, unchanged but for how EXPLAIN prints it: Calcite lists every
 * one of the batch's correlation variables ({@code variablesSet=[[$cor0, ..., $cor99]]}), a line
 * of a few hundred characters per join; here they read {@code outer=[$cor0..$cor99 (100 rows)]}.
 */
public final class PopotoBatchJoin extends EnumerableBatchNestedLoopJoin {
  private final ImmutableBitSet required;

  private PopotoBatchJoin(RelOptCluster cluster, RelTraitSet traits, RelNode left, RelNode right,
      RexNode condition, Set<CorrelationId> variablesSet, ImmutableBitSet requiredColumns,
      JoinRelType joinType) {
    super(cluster, traits, left, right, condition, variablesSet, requiredColumns, joinType);
    this.required = requiredColumns;
  }

  static PopotoBatchJoin of(RelNode left, RelNode right, RexNode condition,
      ImmutableBitSet requiredColumns, Set<CorrelationId> variablesSet, JoinRelType joinType) {
    RelOptCluster cluster = left.getCluster();
    RelMetadataQuery mq = cluster.getMetadataQuery();
    RelTraitSet traits = cluster.traitSetOf(EnumerableConvention.INSTANCE)
        .replaceIfs(RelCollationTraitDef.INSTANCE,
            () -> RelMdCollation.enumerableBatchNestedLoopJoin(mq, left, right, joinType));
    return new PopotoBatchJoin(cluster, traits, left, right, condition, variablesSet,
        requiredColumns, joinType);
  }

  @Override
  public EnumerableBatchNestedLoopJoin copy(RelTraitSet traitSet, RexNode condition,
      RelNode left, RelNode right, JoinRelType joinType, boolean semiJoinDone) {
    return new PopotoBatchJoin(getCluster(), traitSet, left, right, condition, variablesSet,
        required, joinType);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    List<String> names = new ArrayList<>();
    for (CorrelationId c : variablesSet) {
      names.add(c.getName());
    }
    names.sort((a, b) -> Integer.compare(id(a), id(b)));
    return pw.input("left", left).input("right", right)
        .item("condition", condition)
        .item("joinType", joinType.lowerName)
        .item("outer", names.get(0) + ".." + names.get(names.size() - 1) + " (" + names.size()
            + " rows)")
        .item("batchSize", variablesSet.size());
  }

  private static int id(String correlation) {
    return Integer.parseInt(correlation.substring("$cor".length()));
  }
}
