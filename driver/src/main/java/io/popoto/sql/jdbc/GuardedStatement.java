package io.popoto.sql.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.Set;

/**
 * Wraps Calcite's statements: SQL text passed to execute/addBatch goes through the
 * {@link ReadOnlyGuard} first, errors go through the {@link ErrorTranslator}, and
 * getConnection() returns the Popoto connection. A proxy, because Statement and its
 * sub-interfaces have some 150 methods of which only these few differ.
 */
final class GuardedStatement implements InvocationHandler {
  private static final Set<String> SQL_METHODS = Set.of("execute", "executeQuery",
      "executeUpdate", "executeLargeUpdate", "addBatch");

  private final Statement delegate;
  private final PopotoConnection connection;
  private SQLWarning warnings;

  private GuardedStatement(Statement delegate, PopotoConnection connection) {
    this.delegate = delegate;
    this.connection = connection;
  }

  static <T extends Statement> T wrap(T delegate, Class<T> type, PopotoConnection connection) {
    Object proxy = Proxy.newProxyInstance(GuardedStatement.class.getClassLoader(),
        new Class<?>[] {type}, new GuardedStatement(delegate, connection));
    return type.cast(proxy);
  }

  static Statement wrap(Statement s, PopotoConnection c) {
    return wrap(s, Statement.class, c);
  }

  static PreparedStatement wrap(PreparedStatement s, PopotoConnection c) {
    return wrap(s, PreparedStatement.class, c);
  }

  static CallableStatement wrap(CallableStatement s, PopotoConnection c) {
    return wrap(s, CallableStatement.class, c);
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

  /** Result sets and their metadata as the driver hands them out (sized, read-only). */
  private static Object results(Object proxy, Object result) {
    if (result instanceof java.sql.ResultSet rs) {
      return ReadOnlyResultSet.wrap(rs, (Statement) proxy);
    }
    if (result instanceof java.sql.ResultSetMetaData md) {
      return SizedResultSetMetaData.wrap(md);
    }
    return result;
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
    try {
      return results(proxy, method.invoke(delegate, args));
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SQLException sqle) {
        throw ErrorTranslator.translate(sqle, connection.catalogForHints());
      }
      throw cause;
    }
  }
}
