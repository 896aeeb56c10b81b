package io.popoto.sql.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Wraps Calcite's result set: rows are read (and Redis is read) in {@code next()}, so failures
 * there go through the statement's translation like those of execute (Avatica lets runtime
 * exceptions out of next() unwrapped); the end of the rows or close() ends the statement's
 * query, stopping its timeout; getStatement() returns the guarded statement.
 */
final class GuardedResultSet implements InvocationHandler {
  private final ResultSet delegate;
  private final GuardedStatement owner;
  private final Statement ownerProxy;

  private GuardedResultSet(ResultSet delegate, GuardedStatement owner, Statement ownerProxy) {
    this.delegate = delegate;
    this.owner = owner;
    this.ownerProxy = ownerProxy;
  }

  static ResultSet wrap(ResultSet delegate, GuardedStatement owner, Statement ownerProxy) {
    if (delegate == null || Proxy.isProxyClass(delegate.getClass())) {
      return delegate;
    }
    return (ResultSet) Proxy.newProxyInstance(GuardedResultSet.class.getClassLoader(),
        new Class<?>[] {ResultSet.class}, new GuardedResultSet(delegate, owner, ownerProxy));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    Object own = GuardedStatement.wrapperMethod(proxy, delegate, method.getName(), args);
    if (own != null) {
      return own;
    }
    switch (method.getName()) {
      case "getStatement":
        return ownerProxy;
      case "close":
        owner.endQuery();
        break;
      default:
        break;
    }
    try {
      Object result = method.invoke(delegate, args);
      if (method.getName().equals("next") && Boolean.FALSE.equals(result)) {
        owner.endQuery();
      }
      return result;
    } catch (InvocationTargetException e) {
      throw owner.failed(e.getCause());
    }
  }
}
