package io.popoto.sql.calcite;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.adapter.enumerable.EnumerableBatchNestedLoopJoin;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.function.Function1;
import org.apache.calcite.linq4j.tree.BlockStatement;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.FunctionExpression;
import org.apache.calcite.linq4j.tree.MethodCallExpression;
import org.apache.calcite.linq4j.tree.ParameterExpression;
import org.apache.calcite.linq4j.tree.Shuttle;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.metadata.RelMdCollation;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.BuiltInMethod;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Calcite's batch nested-loop join, with two changes.
 *
 * <p>How EXPLAIN prints it: Calcite lists every one of the batch's correlation variables
 * ({@code variablesSet=[[$cor0, ..., $cor99]]}), a line of a few hundred characters per join;
 * here they read {@code outer=[$cor0..$cor99 (100 rows)]}.
 *
 * <p>How a batch is matched: when the condition holds an equality of an outer and an inner
 * column whose values are equal exactly when their Java values are ({@link #keyColumns}), the
 * inner rows are looked up by that value ({@link KeyedBatchJoin}) instead of tested against every
 * outer row of the batch; other conditions run Calcite's way.
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
    String match = matchTerm();
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
        .item("batchSize", variablesSet.size())
        .itemIf("match", match, match != null);
  }

  /**
   * Calcite's code for the join, its last call ({@code correlateBatchJoin}) replaced by {@link
   * KeyedBatchJoin#join} with the same arguments and the two key columns' getters when the
   * condition has a key to match by.
   */
  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    Result calcite = super.implement(implementor, pref);
    int[] key = keyColumns();
    if (key == null) {
      return calcite;
    }
    JavaTypeFactory types = implementor.getTypeFactory();
    // The block holds the inputs' code too, and with it the calls of batch joins below this
    // one; this join's own call is the last one made (an input's code runs before it, or inside
    // its arguments). Keyed by this join's columns, an input's call joined the wrong rows:
    // NOT IN (<a list>) AND <a filter> returned nothing.
    MethodCallExpression own = lastBatchJoinCall(calcite.block);
    boolean[] replaced = {false};
    BlockStatement block = (BlockStatement) calcite.block.accept(new Shuttle() {
      @Override
      public Expression visit(MethodCallExpression call, Expression target,
          List<Expression> args) {
        Expression same = super.visit(call, target, args);
        if (call != own || !(args.get(4) instanceof FunctionExpression<?> predicate)
            || predicate.parameterList.size() != 2) {
          return same;
        }
        Expression outerKey = keyOf(types, left, predicate.parameterList.get(0), key[0]);
        Expression innerKey = keyOf(types, right, predicate.parameterList.get(1), key[1]);
        if (outerKey == null || innerKey == null) {
          return same;
        }
        List<Expression> with = new ArrayList<>(args);
        with.add(outerKey);
        with.add(innerKey);
        with.add(Expressions.constant(readsAhead(right)));
        with.add(Expressions.constant(byKeyOnly(key)));
        replaced[0] = true;
        return Expressions.call(KEYED_JOIN, with);
      }
    });
    return replaced[0] ? implementor.result(calcite.physType, block) : calcite;
  }

  /** The last {@code correlateBatchJoin} call of the block, in the order the code runs. */
  private static MethodCallExpression lastBatchJoinCall(BlockStatement block) {
    MethodCallExpression[] last = {null};
    block.accept(new Shuttle() {
      @Override
      public Expression visit(MethodCallExpression call, Expression target,
          List<Expression> args) {
        if (call.method.equals(BuiltInMethod.CORRELATE_BATCH_JOIN.method)) {
          last[0] = call; // arguments are visited first: the enclosing call comes after them
        }
        return super.visit(call, target, args);
      }
    });
    return last[0];
  }

  private static final Method KEYED_JOIN = keyedJoin();

  private static Method keyedJoin() {
    for (Method m : KeyedBatchJoin.class.getMethods()) {
      if (m.getName().equals("join")) {
        return m;
      }
    }
    throw new IllegalStateException("KeyedBatchJoin.join");
  }

  /** Whether the inner side's reads overlap ({@code overlap}): then batches are read ahead. */
  private static boolean readsAhead(RelNode input) {
    if (input instanceof PopotoTableScan scan) {
      PopotoTable table = scan.getTable().unwrap(PopotoTable.class);
      return table != null && table.schema().options().overlap();
    }
    for (RelNode child : input.getInputs()) {
      if (readsAhead(child)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code row -> (Object) row.field} for rows of {@code input} as the predicate takes them, or
   * null when their physical format is not the one derived here (then Calcite's join runs).
   */
  private static Expression keyOf(JavaTypeFactory types, RelNode input,
      ParameterExpression asTaken, int field) {
    Type javaType = asTaken.getType();
    JavaRowFormat format = javaType == Object[].class ? JavaRowFormat.ARRAY
        : JavaRowFormat.CUSTOM;
    PhysType rows = PhysTypeImpl.of(types, input.getRowType(), format);
    if (!rows.getJavaRowType().equals(javaType)) {
      return null;
    }
    ParameterExpression row = Expressions.parameter(javaType, asTaken.name + "Key");
    return Expressions.lambda(Function1.class, Expressions.convert_(
        Expressions.box(rows.fieldReference(row, field)), Object.class), row);
  }

  /**
   * The outer and inner column of an equality in the condition's top-level AND, when the two
   * columns' values are equal in SQL exactly when their Java values are {@code equals}: the same
   * type of text (with the same length for CHAR), integer, boolean, date or timestamp. Not
   * DECIMAL (1.0 = 1.00, but BigDecimal disagrees), floating point (0.0 = -0.0), nor an
   * equality between two different types. Null otherwise.
   */
  int[] keyColumns() {
    int leftCount = left.getRowType().getFieldCount();
    for (RexNode conjunct : RelOptUtil.conjunctions(condition)) {
      if (conjunct.getKind() != SqlKind.EQUALS) {
        continue;
      }
      List<RexNode> operands = ((RexCall) conjunct).getOperands();
      if (!(operands.get(0) instanceof RexInputRef a)
          || !(operands.get(1) instanceof RexInputRef b)) {
        continue;
      }
      int l = Math.min(a.getIndex(), b.getIndex());
      int r = Math.max(a.getIndex(), b.getIndex());
      if (l >= leftCount || r < leftCount) {
        continue;
      }
      RelDataType lt = a.getIndex() == l ? a.getType() : b.getType();
      RelDataType rt = a.getIndex() == l ? b.getType() : a.getType();
      if (exactlyComparable(lt, rt)) {
        return new int[] {l, r - leftCount};
      }
    }
    return null;
  }

  private static boolean exactlyComparable(RelDataType a, RelDataType b) {
    SqlTypeName t = a.getSqlTypeName();
    if (t != b.getSqlTypeName()) {
      return false;
    }
    switch (t) {
      case VARCHAR:
        return java.util.Objects.equals(a.getCollation(), b.getCollation());
      case CHAR:
        return a.getPrecision() == b.getPrecision()
            && java.util.Objects.equals(a.getCollation(), b.getCollation());
      case TINYINT:
      case SMALLINT:
      case INTEGER:
      case BIGINT:
      case BOOLEAN:
      case DATE:
      case TIMESTAMP:
        return true;
      default:
        return false;
    }
  }

  /** How EXPLAIN names the key a batch is matched by: {@code by key $2 = $0}. */
  private String matchTerm() {
    int[] key = keyColumns();
    return key == null ? null : "by key $" + key[0] + " = $"
        + (key[1] + left.getRowType().getFieldCount())
        + (byKeyOnly(key) ? ", each key read once" : "");
  }

  /**
   * Whether a key's inner rows, read once, are kept to serve every later outer row with that
   * key: when the inner side depends on an outer row only through the key column (the only
   * column the correlation uses), the outer key repeats (it is not unique on the outer side:
   * many orders, one restaurant) and the inner key is unique (one row per key kept, so the
   * memory is bounded by {@link KeyedBatchJoin#KEPT_KEYS}).
   */
  private boolean byKeyOnly(int[] key) {
    RelMetadataQuery mq = getCluster().getMetadataQuery();
    return required.equals(ImmutableBitSet.of(key[0]))
        && !Boolean.TRUE.equals(mq.areColumnsUnique(left, ImmutableBitSet.of(key[0])))
        && Boolean.TRUE.equals(mq.areColumnsUnique(right, ImmutableBitSet.of(key[1])));
  }

  private static int id(String correlation) {
    return Integer.parseInt(correlation.substring("$cor".length()));
  }
}
