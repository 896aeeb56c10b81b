package io.popoto.sql.calcite;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;

/** The planner rules of the Popoto convention. */
public final class PopotoRules {
  private PopotoRules() {}

  public static final PopotoToEnumerableConverterRule TO_ENUMERABLE =
      PopotoToEnumerableConverterRule.DEFAULT_CONFIG.toRule(PopotoToEnumerableConverterRule.class);

  public static final RelOptRule PROJECT = ProjectRule.CONFIG.toRule();

  public static final RelOptRule FILTER = FilterRule.CONFIG.toRule();

  static void register(RelOptPlanner planner) {
    planner.addRule(TO_ENUMERABLE);
    planner.addRule(PROJECT);
    planner.addRule(FILTER);
  }

  /**
   * Gives a scan under a filter the access path the filter allows. The filter stays above the
   * scan: it re-checks every candidate on the decoded hash, so stale index entries never yield a
   * row (spec 8.1), and parts of the condition no index answers still apply.
   */
  public static final class FilterRule extends RelRule<RuleConfig> {
    static final RuleConfig CONFIG = RuleConfig.of(c -> new FilterRule(c),
        b0 -> b0.operand(org.apache.calcite.rel.logical.LogicalFilter.class)
            .oneInput(b1 -> b1.operand(PopotoTableScan.class)
                .predicate(s -> s.spec().path() == null
                    && s.popotoTable().schema().options().pushdown())
                .noInputs()));

    FilterRule(RuleConfig config) {
      super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      org.apache.calcite.rel.core.Filter filter = call.rel(0);
      PopotoTableScan scan = call.rel(1);
      AccessPath path = new AccessPathPlanner(scan.popotoTable(), scan.spec().columns(),
          filter.getCluster().getRexBuilder()).plan(filter.getCondition());
      if (path == null) {
        return;
      }
      int[] params = {0};
      filter.getCondition().accept(new org.apache.calcite.rex.RexVisitorImpl<Void>(true) {
        @Override
        public Void visitDynamicParam(org.apache.calcite.rex.RexDynamicParam p) {
          params[0] = Math.max(params[0], p.getIndex() + 1);
          return null;
        }
      });
      PopotoTableScan indexed = scan.withSpec(scan.spec().withPath(path, params[0]));
      call.transformTo(filter.copy(filter.getTraitSet(), indexed, filter.getCondition()));
    }
  }

  /** Converts the Popoto convention to Enumerable. */
  public static final class PopotoToEnumerableConverterRule extends ConverterRule {
    static final Config DEFAULT_CONFIG = Config.INSTANCE
        .withConversion(RelNode.class, PopotoRel.CONVENTION, EnumerableConvention.INSTANCE,
            "PopotoToEnumerableConverterRule")
        .withRuleFactory(PopotoToEnumerableConverterRule::new);

    PopotoToEnumerableConverterRule(Config config) {
      super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
      return new PopotoToEnumerableConverter(rel.getCluster(),
          rel.getTraitSet().replace(EnumerableConvention.INSTANCE), rel);
    }
  }

  /**
   * Narrows a scan to the columns a project uses, so only those hash fields are fetched (HMGET);
   * a project that uses no column (COUNT(*)) keeps just {@code _key}, which costs no hash field.
   */
  public static final class ProjectRule extends RelRule<RuleConfig> {
    ProjectRule(RuleConfig config) {
      super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      Project project = call.rel(0);
      PopotoTableScan scan = call.rel(1);
      ImmutableBitSet used = org.apache.calcite.plan.RelOptUtil.InputFinder.bits(project.getProjects(), null);
      if (used.isEmpty()) {
        used = ImmutableBitSet.of(keyPosition(scan));
        if (used.cardinality() == 0) {
          return;
        }
      }
      if (used.cardinality() == scan.spec().columns().size()) {
        return;
      }
      List<Integer> newColumns = new ArrayList<>();
      int[] remap = new int[scan.spec().columns().size()];
      for (int i : used) {
        remap[i] = newColumns.size();
        newColumns.add(scan.spec().columns().get(i));
      }
      PopotoTableScan narrowed = scan.withSpec(scan.spec().withColumns(newColumns));
      RexShuttle shuttle = new RexShuttle() {
        @Override
        public RexNode visitInputRef(RexInputRef ref) {
          return new RexInputRef(remap[ref.getIndex()], ref.getType());
        }
      };
      List<RexNode> projects = new ArrayList<>();
      for (RexNode e : project.getProjects()) {
        projects.add(e.accept(shuttle));
      }
      RelBuilder b = call.builder();
      b.push(narrowed).project(projects, project.getRowType().getFieldNames(), true);
      call.transformTo(b.build());
    }

    private static int keyPosition(PopotoTableScan scan) {
      int pos = scan.spec().columns().indexOf(0);
      return pos < 0 ? 0 : pos;
    }

    static final RuleConfig CONFIG = RuleConfig.of(c -> new ProjectRule(c),
        b0 -> b0.operand(LogicalProject.class)
            .oneInput(b1 -> b1.operand(PopotoTableScan.class).noInputs()));
  }
}
