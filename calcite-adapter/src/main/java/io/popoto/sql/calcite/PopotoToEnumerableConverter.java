package io.popoto.sql.calcite;

import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterImpl;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.util.BuiltInMethod;

/** Hands a Popoto read to the Enumerable engine: generated code calls {@code query(spec)}. */
public final class PopotoToEnumerableConverter extends ConverterImpl implements EnumerableRel {

  PopotoToEnumerableConverter(RelOptCluster cluster, RelTraitSet traits, RelNode input) {
    super(cluster, ConventionTraitDef.INSTANCE, traits, input);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new PopotoToEnumerableConverter(getCluster(), traitSet, sole(inputs));
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return super.computeSelfCost(planner, mq).multiplyBy(.1);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    PopotoTableScan scan = (PopotoTableScan) getInput();
    BlockBuilder list = new BlockBuilder();
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(),
        pref.prefer(JavaRowFormat.ARRAY));
    Expression table = list.append("table",
        scan.getTable().getExpression(PopotoTable.PopotoQueryable.class));
    List<Expression> params = new java.util.ArrayList<>();
    for (int i = 0; i < scan.spec().paramCount(); i++) {
      params.add(Expressions.call(DataContext.ROOT, BuiltInMethod.DATA_CONTEXT_GET.method,
          Expressions.constant("?" + i)));
    }
    for (ScanSpec.OuterField f : scan.spec().outer()) {
      // the batch join registered one getter per outer row; a row missing from a short last
      // batch reads as null, which matches nothing
      params.add(Expressions.box(implementor.getCorrelVariableGetter(f.correlation())
          .field(list, f.field(), null)));
    }
    Expression enumerable = list.append("enumerable",
        // One-column rows are scalars in Calcite's physical format, not one-element arrays.
        Expressions.call(table,
            physType.getFormat() == JavaRowFormat.SCALAR ? "queryScalar" : "query",
            Expressions.constant(scan.spec().toJson()),
            Expressions.newArrayInit(Object.class, params), DataContext.ROOT));
    list.add(Expressions.return_(null, enumerable));
    return implementor.result(physType, list.toBlock());
  }
}
