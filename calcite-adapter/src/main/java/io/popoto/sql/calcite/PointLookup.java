package io.popoto.sql.calcite;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A prepared statement whose whole plan is one Popoto read by key ({@code _key = ?},
 * {@code _key IN (...)}, every key field equal): {@link PopotoToEnumerableConverter} over a
 * KEYS {@link PopotoTableScan}, under at most a Calc that picks columns and re-checks
 * {@code column = ?} on text columns (what every-key-field equality leaves above the read). Its
 * generated code does nothing but call {@link PopotoTable#execute} with the statement's
 * parameters and apply that Calc, so the driver may do it itself and skip Calcite's
 * per-execution work (a DataContext, which re-parses the connection properties for its time
 * zone and locale, and the bound plan) while handing out the same rows.
 *
 * <p>Calcite offers no hook between preparing and the prepared statement it returns, so the
 * driver opens a {@link #recording} around {@code prepareStatement} and the preparation leaves
 * what it recognised there ({@link #recordPrepared}). Outside a recording nothing is kept.
 */
public final class PointLookup {
  private static final ThreadLocal<Recording> RECORDING = new ThreadLocal<>();

  private final PopotoTable table;
  private final ScanSpec spec;
  /** The scan's columns the statement returns, in order; null for all of them as they are. */
  private final int[] projection;
  /** Pairs (scan column, parameter index) that must be equal; empty for none. */
  private final int[][] equalities;

  private PointLookup(PopotoTable table, ScanSpec spec, int[] projection, int[][] equalities) {
    this.table = table;
    this.spec = spec;
    this.projection = projection;
    this.equalities = equalities;
  }

  /** What the statements prepared on this thread while it is open turned out to be. */
  public static final class Recording implements AutoCloseable {
    private final Recording previous = RECORDING.get();
    private PointLookup lookup;

    private Recording() {}

    /** The lookup the last statement prepared is, or null when it is not one. */
    public PointLookup lookup() {
      return lookup;
    }

    @Override
    public void close() {
      if (previous == null) {
        RECORDING.remove();
      } else {
        RECORDING.set(previous);
      }
    }
  }

  /** Starts recording the statements prepared on this thread; close it when done. */
  public static Recording recording() {
    Recording r = new Recording();
    RECORDING.set(r);
    return r;
  }

  /** Called by the preparation with the optimized plan, before it is implemented. */
  static void recordPrepared(RelRoot root) {
    Recording r = RECORDING.get();
    if (r != null) {
      r.lookup = root.isRefTrivial() ? of(root.rel) : null;
    }
  }

  /** The lookup {@code rel} is, or null when its plan is anything more. */
  static PointLookup of(RelNode rel) {
    RexProgram program = null;
    if (rel instanceof EnumerableCalc calc) {
      program = calc.getProgram();
      rel = calc.getInput();
    }
    if (!(rel instanceof PopotoToEnumerableConverter converter)
        || !(converter.getInput() instanceof PopotoTableScan scan)) {
      return null;
    }
    ScanSpec s = scan.spec();
    if (s.path() == null || s.path().type() != QueryType.KEYS || !s.outer().isEmpty()
        || s.descending() != null) {
      return null;
    }
    if (program == null) {
      return new PointLookup(scan.popotoTable(), s, null, new int[0][]);
    }
    List<RexLocalRef> projects = program.getProjectList();
    int[] projection = new int[projects.size()];
    for (int i = 0; i < projection.length; i++) {
      if (!(program.expandLocalRef(projects.get(i)) instanceof RexInputRef ref)) {
        return null; // an expression: Calcite computes it
      }
      projection[i] = ref.getIndex();
    }
    List<int[]> equalities = new ArrayList<>();
    if (program.getCondition() != null
        && !textEqualities(program.expandLocalRef(program.getCondition()), equalities)) {
      return null;
    }
    return new PointLookup(scan.popotoTable(), s, projection, equalities.toArray(new int[0][]));
  }

  /**
   * Collects {@code column = ?} conjuncts between VARCHARs, the one comparison whose meaning is
   * plain {@code String.equals} (with NULL never equal); false for any other condition.
   */
  private static boolean textEqualities(RexNode condition, List<int[]> into) {
    if (condition.getKind() == SqlKind.AND) {
      for (RexNode operand : ((RexCall) condition).getOperands()) {
        if (!textEqualities(operand, into)) {
          return false;
        }
      }
      return true;
    }
    if (condition.getKind() != SqlKind.EQUALS) {
      return false;
    }
    List<RexNode> operands = ((RexCall) condition).getOperands();
    RexNode a = operands.get(0);
    RexNode b = operands.get(1);
    if (b instanceof RexInputRef && a instanceof RexDynamicParam) {
      RexNode t = a;
      a = b;
      b = t;
    }
    if (!(a instanceof RexInputRef column) || !(b instanceof RexDynamicParam param)
        || column.getType().getSqlTypeName() != SqlTypeName.VARCHAR
        || param.getType().getSqlTypeName() != SqlTypeName.VARCHAR) {
      return false;
    }
    into.add(new int[] {column.getIndex(), param.getIndex()});
    return true;
  }

  /** How many statement parameters ({@code ?0 ...}) the read takes, in order. */
  public int parameterCount() {
    return spec.paramCount();
  }

  /**
   * Whether these parameter values are ones the direct way compares as Calcite would (text, or
   * NULL, where a column must equal them); if not, the statement runs the usual way.
   */
  public boolean accepts(Object[] params) {
    for (int[] eq : equalities) {
      Object p = params[eq[1]];
      if (p != null && !(p instanceof String)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The rows, exactly as the generated code hands them to Avatica: the read's rows (the same
   * call), those whose text columns equal their parameters, the statement's columns picked out;
   * for a one-column result in Calcite's scalar format the bare values.
   *
   * @param params the parameters' local values ({@code TypedValue.toLocal()}), as Calcite binds
   * @param cancel the statement's cancel flag
   */
  @SuppressWarnings("unchecked")
  public Iterable<Object> rows(Object[] params, AtomicBoolean cancel, boolean scalar) {
    Enumerable<Object[]> rows = table.execute(spec, params, cancel);
    if (projection == null) {
      return scalar ? rows.select(row -> row[0]) : (Iterable<Object>) (Iterable<?>) rows;
    }
    if (equalities.length > 0) {
      rows = rows.where(row -> matches(row, params));
    }
    // as CancelCheckRel checks above a Calc
    return Cancellation.watch(rows.select(row -> pick(row, scalar)), cancel);
  }

  private boolean matches(Object[] row, Object[] params) {
    for (int[] eq : equalities) {
      Object value = row[eq[0]];
      if (value == null || !value.equals(params[eq[1]])) {
        return false;
      }
    }
    return true;
  }

  private Object pick(Object[] row, boolean scalar) {
    if (scalar) {
      return row[projection[0]];
    }
    Object[] picked = new Object[projection.length];
    for (int i = 0; i < picked.length; i++) {
      picked[i] = row[projection[i]];
    }
    return picked;
  }

  @Override
  public String toString() {
    return "PointLookup[" + table.model().name() + " " + spec.path() + "]";
  }
}
