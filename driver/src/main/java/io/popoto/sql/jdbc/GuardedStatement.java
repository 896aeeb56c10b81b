package io.popoto.sql.jdbc;

import io.popoto.sql.calcite.Cancellation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.avatica.AvaticaStatement;

/**
 * Wraps Calcite's statements: SQL text passed to execute/addBatch goes through the
 * {@link ReadOnlyGuard} first, errors go through the {@link ErrorTranslator}, and
 * getConnection() returns the Popoto connection. A proxy, because Statement and its
 * sub-interfaces have some 150 methods of which only these few differ.
 *
 * <p>It also runs the statement's query from execute until its rows are read to the end or
 * closed: the statement's cancel flag (Avatica's, which Avatica never clears) is cleared when a
 * query starts and handed to the planner; {@code setQueryTimeout} arms a timer that sets it;
 * its result sets report their failures and their end to it ({@link ReadOnlyResultSet}); a
 * failure while the flag is set is the cancel ({@code 57014}), whatever broke first.
 */
final class GuardedStatement implements InvocationHandler {
  private static final Set<String> SQL_METHODS = Set.of("execute", "executeQuery",
      "executeUpdate", "executeLargeUpdate", "addBatch");
  private static final Set<String> EXECUTE_METHODS = Set.of("execute", "executeQuery",
      "executeUpdate", "executeLargeUpdate", "executeBatch", "executeLargeBatch");
  private static final Field CANCEL_FLAG = cancelFlagField();

  private final Statement delegate;
  private final PopotoConnection connection;
  private final AtomicBoolean cancelFlag;
  private SQLWarning warnings;
  private ScheduledFuture<?> timeout;
  private volatile int timedOutAfter;
  /** Queries started on this statement, so a late timer cannot stop the next one. */
  private long queries;

  /** The result set last handed out. */
  private volatile ReadOnlyResultSet lastRows;

  /** A prepared key lookup's direct execution, or null. */
  private final DirectLookup direct;

  private GuardedStatement(Statement delegate, PopotoConnection connection,
      DirectLookup direct) {
    this.delegate = delegate;
    this.connection = connection;
    this.cancelFlag = cancelFlagOf(delegate);
    this.direct = direct;
  }

  static <T extends Statement> T wrap(T delegate, Class<T> type, PopotoConnection connection,
      DirectLookup direct) {
    Object proxy = Proxy.newProxyInstance(GuardedStatement.class.getClassLoader(),
        new Class<?>[] {type}, new GuardedStatement(delegate, connection, direct));
    return type.cast(proxy);
  }

  private static Field cancelFlagField() {
    try {
      Field f = AvaticaStatement.class.getDeclaredField("cancelFlag");
      f.setAccessible(true);
      return f;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null; // cancel still works through Avatica; a re-run after it would not
    }
  }

  private static AtomicBoolean cancelFlagOf(Statement s) {
    try {
      return CANCEL_FLAG == null ? null
          : (AtomicBoolean) CANCEL_FLAG.get(s.unwrap(AvaticaStatement.class));
    } catch (ReflectiveOperationException | SQLException | RuntimeException e) {
      return null;
    }
  }

  /** A query starts: a previous cancel is forgotten, the timeout (if any) is armed. */
  private synchronized void beginQuery() throws SQLException {
    endQuery();
    timedOutAfter = 0;
    if (cancelFlag != null) {
      cancelFlag.set(false);
    }
    long query = ++queries;
    int seconds = delegate.getQueryTimeout();
    if (seconds > 0) {
      timeout = QueryTimer.schedule(() -> timeUp(query, seconds), seconds);
    }
  }

  /** The timer fired: stops the query it was armed for, never a later one of the statement. */
  private synchronized void timeUp(long query, int seconds) {
    if (query != queries || timeout == null) {
      return;
    }
    timedOutAfter = seconds;
    try {
      cancel();
    } catch (SQLException closedMeanwhile) {
      // nothing left to stop
    }
  }

  /**
   * Sets the cancel flag (Avatica's cancel), which every stage of the query checks, and breaks
   * a Redis round trip the query is waiting for, so a frozen server cannot delay the cancel.
   */
  private void cancel() throws SQLException {
    delegate.cancel();
    if (cancelFlag != null) {
      connection.redisSource().interrupt(cancelFlag);
    }
  }

  /** The query's rows are read, closed or failed: its timeout no longer applies. */
  synchronized void endQuery() {
    if (timeout != null) {
      timeout.cancel(false);
      timeout = null;
    }
  }

