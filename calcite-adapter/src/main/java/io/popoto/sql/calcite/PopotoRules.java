package io.popoto.sql.calcite;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexVisitorImpl;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;

/** The planner rules of the Popoto convention. */
public final class PopotoRules {
  private PopotoRules() {}

  /** Outer rows per batched join lookup; Calcite warns generated code outgrows ~1000. */
  static final int JOIN_BATCH = 100;

  public static final RelOptRule TO_ENUMERABLE =
      PopotoToEnumerableConverterRule.DEFAULT_CONFIG.toRule(PopotoToEnumerableConverterRule.class);

  public static final RelOptRule PROJECT =
      ProjectRule.CONFIG.withDescription("PopotoProjectRule").toRule();

  public static final RelOptRule PROJECT_FILTER =
      ProjectRule.THROUGH_FILTER.withDescription("PopotoProjectFilterRule").toRule();

  public static final RelOptRule FILTER =
      FilterRule.CONFIG.withDescription("PopotoFilterRule").toRule();

  public static final RelOptRule FILTER_PROJECT =
      FilterRule.THROUGH_PROJECT.withDescription("PopotoFilterProjectRule").toRule();

  public static final RelOptRule FILTER_FILTER =
      FilterRule.THROUGH_FILTER.withDescription("PopotoFilterFilterRule").toRule();

  public static final RelOptRule FILTER_PROJECT_FILTER =
      FilterRule.THROUGH_PROJECT_FILTER.withDescription("PopotoFilterProjectFilterRule")
          .toRule();

  public static final RelOptRule SORT =
      SortRule.CONFIG.withDescription("PopotoSortRule").toRule();

  public static final RelOptRule SORT_FILTER =
      SortRule.THROUGH_FILTER.withDescription("PopotoSortFilterRule").toRule();

  public static final RelOptRule LIMIT =
      LimitRule.CONFIG.withDescription("PopotoLimitRule").toRule();

  public static final RelOptRule LIMIT_PROJECT =
      LimitRule.THROUGH_PROJECT.withDescription("PopotoLimitProjectRule").toRule();

  /**
   * Joins become index nested-loop joins in batches: Calcite's batch nested-loop join binds a
   * batch of outer rows to correlation variables and filters the inner table on them, and
   * {@link FilterRule} turns that filter into one key lookup (many-to-one) or one pipelined read
   * of {@code $RelationshipF} sets (one-to-many) per batch. Costs decide whether it beats a hash
   * join, and which side drives. Inner, left, semi and anti joins (the shapes Calcite's
   * decorrelation gives EXISTS, NOT EXISTS, IN and NOT IN) all qualify.
   */
  public static final RelOptRule BATCH_JOIN = RuleConfig.of(BatchJoinRule::new,
      b0 -> b0.operand(org.apache.calcite.rel.logical.LogicalJoin.class).anyInputs())
      .withDescription("PopotoBatchJoinRule").toRule();

  /**
   * {@code x IN (<20 or more literals>)}: Calcite makes such a list a VALUES table and the IN a
   * semi-join of the table with it, which reads the whole table however selective the list. As
   * an inner join driven by the list's distinct values the list is the outer side, and
   * {@link #BATCH_JOIN} reads only its values' rows through the column's index (the reverse sets
   * of a relationship, the value sets of a KeyField ...); costs choose between the two.
   */
  public static final RelOptRule IN_LIST_JOIN = RuleConfig.of(InListJoinRule::new,
      b0 -> b0.operand(org.apache.calcite.rel.logical.LogicalJoin.class)
          .predicate(j -> j.getJoinType() == org.apache.calcite.rel.core.JoinRelType.SEMI)
          .anyInputs())
      .withDescription("PopotoInListJoinRule").toRule();

