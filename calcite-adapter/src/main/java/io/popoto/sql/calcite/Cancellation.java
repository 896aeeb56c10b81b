package io.popoto.sql.calcite;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;

/**
 * The statement's cancel flag (Avatica's, set by {@code Statement.cancel()} and by the driver's
 * query timeout), checked where work happens: once per fetched batch in our scans, and once per
 * row at the edges {@link CancelCheckRel} adds to every plan, because Calcite's own joins,
 * aggregates, sorts and recursive unions never look at it.
 */
public final class Cancellation {
  /** The flag of the statement being planned on this thread (see {@link #planning}). */
  private static final ThreadLocal<AtomicBoolean> PLANNING = new ThreadLocal<>();

  private Cancellation() {}

  /** Undoes {@link #planning} for the calling thread. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Until the scope is closed, queries planned on this thread stop planning once {@code flag}
   * is set: the planner is made before any statement object reaches Calcite's planner, so the
   * driver hands the flag over this way.
   */
  public static Scope planning(AtomicBoolean flag) {
    AtomicBoolean previous = PLANNING.get();
    PLANNING.set(flag);
    return () -> PLANNING.set(previous);
  }

  /** The flag {@link #planning} set for this thread, or a fresh one that is never set. */
  static AtomicBoolean planningFlag() {
    AtomicBoolean flag = PLANNING.get();
    return flag == null ? new AtomicBoolean() : flag;
  }

  /** The flag of the statement running the query; null outside a JDBC statement. */
  static AtomicBoolean flag(DataContext root) {
    return root == null ? null : DataContext.Variable.CANCEL_FLAG.get(root);
  }

  /** Throws {@value PopotoReadException#QUERY_CANCELED} once the flag is set. */
  static void check(AtomicBoolean flag) {
    if (flag != null && flag.get()) {
      throw canceled();
    }
  }

  static PopotoReadException canceled() {
    return new PopotoReadException(PopotoReadException.QUERY_CANCELED, "Query canceled", null);
  }

  /** Called from generated code: the rows of {@code input}, checking the flag before each. */
  public static <T> Enumerable<T> watch(Enumerable<T> input, DataContext root) {
    return watch(input, flag(root));
  }

  /** The rows of {@code input}, checking {@code flag} (if any) before each. */
  static <T> Enumerable<T> watch(Enumerable<T> input, AtomicBoolean flag) {
    if (flag == null) {
      return input;
    }
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<T> enumerator() {
        check(flag);
        Enumerator<T> in = input.enumerator();
        return new Enumerator<>() {
          @Override
          public T current() {
            return in.current();
          }

          @Override
          public boolean moveNext() {
            check(flag);
            return in.moveNext();
          }

          @Override
          public void reset() {
            in.reset();
          }

          @Override
          public void close() {
            in.close();
          }
        };
      }
    };
  }
}
