package io.popoto.sql.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.List;

/**
 * The driver's JDBC boundary: the connection {@link PopotoDriver} hands out, and every JDBC
 * object reached from it (statements, result sets, metadata, LOBs), is a proxy that lets only
 * SQLExceptions with a SQLState and a message out ({@link Failures}). One place, whatever the
 * code behind it (ours, Calcite's, Avatica's) throws: StackOverflowError, an assertion, a
 * RuntimeException("todo"), a raw Jedis exception.
 *
 * <p>{@code getConnection()} and {@code getStatement()} return the proxy the object was reached
 * from, so no path leads around the boundary; {@code unwrap} still reaches the objects behind
 * it ({@link PopotoConnection}, Calcite's connection) for whoever asks by type.
 */
final class JdbcBoundary implements InvocationHandler {
  /**
   * The JDBC interfaces whose objects are wrapped when a call returns one; sub-interfaces
   * first, so that a value is wrapped as the most specific one.
   */
  private static final List<Class<?>> WRAPPED = List.of(Connection.class,
      CallableStatement.class, PreparedStatement.class, Statement.class, ResultSet.class,
      ResultSetMetaData.class, DatabaseMetaData.class, ParameterMetaData.class, Array.class,
      Blob.class, NClob.class, Clob.class, SQLXML.class, Struct.class, Ref.class,
      Savepoint.class);

  private final Object target;
  private final Class<?> type;
  private final JdbcBoundary parent;
  private Object proxy;
  /**
   * The last object handed out and its proxy, so that asking twice (getResultSet) gives the
   * same proxy. One array, so that threads sharing a connection never pair the wrong two.
   */
  private volatile Object[] last;

  private JdbcBoundary(Object target, Class<?> type, JdbcBoundary parent) {
    this.target = target;
    this.type = type;
    this.parent = parent;
  }

  /** The connection as callers see it. */
  static Connection connection(Connection target) {
    return (Connection) wrap(target, Connection.class, null);
  }

  private static Object wrap(Object target, Class<?> type, JdbcBoundary parent) {
    JdbcBoundary handler = new JdbcBoundary(target, type, parent);
    handler.proxy = Proxy.newProxyInstance(JdbcBoundary.class.getClassLoader(),
        new Class<?>[] {type}, handler);
    return handler.proxy;
  }

  @Override
  public Object invoke(Object self, Method method, Object[] args) throws Throwable {
    try {
      return answer(self, method, args);
    } catch (InvocationTargetException e) {
      throw failure(method, e.getCause());
    } catch (Throwable e) { // our own code is behind the boundary too
      throw failure(method, e);
    }
  }

  private Object answer(Object self, Method method, Object[] args) throws Exception {
    String name = method.getName();
    if (name.equals("toString") && method.getParameterCount() == 0) {
      return String.valueOf(target); // already says Popoto
    }
    boolean byClass = args != null && args.length == 1 && args[0] instanceof Class<?>;
    if (byClass || !name.equals("unwrap") && !name.equals("isWrapperFor")) {
      Object own = ProxyIdentity.answer(self, name, args, target);
      if (own != ProxyIdentity.NOT_ANSWERED) {
        return own;
      }
    }
    if ((name.equals("getConnection") || name.equals("getStatement"))
        && method.getParameterCount() == 0) {
      Object owner = parent == null ? null : parent.nearest(method.getReturnType());
      if (owner != null) {
        return owner;
      }
    }
    Object result = method.invoke(target, args);
    // unwrap hands out what is behind the boundary: that is what the caller asked for.
    return name.equals("unwrap") ? result : handOut(method.getReturnType(), result);
  }

  /** This object's proxy or the nearest one it was reached from that is a {@code type}. */
  <T> T nearest(Class<T> type) {
    for (JdbcBoundary b = this; b != null; b = b.parent) {
      if (type.isInstance(b.proxy)) {
        return type.cast(b.proxy);
      }
    }
    return null;
  }

  /** A value a call declared to return {@code declared}, as callers may see it. */
  Object handOut(Class<?> declared, Object result) {
    if (result == null) {
      return null;
    }
    if (result instanceof ReadOnlyResultSet rows) {
      return rows.handedOutBy(this); // guards itself, without a proxy
    }
    Class<?> wrapAs = WRAP_AS.get(declared);
    if (wrapAs == Void.class) {
      return result; // a value: the common case (getString, next), decided once per type
    }
    if (wrapAs == Object.class) {
      wrapAs = valueType(result); // getObject of an ARRAY or BLOB column
      if (wrapAs == null) {
        return result;
      }
    }
    if (Proxy.isProxyClass(result.getClass())
        && Proxy.getInvocationHandler(result) instanceof JdbcBoundary) {
      return result;
    }
    Object[] previous = last;
    if (previous != null && previous[0] == result) {
      return previous[1];
    }
    for (JdbcBoundary b = this; b != null; b = b.parent) {
      if (b.target == result) {
        return b.proxy; // e.g. a statement's getConnection() answered by the object itself
      }
    }
    Object wrapped = wrap(result, wrapAs, this);
    last = new Object[] {result, wrapped};
    return wrapped;
  }

  /**
   * For each declared return type: the JDBC interface to wrap its values as, Object.class to
   * look at the value (a method declared to return Object), or Void.class for values.
   */
  private static final ClassValue<Class<?>> WRAP_AS = new ClassValue<>() {
    @Override
    protected Class<?> computeValue(Class<?> declared) {
      if (declared == Object.class) {
        return Object.class;
      }
      return WRAPPED.contains(declared) ? declared : Void.class;
    }
  };

  private static Class<?> valueType(Object value) {
    Class<?> jdbc = VALUE_TYPE.get(value.getClass());
    return jdbc == Void.class ? null : jdbc;
  }

  /**
   * For each class of value a getObject returns: the JDBC interface to wrap it as, or
   * Void.class for a plain value. Decided once per class: testing every value against each
   * interface cost more than the rest of getObject.
   */
  private static final ClassValue<Class<?>> VALUE_TYPE = new ClassValue<>() {
    @Override
    protected Class<?> computeValue(Class<?> valueClass) {
      for (Class<?> jdbc : WRAPPED) {
        if (jdbc.isAssignableFrom(valueClass)) {
          return jdbc;
        }
      }
      return Void.class;
    }
  };

  private Throwable failure(Method method, Throwable cause) {
    SQLException e = Failures.toSqlException(cause,
        type.getSimpleName() + "." + method.getName());
    for (Class<?> declared : method.getExceptionTypes()) {
      if (declared.isInstance(e)) {
        return e;
      }
      if (declared == SQLClientInfoException.class) {
        return Failures.asClientInfo(e); // setClientInfo may throw nothing else
      }
    }
    return e; // no method of the wrapped interfaces declares none of these
  }
}
