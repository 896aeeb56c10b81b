package io.popoto.sql.jdbc;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Locale;

/** Maps a failure to reach or log in to Redis to an SQLException naming host:port, not secrets. */
final class RedisErrors {
  private RedisErrors() {}

  static SQLException connectFailure(RuntimeException e, ConnectionUrl url, String password) {
    String where = url.host() + ":" + url.port();
    String redisSays = redact(deepestMessage(e), password);
    SQLException tls = TlsErrors.explain(e, url, where);
    if (tls != null) {
      return tls;
    }
    for (Throwable c = e; c != null; c = c.getCause()) {
      String type = c.getClass().getSimpleName();
      String msg = c.getMessage() == null ? "" : c.getMessage().toUpperCase(Locale.ROOT);
      if (type.equals("JedisAccessControlException") || msg.startsWith("WRONGPASS")
          || msg.startsWith("NOAUTH") || msg.contains("INVALID PASSWORD")
          || msg.contains("AUTH <PASSWORD> CALLED WITHOUT ANY PASSWORD CONFIGURED")) {
        return new SQLException("Redis at " + where + " refused the credentials"
            + (url.get(PopotoProperty.USER) == null ? "" : " of user '"
            + url.get(PopotoProperty.USER) + "'") + ": " + redisSays,
            SqlStates.INVALID_AUTHORIZATION, e);
      }
      if (c instanceof ConnectException || c instanceof UnknownHostException
          || c instanceof SocketTimeoutException) {
        return new SQLException("Cannot connect to Redis at " + where + ": " + redisSays,
            SqlStates.CONNECTION_UNABLE, e);
      }
    }
    if (e.getClass().getSimpleName().equals("JedisConnectionException")) {
      return new SQLException("Cannot connect to Redis at " + where + ": " + redisSays,
          SqlStates.CONNECTION_UNABLE, e);
    }
    return new SQLException("Redis at " + where + " rejected the connection: " + redisSays,
        SqlStates.CONNECTION_REJECTED, e);
  }

  static String deepestMessage(Throwable e) {
    String msg = e.getMessage();
    for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
      if (c.getMessage() != null) {
        msg = c.getMessage();
      }
    }
    return msg == null ? e.getClass().getSimpleName() : msg;
  }

  /** Belt and braces: no Redis reply should echo a password, but a message never will. */
  static String redact(String message, String password) {
    if (message == null || password == null || password.isEmpty()) {
      return message;
    }
    return message.replace(password, "***");
  }
}