  /** See {@link #IN_LIST_JOIN}. */
  public static final class InListJoinRule extends RelRule<RuleConfig> {
    InListJoinRule(RuleConfig config) {
      super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      org.apache.calcite.rel.core.Join join = call.rel(0);
      if (!isValues(join.getRight())) {
        return;
      }
      org.apache.calcite.rel.core.JoinInfo info = join.analyzeCondition();
      // plain equalities only: = drops NULLs on both sides, so each left row meets at most one
      // distinct tuple of the list, and meets one exactly when the semi-join keeps it
      if (!info.isEqui() || info.leftKeys.isEmpty() || !plainEqualities(join.getCondition())) {
        return;
      }
      int keys = info.rightKeys.size();
      int leftFields = join.getLeft().getRowType().getFieldCount();
      RelBuilder b = call.builder();
      b.push(join.getRight()).aggregate(b.groupKey(info.rightKeys.toIntArray()));
      b.push(join.getLeft());
      List<RexNode> equalities = new ArrayList<>();
      for (int k = 0; k < keys; k++) {
        equalities.add(b.equals(b.field(2, 0, k), b.field(2, 1, info.leftKeys.get(k))));
      }
      b.join(org.apache.calcite.rel.core.JoinRelType.INNER, equalities);
      List<RexNode> leftColumns = new ArrayList<>();
      for (int i = 0; i < leftFields; i++) {
        leftColumns.add(b.field(keys + i));
      }
      b.project(leftColumns, join.getRowType().getFieldNames(), true);
      call.transformTo(b.build());
    }

    private static boolean isValues(RelNode rel) {
      RelNode r = rel instanceof org.apache.calcite.plan.volcano.RelSubset s ? s.getOriginal()
          : rel;
      return r instanceof org.apache.calcite.rel.core.Values;
    }

    private static boolean plainEqualities(RexNode condition) {
      for (RexNode c : RelOptUtil.conjunctions(condition)) {
        if (c.getKind() != org.apache.calcite.sql.SqlKind.EQUALS) {
          return false;
        }
      }
      return true;
    }
  }

  /** Long VALUES lists (large IN lists) as data rather than generated code. */
  public static final RelOptRule STASHED_VALUES =
      StashedValues.Rule.CONFIG.toRule(StashedValues.Rule.class);

  static void register(RelOptPlanner planner) {
    planner.addRule(STASHED_VALUES);
    planner.addRule(SORT);
    planner.addRule(SORT_FILTER);
    planner.addRule(LIMIT);
    planner.addRule(LIMIT_PROJECT);
    planner.addRule(TO_ENUMERABLE);
    planner.addRule(PROJECT);
    planner.addRule(PROJECT_FILTER);
    planner.addRule(FILTER);
    planner.addRule(FILTER_PROJECT);
    planner.addRule(FILTER_FILTER);
    planner.addRule(FILTER_PROJECT_FILTER);
  }

  /** Rules only an indexed reader wants; {@code pushdown=false} leaves Calcite's plans alone. */
  static void registerPushdown(RelOptPlanner planner) {
    planner.addRule(BATCH_JOIN);
    planner.addRule(IN_LIST_JOIN);
    planner.addRule(CORRELATED_FILTER_PROJECT);
  }

  /**
   * Moves a batched join's correlated filter below a project. Calcite's own transpose rule
   * refuses correlated filters, so as not to stand in the way of decorrelation; a batch join's
   * filter exists only after decorrelation, and moving it lets it reach the scan through the
   * project-and-aggregate shapes that EXISTS / NOT EXISTS decorrelate into.
   */
  public static final RelOptRule CORRELATED_FILTER_PROJECT = RuleConfig.of(
      CorrelatedFilterProjectRule::new,
      b0 -> b0.operand(LogicalFilter.class)
          .predicate(f -> org.apache.calcite.rex.RexUtil.containsCorrelation(f.getCondition()))
          .oneInput(b1 -> b1.operand(LogicalProject.class)
              .predicate(p -> p.getProjects().stream()
                  .noneMatch(org.apache.calcite.rex.RexOver::containsOver))
              .anyInputs()))
      .withDescription("PopotoCorrelatedFilterProjectRule").toRule();

