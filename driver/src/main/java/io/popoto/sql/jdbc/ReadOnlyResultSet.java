package io.popoto.sql.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Set;

/**
 * Calcite's result set as the driver hands it out: metadata sized by {@link ColumnSize}, the
 * update methods refused with 0A000 and a message (Avatica's refusal has no SQLState), and
 * {@code getStatement()} returning the statement the application holds. A proxy, because
 * ResultSet has some 190 methods of which these few differ. A query's result set reports to
 * its {@link GuardedStatement}: rows are read (and Redis is read) in {@code next()}, so its
 * failures are translated like execute's (Avatica lets runtime exceptions out of next()
 * unwrapped), and the end of the rows or close() ends the query, stopping its timeout.
 */
final class ReadOnlyResultSet implements InvocationHandler {
  private static final Set<String> UPDATES = Set.of("insertRow", "updateRow", "deleteRow",
      "refreshRow", "cancelRowUpdates", "moveToInsertRow", "moveToCurrentRow");

  private final ResultSet delegate;
  /** What getStatement() answers: the application's statement, or null for metadata. */
  private final Statement statement;
  /** Run once when the result set is closed, or null. */
  private Runnable onClose;
  /** The statement running the query, or null (metadata). */
  private final GuardedStatement query;

  private ReadOnlyResultSet(ResultSet delegate, Statement statement, Runnable onClose,
      GuardedStatement query) {
    this.delegate = delegate;
    this.statement = statement;
    this.onClose = onClose;
    this.query = query;
  }

  /** @param statement what getStatement() answers */
  static ResultSet wrap(ResultSet rs, Statement statement) {
    return wrap(rs, statement, null);
  }

  /**
   * @param statement what getStatement() answers
   * @param query the statement whose query produced the rows, or null
   */
  static ResultSet wrap(ResultSet rs, Statement statement, GuardedStatement query) {
    if (rs == null || Proxy.isProxyClass(rs.getClass())
        && Proxy.getInvocationHandler(rs) instanceof ReadOnlyResultSet) {
      return rs;
    }
    return proxy(rs, statement, null, query);
  }

  private static ResultSet proxy(ResultSet rs, Statement statement, Runnable onClose,
      GuardedStatement query) {
    return (ResultSet) Proxy.newProxyInstance(ReadOnlyResultSet.class.getClassLoader(),
        new Class<?>[] {ResultSet.class}, new ReadOnlyResultSet(rs, statement, onClose, query));
  }

  /** A DatabaseMetaData result: getStatement() is null, as JDBC allows. */
  static ResultSet wrapMetadata(ResultSet rs) {
    return wrap(rs, null);
  }

  /** A DatabaseMetaData result that runs {@code onClose} once when it is closed. */
  static ResultSet wrapMetadata(ResultSet rs, Runnable onClose) {
    return proxy(rs, null, onClose, null);
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    String name = method.getName();
    if (name.startsWith("update") || UPDATES.contains(name)) {
      throw new SQLFeatureNotSupportedException("Popoto SQL result sets are read-only: "
          + "ResultSet." + name + " is not supported", SqlStates.FEATURE_NOT_SUPPORTED);
    }
    if (name.equals("getStatement")) {
      return statement;
    }
    Object own = ProxyIdentity.answer(proxy, name, args, delegate);
    if (own != ProxyIdentity.NOT_ANSWERED) {
      return own;
    }
    if (name.equals("close") && query != null) {
      query.endQuery();
    }
    try {
      Object result = method.invoke(delegate, args);
      if (query != null && name.equals("next") && Boolean.FALSE.equals(result)) {
        query.endQuery();
      }
      if (name.equals("close") && onClose != null) {
        Runnable hook = onClose;
        onClose = null;
        hook.run();
      }
      return name.equals("getMetaData")
          ? SizedResultSetMetaData.wrap((java.sql.ResultSetMetaData) result) : result;
    } catch (InvocationTargetException e) {
      throw query == null ? e.getCause() : query.failed(e.getCause());
    }
  }
}
