package io.popoto.sql.calcite;

import java.lang.reflect.Type;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.plan.Contexts;
import org.apache.calcite.plan.RelOptCostFactory;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.prepare.Prepare.PreparedExplain;
import org.apache.calcite.prepare.Prepare.PreparedResult;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.sql.SqlExplainFormat;
import org.apache.calcite.sql.SqlExplainLevel;
import org.apache.calcite.util.CancelFlag;

/**
 * Calcite's preparation with the statement's cancel flag wired in: the planner stops when it is
 * set (Calcite checks a planner's {@link CancelFlag} between rule firings), and every plan gets
 * the per-row checks of {@link CancelCheckRel}; a text EXPLAIN keeps its lines short
 * ({@link ShortExplainWriter}). Install with
 * {@code new org.apache.calcite.jdbc.Driver().withPrepareFactory(PopotoPrepare::new)}.
 * (Inside this class {@code Context} means {@link CalcitePrepare.Context}, hence the qualified
 * planner context.)
 */
public class PopotoPrepare extends CalcitePrepareImpl {

  @Override
  protected RelOptPlanner createPlanner(CalcitePrepare.Context prepareContext,
      org.apache.calcite.plan.Context externalContext, RelOptCostFactory costFactory) {
    if (externalContext == null) {
      externalContext = Contexts.of(prepareContext.config(),
          new CancelFlag(Cancellation.planningFlag()));
    }
    return super.createPlanner(prepareContext, externalContext, costFactory);
  }

  @Override
  protected CalcitePreparingStmt getPreparingStmt(CalcitePrepare.Context context,
      Type elementType, CalciteCatalogReader catalogReader, RelOptPlanner planner) {
    RelDataTypeFactory typeFactory = context.getTypeFactory();
    EnumerableRel.Prefer prefer = elementType == Object[].class
        ? EnumerableRel.Prefer.ARRAY : EnumerableRel.Prefer.CUSTOM;
    return new CalcitePreparingStmt(this, context, catalogReader, typeFactory,
        context.getRootSchema(), prefer, createCluster(planner, new RexBuilder(typeFactory)),
        EnumerableConvention.INSTANCE, createConvertletTable()) {
      /** Calcite's standard program, with our row counts in its metadata. */
      @Override
      protected org.apache.calcite.tools.Program getProgram() {
        return org.apache.calcite.tools.Programs.standard(PopotoRowCounts.PROVIDER, true);
      }

      @Override
      protected PreparedResult implement(RelRoot root) {
        PointLookup.recordPrepared(root);
        return super.implement(root.withRel(CancelCheckRel.insert(root.rel)));
      }

      @Override
      protected PreparedResult createPreparedExplanation(RelDataType resultType,
          RelDataType parameterRowType, RelRoot root, SqlExplainFormat format,
          SqlExplainLevel detailLevel) {
        if (root == null || format != SqlExplainFormat.TEXT) {
          return super.createPreparedExplanation(resultType, parameterRowType, root, format,
              detailLevel);
        }
        return new ShortExplanation(resultType, parameterRowType, root, format, detailLevel);
      }
    };
  }

  /**
   * A text EXPLAIN written by {@link ShortExplainWriter}. Calcite's own explanation class is
   * package-private, so its three-line bindable (the plan as the one row) is repeated here.
   */
  private static final class ShortExplanation extends PreparedExplain {
    private final RelNode rel;
    private final SqlExplainLevel detailLevel;

    ShortExplanation(RelDataType resultType, RelDataType parameterRowType, RelRoot root,
        SqlExplainFormat format, SqlExplainLevel detailLevel) {
      super(resultType, parameterRowType, root, format, detailLevel);
      this.rel = root.rel;
      this.detailLevel = detailLevel;
    }

    @Override
    public String getCode() {
      return ShortExplainWriter.explain(rel, detailLevel);
    }

    @Override
    public Bindable getBindable(Meta.CursorFactory cursorFactory) {
      String plan = getCode();
      return dataContext -> cursorFactory.style == Meta.Style.ARRAY
          ? Linq4j.singletonEnumerable(new String[] {plan})
          : Linq4j.singletonEnumerable(plan);
    }
  }
}
