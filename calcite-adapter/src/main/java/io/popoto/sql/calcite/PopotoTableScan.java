package io.popoto.sql.calcite;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.util.ImmutableBitSet;

/** A read of one model table as described by a {@link ScanSpec}. */
public final class PopotoTableScan extends TableScan implements PopotoRel {
  private static final double ROUND_TRIP_ROWS = 10;
  private static final double SCAN_FLOOR_ROWS = 1000;
  private final PopotoTable popotoTable;
  private final ScanSpec spec;

  PopotoTableScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table,
      PopotoTable popotoTable, ScanSpec spec) {
    super(cluster, traits, List.of(), table);
    this.popotoTable = popotoTable;
    this.spec = spec;
  }

  public PopotoTable popotoTable() {
    return popotoTable;
  }

  public ScanSpec spec() {
    return spec;
  }

  /**
   * Columns the scan needs for its own checks: an exact reverse-set read's relationship; an
   * ordered read's sorted field (its staleness check) and further ORDER BY keys.
   */
  ImmutableBitSet checkedColumns() {
    ImmutableBitSet.Builder b = ImmutableBitSet.builder();
    if (spec.exact() && spec.path().type() == QueryType.REVERSE_SET) {
      b.set(position(popotoTable.columnIndex(popotoTable.model().field(spec.path().field()))));
    }
    if (spec.descending() != null) {
      b.set(position(popotoTable.columnIndex(popotoTable.model().field(spec.path().field()))));
      for (ScanSpec.SortKey k : spec.ties()) {
        b.set(position(k.column()));
      }
    }
    return b.build();
  }

  private int position(int tableColumn) {
    int at = spec.columns().indexOf(tableColumn);
    if (at < 0) {
      throw new IllegalStateException("scan without the column it checks: " + tableColumn);
    }
    return at;
  }

  PopotoTableScan withSpec(ScanSpec newSpec) {
    return new PopotoTableScan(getCluster(), getTraitSet().replace(collationOf(newSpec)),
        getTable(), popotoTable, newSpec);
  }

  /** The order the rows arrive in. */
  RelCollation collation() {
    return collationOf(spec);
  }

  /**
   * An ordered zset read delivers its rows sorted by the zset's field, then by the further
   * ORDER BY keys; empty when one of those columns is not read.
   */
  private RelCollation collationOf(ScanSpec s) {
    if (s.descending() == null) {
      return RelCollations.EMPTY;
    }
    List<RelFieldCollation> keys = new ArrayList<>();
    int sorted = s.columns().indexOf(popotoTable.columnIndex(
        popotoTable.model().field(s.path().field())));
    if (sorted < 0) {
      return RelCollations.EMPTY;
    }
    keys.add(new RelFieldCollation(sorted, s.descending()
        ? RelFieldCollation.Direction.DESCENDING : RelFieldCollation.Direction.ASCENDING));
    for (ScanSpec.SortKey k : s.ties()) {
      int at = s.columns().indexOf(k.column());
      if (at < 0) {
        return RelCollations.EMPTY;
      }
      keys.add(new RelFieldCollation(at, k.descending()
          ? RelFieldCollation.Direction.DESCENDING : RelFieldCollation.Direction.ASCENDING,
          k.nullsFirst() ? RelFieldCollation.NullDirection.FIRST
              : RelFieldCollation.NullDirection.LAST));
    }
    return RelCollations.of(keys);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new PopotoTableScan(getCluster(), traitSet, getTable(), popotoTable, spec);
  }

  @Override
  public RelDataType deriveRowType() {
    RelDataType full = popotoTable.getRowType(getCluster().getTypeFactory());
    RelDataTypeFactory.Builder b = getCluster().getTypeFactory().builder();
    for (int i : spec.columns()) {
      b.add(full.getFieldList().get(i));
    }
    return b.build();
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    List<PopotoColumn> cols = popotoTable.columns();
    return super.explainTerms(pw)
        .item("path", AccessPathExecutor.describe(popotoTable,
            spec.path() == null ? AccessPath.CLASS_SCAN : spec.path()))
        .item("columns", spec.columns().stream().map(i -> cols.get(i).name()).toList())
        .itemIf("exact", true, spec.exact())
        // EXPLAIN only: a digest must not change with the statistics behind an estimate
        .itemIf("rows", Math.round(estimateRowCount(getCluster().getMetadataQuery())),
            pw.getDetailLevel() != org.apache.calcite.sql.SqlExplainLevel.DIGEST_ATTRIBUTES)
        .itemIf("order", orderText(), spec.descending() != null)
        // part of the digest: scans that stop at different limits must never be merged
        .itemIf("limit", limitText(), spec.rowLimit() != null || spec.firstPage() != null)
        // part of the digest: scans bound to different join batches must never be merged
        .itemIf("outer", spec.outer().isEmpty() ? "" : outerVariables(), !spec.outer().isEmpty());
  }

  /** The rows the scan stops at, or the first page of an ordered read a filter above may cut. */
  private String limitText() {
    return spec.rowLimit() != null ? String.valueOf(spec.rowLimit())
        : "first page " + spec.firstPage();
  }

  private String orderText() {
    if (spec.descending() == null) {
      return "";
    }
    List<PopotoColumn> cols = popotoTable.columns();
    StringBuilder b = new StringBuilder(spec.path().field())
        .append(Boolean.TRUE.equals(spec.descending()) ? " DESC" : "");
    for (ScanSpec.SortKey k : spec.ties()) {
      b.append(", ").append(cols.get(k.column()).name()).append(k.descending() ? " DESC" : "");
    }
    return b.toString();
  }

  private String outerVariables() {
    List<String> names = spec.outer().stream().map(ScanSpec.OuterField::correlation).toList();
    return names.size() == 1 ? names.get(0)
        : names.get(0) + ".." + names.get(names.size() - 1) + " (" + names.size() + " rows)";
  }

  /**
   * Rows the scan reads: the path's candidates (counted in Redis where the values are literals),
   * for an ordered read under a LIMIT the first page (four pages when a filter above may
   * reject rows), and never more than a limit it stops at.
   */
  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    double rows = spec.path() == null ? popotoTable.rowCount()
        : AccessPathExecutor.estimate(spec.path(), popotoTable);
    if (spec.descending() != null && spec.firstPage() != null) {
      rows = Math.min(rows, spec.rowLimit() != null ? spec.firstPage() : 4.0 * spec.firstPage());
    } else if (spec.rowLimit() != null) {
      rows = Math.min(rows, spec.rowLimit());
    }
    return Math.max(1, rows);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    // Volcano compares costs by their row figure, so reading fewer hash fields must show there
    // too, or a narrowed scan would tie with the full one.
    // A class scan is charged as if its table held at least SCAN_FLOOR_ROWS: a plan is made
    // once and run as the data grows, and on a small table an index path is as cheap anyway.
    // So a join reads the other side through its indexes even while tables are tiny.
    double rows = spec.path() == null ? Math.max(SCAN_FLOOR_ROWS, estimateRowCount(mq))
        : estimateRowCount(mq);
    double width = (double) spec.columns().size() / popotoTable.columns().size();
    // A round trip costs about as much as decoding ten rows; without it a join that looks up
    // a few keys per batch of 100 outer rows would look as cheap as reading the table once.
    double roundTrips = 1 + Math.ceil(rows / popotoTable.schema().options().batchSize());
    double work = rows * (0.5 + 0.5 * width) + ROUND_TRIP_ROWS * roundTrips;
    if (spec.rowLimit() != null) {
      work *= 0.99; // may stop early: chosen over the same read without a limit, even on a tie
    }
    return planner.getCostFactory().makeCost(work, work, work);
  }

  @Override
  public void register(RelOptPlanner planner) {
    PopotoRules.register(planner);
    if (popotoTable.schema().options().pushdown()) {
      PopotoRules.registerPushdown(planner);
    }
  }
}
