package io.popoto.sql.calcite;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.adapter.enumerable.RexImpTable;
import org.apache.calcite.adapter.enumerable.RexToLixTranslator;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.ConstantExpression;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.logical.LogicalValues;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexLiteral;

/**
 * A long VALUES list (Calcite turns {@code x IN (v1, ..., vn)} with 20 or more values into a
 * semi-join against one) as rows handed to the generated code through the data context, where
 * Calcite's own EnumerableValues writes every literal into the code: 50,000 values overflow the
 * JVM's 64 KB method limit after half a minute of compiling. The rows are computed once, when
 * the statement is prepared.
 */
final class StashedValues extends Values implements EnumerableRel {
  /** Below this many rows Calcite's inline code is as good. */
  static final int MIN_ROWS = 100;

  private final List<Object> rows;

  private StashedValues(RelOptCluster cluster, RelDataType rowType,
      ImmutableList<ImmutableList<RexLiteral>> tuples, RelTraitSet traits, List<Object> rows) {
    super(cluster, rowType, tuples, traits);
    this.rows = rows;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new StashedValues(getCluster(), getRowType(), tuples, traitSet, rows);
  }

  /** Cheaper than EnumerableValues, which the planner would otherwise pick as often. */
  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return super.computeSelfCost(planner, mq).multiplyBy(.5);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(),
        format(getRowType()));
    BlockBuilder block = new BlockBuilder();
    Expression stashed = implementor.stash(rows, List.class);
    block.add(Expressions.return_(null,
        Expressions.call(Linq4j.class, "asEnumerable", stashed)));
    return implementor.result(physType, block.toBlock());
  }

  private static JavaRowFormat format(RelDataType rowType) {
    return rowType.getFieldCount() == 1 ? JavaRowFormat.SCALAR : JavaRowFormat.ARRAY;
  }

  /**
   * The rows in Calcite's physical format (a scalar per row for one column, else an Object[]),
   * or null when a literal's runtime value is not a plain constant (then Calcite keeps it).
   */
  static List<Object> rows(Values values) {
    JavaTypeFactory types = (JavaTypeFactory) values.getCluster().getTypeFactory();
    List<RelDataType> fieldTypes = new ArrayList<>();
    values.getRowType().getFieldList().forEach(f -> fieldTypes.add(f.getType()));
    boolean scalar = format(values.getRowType()) == JavaRowFormat.SCALAR;
    List<Object> rows = new ArrayList<>(values.tuples.size());
    for (List<RexLiteral> tuple : values.tuples) {
      Object[] row = new Object[tuple.size()];
      for (int i = 0; i < row.length; i++) {
        Expression e = RexToLixTranslator.translateLiteral(tuple.get(i), fieldTypes.get(i),
            types, RexImpTable.NullAs.NULL);
        if (!(e instanceof ConstantExpression constant)) {
          return null;
        }
        row[i] = constant.value;
      }
      rows.add(scalar ? row[0] : row);
    }
    return rows;
  }

  /** LogicalValues of at least {@link #MIN_ROWS} rows to StashedValues. */
  static final class Rule extends ConverterRule {
    static final Config CONFIG = Config.INSTANCE
        .withConversion(LogicalValues.class, v -> v.tuples.size() >= MIN_ROWS, Convention.NONE,
            EnumerableConvention.INSTANCE, "PopotoStashedValuesRule")
        .withRuleFactory(Rule::new);

    Rule(Config config) {
      super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
      Values values = (Values) rel;
      List<Object> rows = rows(values);
      return rows == null ? null : new StashedValues(values.getCluster(), values.getRowType(),
          values.tuples, values.getTraitSet().replace(EnumerableConvention.INSTANCE), rows);
    }
  }
}