  /** See {@link #CORRELATED_FILTER_PROJECT}. */
  public static final class CorrelatedFilterProjectRule extends RelRule<RuleConfig> {
    CorrelatedFilterProjectRule(RuleConfig config) {
      super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      Filter filter = call.rel(0);
      Project project = call.rel(1);
      if (project.getInput() instanceof org.apache.calcite.plan.volcano.RelSubset subset
          && subset.getOriginal() instanceof PopotoTableScan) {
        return; // FilterRule reads through the project itself
      }
      RexNode below = RelOptUtil.pushPastProject(filter.getCondition(), project);
      RelBuilder b = call.builder();
      b.push(project.getInput()).filter(filter.getVariablesSet(), below)
          .project(project.getProjects(), project.getRowType().getFieldNames());
      call.transformTo(b.build());
    }
  }

  /**
   * Calcite's EnumerableBatchNestedLoopJoinRule, making a {@link PopotoBatchJoin} (the same join
   * with a short EXPLAIN line): an OR of one equality per outer row, each against a correlation
   * variable, goes over the inner side.
   */
  public static final class BatchJoinRule extends RelRule<RuleConfig> {
    BatchJoinRule(RuleConfig config) {
      super(config);
    }

    @Override
    public boolean matches(RelOptRuleCall call) {
      org.apache.calcite.rel.core.JoinRelType t =
          ((org.apache.calcite.rel.core.Join) call.rel(0)).getJoinType();
      return t == org.apache.calcite.rel.core.JoinRelType.INNER
          || t == org.apache.calcite.rel.core.JoinRelType.LEFT
          || t == org.apache.calcite.rel.core.JoinRelType.SEMI
          || t == org.apache.calcite.rel.core.JoinRelType.ANTI;
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      org.apache.calcite.rel.core.Join join = call.rel(0);
      int leftFields = join.getLeft().getRowType().getFieldCount();
      org.apache.calcite.plan.RelOptCluster cluster = join.getCluster();
      org.apache.calcite.rex.RexBuilder rex = cluster.getRexBuilder();
      java.util.Set<org.apache.calcite.rel.core.CorrelationId> ids = new java.util.HashSet<>();
      List<RexNode> variables = new ArrayList<>();
      for (int i = 0; i < JOIN_BATCH; i++) {
        org.apache.calcite.rel.core.CorrelationId id = cluster.createCorrel();
        ids.add(id);
        variables.add(rex.makeCorrel(join.getLeft().getRowType(), id));
      }
      ImmutableBitSet.Builder required = ImmutableBitSet.builder();
      List<RexNode> perRow = new ArrayList<>();
      RexNode bound = boundPart(join.getCondition(), leftFields, rex);
      for (RexNode variable : variables) {
        perRow.add(bound.accept(new RexShuttle() {
          @Override
          public RexNode visitInputRef(RexInputRef input) {
            if (input.getIndex() >= leftFields) {
              return rex.makeInputRef(input.getType(), input.getIndex() - leftFields);
            }
            required.set(input.getIndex());
            return rex.makeFieldAccess(variable, input.getIndex());
          }
        }));
      }
      RelBuilder b = call.builder();
      RelNode right = b.push(join.getRight()).filter(b.or(perRow)).build();
      call.transformTo(PopotoBatchJoin.of(
          convert(join.getLeft(), join.getLeft().getTraitSet()
              .replace(EnumerableConvention.INSTANCE)),
          convert(right, right.getTraitSet().replace(EnumerableConvention.INSTANCE)),
          join.getCondition(), required.build(), ids, join.getJoinType()));
    }
  }

