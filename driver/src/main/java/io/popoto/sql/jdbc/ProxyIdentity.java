package io.popoto.sql.jdbc;

/**
 * The methods every one of our JDBC proxies answers itself rather than its delegate: identity
 * (equals, hashCode), toString, and unwrap/isWrapperFor for the interface the proxy implements,
 * so {@code rs.getStatement() == statement} and {@code unwrap(Statement.class)} hold.
 */
final class ProxyIdentity {
  /** Returned when the method is not one of these: the proxy must handle it. */
  static final Object NOT_ANSWERED = new Object();

  private ProxyIdentity() {}

  static Object answer(Object proxy, String method, Object[] args, Object delegate) {
    switch (method) {
      case "equals":
        return proxy == args[0];
      case "hashCode":
        return System.identityHashCode(proxy);
      case "toString":
        return "Popoto" + delegate;
      case "unwrap":
        return ((Class<?>) args[0]).isInstance(proxy) ? proxy : NOT_ANSWERED;
      case "isWrapperFor":
        return ((Class<?>) args[0]).isInstance(proxy) ? Boolean.TRUE : NOT_ANSWERED;
      default:
        return NOT_ANSWERED;
    }
  }
}
