package io.popoto.sql.calcite;

import java.lang.reflect.Type;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.plan.Contexts;
import org.apache.calcite.plan.RelOptCostFactory;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.util.CancelFlag;

/**
 * Calcite's preparation with the statement's cancel flag wired in: the planner stops when it is
 * set (Calcite checks a planner's {@link CancelFlag} between rule firings), and every plan gets
 * the per-row checks of {@link CancelCheckRel}. Install with
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
      @Override
      protected PreparedResult implement(RelRoot root) {
        PointLookup.recordPrepared(root);
        return super.implement(root.withRel(CancelCheckRel.insert(root.rel)));
      }
    };
  }
}