  /**
   * What to throw for a failure of this statement or its result set: an SQLException with a
   * SQLState; {@code 57014} when the query was canceled or timed out, since then the first
   * failure is usually just where the query noticed.
   */
  Throwable failed(Throwable cause) {
    endQuery();
    if (cancelFlag != null && cancelFlag.get()
        && (cause instanceof SQLException || cause instanceof RuntimeException)) {
      int after = timedOutAfter;
      return new SQLException(after > 0
          ? "Query timed out after " + after + " s (setQueryTimeout) and was stopped"
          : "Query canceled (Statement.cancel())", SqlStates.QUERY_CANCELED, cause);
    }
    SQLException translated;
    if (cause instanceof SQLException sqle) {
      translated = ErrorTranslator.translate(sqle, connection.catalogForHints());
    } else if (cause instanceof RuntimeException re) {
      translated = ErrorTranslator.translate(re);
    } else {
      return cause;
    }
    return translated.getSQLState() != null ? translated
        : new SQLException(translated.getMessage(), SqlStates.GENERAL_ERROR, translated);
  }

  static Statement wrap(Statement s, PopotoConnection c) {
    return wrap(s, Statement.class, c, null);
  }

  /** @param direct the statement's direct execution as a key lookup, or null */
  static PreparedStatement wrap(PreparedStatement s, PopotoConnection c, DirectLookup direct) {
    return wrap(s, PreparedStatement.class, c, direct);
  }

  static CallableStatement wrap(CallableStatement s, PopotoConnection c) {
    return wrap(s, CallableStatement.class, c, null);
  }

  /**
   * Lenient-mode decode problems (a value read as NULL) recorded while this statement's rows
   * were read, then Calcite's own warnings. Calcite's are moved into our chain and cleared there,
   * so asking twice never links a chain into itself.
   */
  private SQLWarning warnings() throws SQLException {
    for (String message : connection.drainDecodeWarnings()) {
      addWarning(new SQLWarning(message, "01000"));
    }
    SQLWarning calcite = delegate.getWarnings();
    if (calcite != null) {
      delegate.clearWarnings();
      addWarning(calcite);
    }
    return warnings;
  }

  private void addWarning(SQLWarning w) {
    if (warnings == null) {
      warnings = w;
    } else {
      warnings.setNextWarning(w); // appends at the end of the chain
    }
  }

  /**
   * Result sets and their metadata as the driver hands them out (sized, read-only; a result
   * set's failures and end go through this statement, see {@link ReadOnlyResultSet}).
   */
  private Object results(Object proxy, Object result) {
    if (result instanceof java.sql.ResultSet rs) {
      ReadOnlyResultSet last = lastRows;
      if (last == null || !last.wraps(rs)) { // getResultSet() twice: the same result set
        last = (ReadOnlyResultSet) ReadOnlyResultSet.wrap(rs, (Statement) proxy, this);
        lastRows = last;
      }
      return last;
    }
    if (result instanceof java.sql.ResultSetMetaData md) {
      return SizedResultSetMetaData.wrap(md);
    }
    return result;
  }

  /** A key lookup's executeQuery() the direct way; null when it must run the usual way. */
  private ResultSet executeDirectly() throws Throwable {
    try {
      return direct.executeQuery(cancelFlag);
    } catch (SQLException | RuntimeException e) {
      throw failed(e);
    }
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    String name = method.getName();
    if (SQL_METHODS.contains(name) && args != null && args.length > 0
        && args[0] instanceof String sql) {
      ReadOnlyGuard.check(sql);
    }
    Object own = ProxyIdentity.answer(proxy, name, args, delegate);
    if (own != ProxyIdentity.NOT_ANSWERED) {
      return own;
    }
    switch (name) {
      case "getConnection":
        return connection;
      case "getWarnings":
        return warnings();
      case "clearWarnings":
        connection.drainDecodeWarnings();
        warnings = null;
        break;
      case "getGeneratedKeys":
        throw PopotoConnection.generatedKeysUnsupported();
      default:
        break;
    }
    if (name.equals("close")) {
      endQuery();
    }
    if (name.equals("cancel")) {
      try {
        cancel();
        return null;
      } catch (SQLException e) {
        throw ErrorTranslator.translate(e, connection.catalogForHints());
      }
    }
    boolean executes = EXECUTE_METHODS.contains(name);
    if (executes) {
      beginQuery();
    }
    try {
      Object result = direct != null && name.equals("executeQuery") && args == null
          ? executeDirectly() : null; // null: the usual way
      if (result != null) {
        return results(proxy, result);
      }
      if (executes) {
        try (Cancellation.Scope planning = Cancellation.planning(cancelFlag)) {
          result = method.invoke(delegate, args);
        }
      } else {
        result = method.invoke(delegate, args);
      }
      if (executes && !(result instanceof ResultSet) && !Boolean.TRUE.equals(result)) {
        endQuery(); // no rows to read
      }
      return results(proxy, result);
    } catch (InvocationTargetException e) {
      throw failed(e.getCause());
    }
  }
}
