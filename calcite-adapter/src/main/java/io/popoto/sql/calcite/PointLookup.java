package io.popoto.sql.calcite;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.rel.RelRoot;

/**
 * A prepared statement whose whole plan is one Popoto read by key ({@code _key = ?},
 * {@code _key IN (...)}, every key field equal): nothing but {@link PopotoToEnumerableConverter}
 * over a KEYS {@link PopotoTableScan}. Its generated code does nothing but call
 * {@link PopotoTable#execute} with the statement's parameters, so the driver may make that call
 * itself and skip Calcite's per-execution work (a DataContext, which re-parses the connection
 * properties for its time zone and locale, and the bound plan) while handing out the same rows.
 *
 * <p>Calcite offers no hook between preparing and the prepared statement it returns, so the
 * preparation records what it recognised on the preparing thread ({@link #recordPrepared}) and
 * the driver takes it right after {@code prepareStatement} returns ({@link #takePrepared}).
 */
public final class PointLookup {
  private static final ThreadLocal<PointLookup> PREPARED = new ThreadLocal<>();

  private final PopotoTable table;
  private final ScanSpec spec;

  private PointLookup(PopotoTable table, ScanSpec spec) {
    this.table = table;
    this.spec = spec;
  }

  /** Called by the preparation with the optimized plan, before it is implemented. */
  static void recordPrepared(RelRoot root) {
    PREPARED.set(of(root));
  }

  /** Forgets what an earlier preparation on this thread recorded. */
  public static void forgetPrepared() {
    PREPARED.remove();
  }

  /** What the statement prepared last on this thread turned out to be (null: not a lookup). */
  public static PointLookup takePrepared() {
    PointLookup lookup = PREPARED.get();
    PREPARED.remove();
    return lookup;
  }

  /** The lookup {@code root} is, or null when its plan is anything more than the read. */
  static PointLookup of(RelRoot root) {
    if (!root.isRefTrivial() || !(root.rel instanceof PopotoToEnumerableConverter converter)
        || !(converter.getInput() instanceof PopotoTableScan scan)) {
      return null;
    }
    ScanSpec s = scan.spec();
    if (s.path() == null || s.path().type() != QueryType.KEYS || !s.outer().isEmpty()
        || s.descending() != null) {
      return null;
    }
    return new PointLookup(scan.popotoTable(), s);
  }

  /** How many statement parameters ({@code ?0 ...}) the read takes, in order. */
  public int parameterCount() {
    return spec.paramCount();
  }

  /**
   * The rows, exactly as the generated code hands them to Avatica (the same call): arrays, or
   * for a one-column result in Calcite's scalar format the bare values.
   *
   * @param params the parameters' local values ({@code TypedValue.toLocal()}), as Calcite binds
   * @param cancel the statement's cancel flag
   */
  @SuppressWarnings("unchecked")
  public Iterable<Object> rows(Object[] params, AtomicBoolean cancel, boolean scalar) {
    Enumerable<Object[]> rows = table.execute(spec, params, cancel);
    return scalar ? rows.select(row -> row[0]) : (Iterable<Object>) (Iterable<?>) rows;
  }

  @Override
  public String toString() {
    return "PointLookup[" + table.model().name() + " " + spec.path() + "]";
  }
}
