package io.popoto.sql.jdbc;

import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.sql.SQLException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Says why a TLS connection failed, in terms of the sslmode properties: a server certificate
 * not signed by the trusted CA, one that does not name the host, a server that wants a client
 * certificate, a port that does not speak TLS (or does, to a plain client).
 */
final class TlsErrors {
  private TlsErrors() {}

  /** @return null when {@code e} is not a TLS problem */
  static SQLException explain(RuntimeException e, ConnectionUrl url, String where) {
    SslMode mode;
    try {
      mode = SslMode.of(url);
    } catch (SQLException alreadyReported) {
      return null;
    }
    String detail = null;
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof SSLException || c instanceof CertificateException
          || c instanceof CertPathValidatorException) {
        detail = c.getMessage();
      }
    }
    String all = messages(e).toLowerCase(Locale.ROOT);
    if (!mode.tls()) {
      if (all.contains("unexpected end of stream") || all.contains("connection reset")
          || all.contains("read timed out")) {
        // A TLS port answers a plaintext command with silence, or by closing.
        return failure(where, mode, RedisErrors.redact(RedisErrors.deepestMessage(e),
            url.get(PopotoProperty.PASSWORD))
            + "; if it is a TLS port, use rediss:// or sslmode=require", e);
      }
      return null;
    }
    String hint;
    if (all.contains("unsupported or unrecognized ssl message")
        || all.contains("plaintext connection")) {
      hint = "the port does not speak TLS; use redis:// without sslmode for a plain port";
    } else if (all.contains("no subject alternative") || all.contains("no name matching")) {
      hint = "the server's certificate does not name the host '" + url.host() + "' (sslmode="
          + "verify-full); connect with a name the certificate lists, or use sslmode=verify-ca";
    } else if (all.contains("pkix path") || all.contains("certification path")
        || all.contains("path does not chain") || all.contains("signature check failed")) {
      String roots = url.get(PopotoProperty.SSLROOTCERT);
      hint = "the server's certificate is not signed by a CA in "
          + (roots == null ? "the JVM truststore; give sslrootcert=<CA PEM file>"
          : "sslrootcert (" + roots + ")")
          + ", or use sslmode=require to encrypt without verifying";
    } else if (all.contains("certificate_required") || all.contains("bad_certificate")
        || all.contains("unknown_ca") || all.contains("handshake_failure")
        || detail == null && (all.contains("unexpected end of stream")
        || all.contains("connection reset") || all.contains("broken pipe"))) {
      hint = url.get(PopotoProperty.SSLCERT) == null
          ? "the server requires a client certificate (tls-auth-clients); give sslcert and sslkey"
          : "the server rejected the client certificate in sslcert ("
              + url.get(PopotoProperty.SSLCERT) + ")";
    } else if (detail == null && all.contains("read timed out")) {
      hint = "no answer to the TLS handshake within socketTimeout; the port may not speak TLS "
          + "(use redis:// without sslmode for a plain port)";
    } else if (detail != null) {
      hint = detail;
    } else {
      return null;
    }
    return failure(where, mode, hint + (detail == null || hint.equals(detail) ? ""
        : " [" + detail + "]"), e);
  }

  private static SQLException failure(String where, SslMode mode, String why, Throwable e) {
    return new SQLException("Cannot connect to Redis at " + where
        + (mode.tls() ? " over TLS (sslmode=" + mode.value() + ")" : "") + ": " + why,
        SqlStates.CONNECTION_UNABLE, e);
  }

  private static String messages(Throwable e) {
    StringBuilder sb = new StringBuilder();
    for (Throwable c = e; c != null; c = c.getCause()) {
      sb.append(c.getClass().getSimpleName()).append(": ").append(c.getMessage()).append('\n');
    }
    return sb.toString();
  }
}
