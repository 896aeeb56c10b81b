package io.popoto.sql.jdbc;

/**
 * The methods every one of our JDBC proxies answers itself rather than its delegate: identity
 * (equals, hashCode), toString, and unwrap/isWrapperFor for the interface the proxy implements,
 * so {@code rs.getStatement() == statement} and {@code unwrap(Statement.class)} hold. The
 * wrapper classes (connection, metadata) answer unwrap/isWrapperFor by the same rule here:
 * themselves for what they implement, else what their delegate wraps.
 */
final class ProxyIdentity {
  /** Returned when the method is not one of these: the proxy must handle it. */
  static final Object NOT_ANSWERED = new Object();

  private ProxyIdentity() {}

  /** {@link java.sql.Wrapper#unwrap} of a wrapper class: itself, or what its delegate wraps. */
  static <T> T unwrap(Object wrapper, java.sql.Wrapper delegate, Class<T> iface)
      throws java.sql.SQLException {
    return iface.isInstance(wrapper) ? iface.cast(wrapper) : delegate.unwrap(iface);
  }

  /** {@link java.sql.Wrapper#isWrapperFor} of a wrapper class, by the rule of {@link #unwrap}. */
  static boolean isWrapperFor(Object wrapper, java.sql.Wrapper delegate, Class<?> iface)
      throws java.sql.SQLException {
    return iface.isInstance(wrapper) || delegate.isWrapperFor(iface);
  }

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