  /**
   * The part of a join condition each outer row binds over the inner side: its equalities of an
   * outer and an inner column when it has any, else the whole condition. The join tests the
   * whole condition on every pair it meets anyway, so the inner side only has to hold every
   * match; and a condition with an OR or a list in it, repeated for each of a batch's 100
   * outer rows, made generated code over the JVM's 64 KB limit.
   */
  static RexNode boundPart(RexNode condition, int leftFields,
      org.apache.calcite.rex.RexBuilder rex) {
    List<RexNode> keys = new ArrayList<>();
    for (RexNode c : RelOptUtil.conjunctions(condition)) {
      if (c.getKind() == org.apache.calcite.sql.SqlKind.EQUALS
          && ((org.apache.calcite.rex.RexCall) c).getOperands().get(0) instanceof RexInputRef a
          && ((org.apache.calcite.rex.RexCall) c).getOperands().get(1) instanceof RexInputRef b
          && a.getIndex() < leftFields != b.getIndex() < leftFields) {
        keys.add(c);
      }
    }
    return keys.isEmpty() ? condition : org.apache.calcite.rex.RexUtil.composeConjunction(rex,
        keys);
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
   * Narrows a scan to the columns a project (and a filter between them) uses, so only those hash
   * fields are fetched (HMGET). {@code _key} is always kept, so a project that uses no column
   * (COUNT(*)) reads no hash field at all. The scan keeps its access path.
   */
  public static final class ProjectRule extends RelRule<RuleConfig> {
    static final RuleConfig CONFIG = RuleConfig.of(ProjectRule::new,
        b0 -> b0.operand(LogicalProject.class)
            .oneInput(b1 -> b1.operand(PopotoTableScan.class).noInputs()));

    static final RuleConfig THROUGH_FILTER = RuleConfig.of(ProjectRule::new,
        b0 -> b0.operand(LogicalProject.class)
            .oneInput(b1 -> b1.operand(LogicalFilter.class)
                .oneInput(b2 -> b2.operand(PopotoTableScan.class).noInputs())));

    ProjectRule(RuleConfig config) {
      super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      Project project = call.rel(0);
      Filter filter = call.rels.length == 3 ? call.rel(1) : null;
      PopotoTableScan scan = call.rel(call.rels.length - 1);
      ImmutableBitSet used = RelOptUtil.InputFinder.bits(project.getProjects(),
          filter == null ? null : filter.getCondition());
      // _key stays first in every narrowed scan: it costs no hash field, and the table's
      // statistics declare column 0 unique, which must stay true of the scan's own row type
      // or the planner would drop DISTINCT and GROUP BY on whatever column landed first.
      used = used.union(ImmutableBitSet.of(0)).union(scan.checkedColumns());
      if (used.cardinality() == scan.spec().columns().size()) {
        return;
      }
      List<Integer> newColumns = new ArrayList<>();
      int[] remap = new int[scan.spec().columns().size()];
      for (int i : used) {
        remap[i] = newColumns.size();
        newColumns.add(scan.spec().columns().get(i));
      }
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
      b.push(scan.withSpec(scan.spec().withColumns(newColumns)));
      if (filter != null) {
        b.filter(filter.getVariablesSet(), filter.getCondition().accept(shuttle));
      }
      // not forced: an identity project vanishes, so a filter above meets the scan itself
      b.project(projects, project.getRowType().getFieldNames(), false);
      call.transformTo(b.build());
    }
  }

  /**
   * Gives a scan under a filter the access path the filter allows. The filter stays above the
   * scan: it re-checks every candidate on the decoded hash, so stale index entries never yield a
   * row (spec 8.1), and parts of the condition no index answers still apply.
   */
  public static final class FilterRule extends RelRule<RuleConfig> {
    static final RuleConfig CONFIG = RuleConfig.of(FilterRule::new,
        b0 -> b0.operand(LogicalFilter.class)
            .oneInput(b1 -> b1.operand(PopotoTableScan.class)
                .predicate(FilterRule::unindexed).noInputs()));

    /**
     * A filter over a project over the scan: Calcite will not move a filter with correlation
     * variables (a batched join's) below a project, so this rule looks through it.
     */
    static final RuleConfig THROUGH_PROJECT = RuleConfig.of(FilterRule::new,
        b0 -> b0.operand(LogicalFilter.class)
            .oneInput(b1 -> b1.operand(LogicalProject.class)
                .oneInput(b2 -> b2.operand(PopotoTableScan.class)
                    .predicate(FilterRule::unindexed).noInputs())));

    /**
     * A filter over a filter over the scan: a batched join's OR lands above a filter already
     * there (the IS NOT NULL of a decorrelated NOT EXISTS), and Calcite does not merge them.
     */
    static final RuleConfig THROUGH_FILTER = RuleConfig.of(FilterRule::new,
        b0 -> b0.operand(LogicalFilter.class)
            .oneInput(b1 -> b1.operand(LogicalFilter.class)
                .oneInput(b2 -> b2.operand(PopotoTableScan.class)
                    .predicate(FilterRule::unindexed).noInputs())));

    /** A filter over a project over a filter over the scan (a decorrelated NOT EXISTS). */
    static final RuleConfig THROUGH_PROJECT_FILTER = RuleConfig.of(FilterRule::new,
        b0 -> b0.operand(LogicalFilter.class)
            .oneInput(b1 -> b1.operand(LogicalProject.class)
                .oneInput(b2 -> b2.operand(LogicalFilter.class)
                    .oneInput(b3 -> b3.operand(PopotoTableScan.class)
                        .predicate(FilterRule::unindexed).noInputs()))));

    FilterRule(RuleConfig config) {
      super(config);
    }

    private static boolean unindexed(PopotoTableScan s) {
      return s.spec().path() == null && s.popotoTable().schema().options().pushdown();
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      Filter filter = call.rel(0);
      Project project = null;
      Filter below = null;
      for (int i = 1; i < call.rels.length - 1; i++) {
        if (call.rels[i] instanceof Project p) {
          project = p;
        } else {
          below = (Filter) call.rels[i];
        }
      }
      PopotoTableScan scan = call.rel(call.rels.length - 1);
      RexNode condition = project == null ? filter.getCondition()
          : RelOptUtil.pushPastProject(filter.getCondition(), project);
      if (below != null) {
        condition = filter.getCluster().getRexBuilder().makeCall(
            org.apache.calcite.sql.fun.SqlStdOperatorTable.AND, condition,
            below.getCondition());
      }
      // an AND within an AND (from the filter below, or a projected column that was itself a
      // condition) would make the filter copied over the scan invalid: Calcite wants it flat
      condition = org.apache.calcite.rex.RexUtil.flatten(filter.getCluster().getRexBuilder(),
          condition);
      int[] params = {0};
      condition.accept(new RexVisitorImpl<Void>(true) {
        @Override
        public Void visitDynamicParam(RexDynamicParam p) {
          params[0] = Math.max(params[0], p.getIndex() + 1);
          return null;
        }
      });
      AccessPathPlanner planner = new AccessPathPlanner(scan.popotoTable(), scan.spec().columns(),
          filter.getCluster().getRexBuilder(), params[0]);
      RexNode residual = null;
      AccessPath path = null;
      boolean exact = false;
      RexNode batch = batchConjunct(condition);
      if (batch != null) {
        // a join batch's OR the scan answers exactly: only the rest stays in a filter, so
        // no OR of one equality per outer row is evaluated on every inner row (or printed)
        path = planner.plan(batch);
        exact = path != null && planner.isExact(path);
        if (exact) {
          List<RexNode> rest = new ArrayList<>(RelOptUtil.conjunctions(condition));
          rest.remove(batch);
          residual = rest.isEmpty() ? null
              : org.apache.calcite.rex.RexUtil.composeConjunction(
                  filter.getCluster().getRexBuilder(), rest);
        }
      }
      if (!exact) {
        path = planner.plan(condition);
        if (path == null) {
          return;
        }
        exact = planner.isExact(path);
        residual = exact ? null : condition;
      }
      PopotoTableScan indexed = scan.withSpec(
          scan.spec().withPath(path, params[0], planner.outerFields(), exact));
      RelNode read = residual == null ? indexed
          : filter.copy(filter.getTraitSet(), indexed, residual);
      call.transformTo(project == null ? read
          : project.copy(project.getTraitSet(), List.of(read)));
    }

    /** The one conjunct that binds a join batch's outer rows, or null. */
    private static RexNode batchConjunct(RexNode condition) {
      RexNode found = null;
      for (RexNode c : RelOptUtil.conjunctions(condition)) {
        if (org.apache.calcite.rex.RexUtil.containsCorrelation(c)) {
          if (found != null) {
            return null;
          }
          found = c;
        }
      }
      return found;
    }
  }

  /** {@code OFFSET + FETCH} of a LIMIT given as literals (the rows to read); else null. */
  static Integer literalLimit(org.apache.calcite.rel.core.Sort sort) {
    if (!(sort.fetch instanceof org.apache.calcite.rex.RexLiteral fetch)
        || sort.offset != null && !(sort.offset instanceof org.apache.calcite.rex.RexLiteral)) {
      return null;
    }
    long n = fetch.getValueAs(Long.class) + (sort.offset == null ? 0
        : ((org.apache.calcite.rex.RexLiteral) sort.offset).getValueAs(Long.class));
    return (int) Math.min(Integer.MAX_VALUE, n);
  }

  /**
   * {@code ORDER BY <sorted field> [ASC|DESC] [, further keys] LIMIT n [OFFSET m]}: reads the
   * field's zset in score order and hands rows on in the whole ORDER BY's order (each tie group
   * ordered by the further keys, see {@link ScoreOrderedRows}), so Calcite removes the sort and
   * the limit stops the read. Only for a sorted field that is never NULL (a row without a score
   * is in no zset) and unpartitioned, and only when no other index serves the filter: then its
   * candidates are read and sorted in memory instead, never the whole zset.
   */
  public static final class SortRule extends RelRule<RuleConfig> {
    static final RuleConfig CONFIG = RuleConfig.of(SortRule::new,
        b0 -> b0.operand(org.apache.calcite.rel.logical.LogicalSort.class)
            .predicate(s -> s.fetch != null && !s.getCollation().getFieldCollations().isEmpty())
            .oneInput(b1 -> b1.operand(PopotoTableScan.class).noInputs()));

    static final RuleConfig THROUGH_FILTER = RuleConfig.of(SortRule::new,
        b0 -> b0.operand(org.apache.calcite.rel.logical.LogicalSort.class)
            .predicate(s -> s.fetch != null && !s.getCollation().getFieldCollations().isEmpty())
            .oneInput(b1 -> b1.operand(LogicalFilter.class)
                .oneInput(b2 -> b2.operand(PopotoTableScan.class).noInputs())));

    SortRule(RuleConfig config) {
      super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      org.apache.calcite.rel.core.Sort sort = call.rel(0);
      Filter filter = call.rels.length == 3 ? call.rel(1) : null;
      PopotoTableScan scan = call.rel(call.rels.length - 1);
      if (!scan.popotoTable().schema().options().pushdown() || scan.spec().descending() != null) {
        return;
      }
      List<org.apache.calcite.rel.RelFieldCollation> keys =
          sort.getCollation().getFieldCollations();
      PopotoTable table = scan.popotoTable();
      PopotoColumn col = table.columns().get(scan.spec().columns().get(keys.get(0)
          .getFieldIndex()));
      io.popoto.sql.catalog.FieldDef f = col.field();
      if (f == null || !f.isSorted() || !f.partitionBy().isEmpty() || f.nullable()
          || col.part() != PopotoColumn.Part.VALUE) {
        return;
      }
      AccessPath path = scan.spec().path();
      if (path == null && filter != null) {
        path = new AccessPathPlanner(table, scan.spec().columns(),
            filter.getCluster().getRexBuilder(), Integer.MAX_VALUE).plan(filter.getCondition());
      }
      if (path == null) {
        path = AccessPath.range(f.name(), List.of(), null, false, null, false);
      } else if (path.type() != QueryType.SORTED_RANGE || !f.name().equals(path.field())
          || path.bindsOuter()) {
        return; // another index narrows the rows: read those and sort them
      }
      boolean desc = keys.get(0).getDirection().isDescending();
      List<ScanSpec.SortKey> ties = new ArrayList<>();
      for (org.apache.calcite.rel.RelFieldCollation k : keys.subList(1, keys.size())) {
        ties.add(new ScanSpec.SortKey(scan.spec().columns().get(k.getFieldIndex()),
            k.getDirection().isDescending(),
            k.nullDirection == org.apache.calcite.rel.RelFieldCollation.NullDirection.FIRST));
      }
      Integer limit = literalLimit(sort);
      PopotoTableScan ordered = scan.withSpec(scan.spec().ordered(path,
          scan.spec().paramCount(), desc, ties, limit, filter == null));
      if (!ordered.collation().satisfies(sort.getCollation())) {
        return;
      }
      // a filter keeps its input's order: say so, or Calcite would sort again above it
      RelNode input = filter == null ? ordered
          : filter.copy(filter.getTraitSet().replace(ordered.collation()), ordered,
              filter.getCondition());
      call.transformTo(sort.copy(sort.getTraitSet(), input, sort.getCollation(), sort.offset,
          sort.fetch));
    }
  }

  /**
   * {@code LIMIT n [OFFSET m]} without ORDER BY over a scan, or over a projection of one (its
   * filter, if any, pushed down and re-checked by the scan itself): the scan stops after n + m
   * rows, so its read ahead sends nothing past them, and an overlapped read counts the
   * sequential reader's commands.
   * Calcite's limit stays above it. Not for a scan bound to a batch join's outer rows, whose
   * rows are several outer rows' answers at once, nor for an ordered read ({@link SortRule}).
   */
  public static final class LimitRule extends RelRule<RuleConfig> {
    private static boolean plainLimit(org.apache.calcite.rel.core.Sort s) {
      return s.getCollation().getFieldCollations().isEmpty() && literalLimit(s) != null;
    }

    static final RuleConfig CONFIG = RuleConfig.of(LimitRule::new,
        b0 -> b0.operand(org.apache.calcite.rel.logical.LogicalSort.class)
            .predicate(LimitRule::plainLimit)
            .oneInput(b1 -> b1.operand(PopotoTableScan.class).noInputs()));

    /** A projection keeps its input's rows: the columns a re-check needs may sit below it. */
    static final RuleConfig THROUGH_PROJECT = RuleConfig.of(LimitRule::new,
        b0 -> b0.operand(org.apache.calcite.rel.logical.LogicalSort.class)
            .predicate(LimitRule::plainLimit)
            .oneInput(b1 -> b1.operand(LogicalProject.class)
                .oneInput(b2 -> b2.operand(PopotoTableScan.class).noInputs())));

    LimitRule(RuleConfig config) {
      super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      org.apache.calcite.rel.core.Sort sort = call.rel(0);
      LogicalProject project = call.rels.length == 3 ? call.rel(1) : null;
      PopotoTableScan scan = call.rel(call.rels.length - 1);
      ScanSpec spec = scan.spec();
      if (!scan.popotoTable().schema().options().pushdown() || spec.descending() != null
          || spec.rowLimit() != null || !spec.outer().isEmpty()) {
        return;
      }
      RelNode limited = scan.withSpec(spec.withRowLimit(literalLimit(sort)));
      if (project != null) {
        limited = project.copy(project.getTraitSet(), List.of(limited));
      }
      call.transformTo(sort.copy(sort.getTraitSet(), limited, sort.getCollation(), sort.offset,
          sort.fetch));
    }
  }
}
