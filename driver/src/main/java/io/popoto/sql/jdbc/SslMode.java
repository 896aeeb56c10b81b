package io.popoto.sql.jdbc;

import java.sql.SQLException;
import java.util.Locale;

/**
 * pgjdbc's {@code sslmode} values that make sense for Redis. pgjdbc's {@code allow} and
 * {@code prefer} are left out: Redis has no in-band TLS negotiation to fall back from, a TLS port
 * speaks only TLS.
 */
enum SslMode {
  /** Plain TCP. */
  DISABLE("disable"),
  /** TLS, but any server certificate is accepted (encryption without authentication). */
  REQUIRE("require"),
  /** TLS; the server certificate must chain to {@code sslrootcert} (else the JVM truststore). */
  VERIFY_CA("verify-ca"),
  /** As {@link #VERIFY_CA}, and the certificate must also name the host of the URL. */
  VERIFY_FULL("verify-full");

  static final String[] CHOICES = {"disable", "require", "verify-ca", "verify-full"};

  private final String value;

  SslMode(String value) {
    this.value = value;
  }

  String value() {
    return value;
  }

  boolean tls() {
    return this != DISABLE;
  }

  boolean verifiesChain() {
    return this == VERIFY_CA || this == VERIFY_FULL;
  }

  /**
   * The mode in force: the {@code sslmode} property, else {@code verify-full} for
   * {@code rediss://} (a TLS URL asks for a secure connection) and {@code disable} for
   * {@code redis://}.
   *
   * @throws SQLException (22023) for an unknown value, or {@code sslmode=disable} on a
   *     {@code rediss://} URL, which contradicts itself
   */
  static SslMode of(ConnectionUrl url) throws SQLException {
    String v = url.get(PopotoProperty.SSLMODE);
    if (v == null) {
      return url.ssl() ? VERIFY_FULL : DISABLE;
    }
    for (SslMode m : values()) {
      if (m.value.equals(v.toLowerCase(Locale.ROOT))) {
        if (m == DISABLE && url.ssl()) {
          throw new SQLException("Invalid value for connection property sslmode: 'disable' "
              + "contradicts the rediss:// URL; use redis:// for a plain connection",
              SqlStates.INVALID_PARAMETER_VALUE);
        }
        return m;
      }
    }
    throw new SQLException("Invalid value for connection property sslmode: '" + v
        + "'; expected one of " + String.join(", ", CHOICES), SqlStates.INVALID_PARAMETER_VALUE);
  }
}
