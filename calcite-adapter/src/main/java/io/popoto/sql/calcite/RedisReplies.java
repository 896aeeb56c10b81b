package io.popoto.sql.calcite;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.function.Supplier;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Turns what Jedis throws into a {@link PopotoReadException} that names the server, the command
 * and the key: Redis's own replies name neither ("NOPERM this user has no permissions to access
 * one of the keys used as arguments"), so the place that sent the command supplies them.
 */
final class RedisReplies {
  private RedisReplies() {}

  /** One command's reply; an error reply becomes an exception naming command and key. */
  static <T> T call(RedisSource source, String command, String key, Supplier<T> send) {
    try {
      return send.get();
    } catch (JedisDataException e) {
      throw refused(source, command, key, e);
    }
  }

  /** A pipelined reply; an error reply becomes an exception naming command and key. */
  static <T> T get(RedisSource source, Response<T> reply, String command, String key) {
    try {
      return reply.get();
    } catch (JedisDataException e) {
      throw refused(source, command, key, e);
    }
  }

  /** WRONGTYPE: the key holds another kind of value than the command reads. */
  static boolean isWrongType(JedisDataException e) {
    return e.getMessage() != null && e.getMessage().startsWith("WRONGTYPE");
  }

  static boolean isConnectionFailure(Throwable e) {
    return find(e, JedisConnectionException.class) != null;
  }

  static boolean isTimeout(Throwable e) {
    return find(e, SocketTimeoutException.class) != null;
  }

  /** The connection broke or timed out ({@value PopotoReadException#CONNECTION_FAILURE}). */
  static PopotoReadException lost(RedisSource source, JedisException e) {
    String where = source.address();
    String message;
    if (isTimeout(e)) {
      message = "Redis at " + where + " did not answer within the socket timeout of "
          + source.settings().socketTimeoutMillis() + " ms (socketTimeout)";
    } else if (find(e, ConnectException.class) != null) {
      message = "Lost the connection to Redis at " + where + " and could not reconnect: "
          + deepestMessage(e);
    } else {
      message = "Lost the connection to Redis at " + where + ": " + deepestMessage(e);
    }
    return new PopotoReadException(PopotoReadException.CONNECTION_FAILURE, message, e);
  }

  /**
   * An error reply: NOPERM ({@value PopotoReadException#INSUFFICIENT_PRIVILEGE}) says what to
   * grant, WRONGTYPE is a data error ({@value PopotoReadException#DATA_EXCEPTION}), anything
   * else is reported as Redis said it ({@value PopotoReadException#REDIS_ERROR}).
   *
   * @param command null when not known
   * @param key null for a command without a key, or when not known
   */
  static PopotoReadException refused(RedisSource source, String command, String key,
      JedisException e) {
    String reply = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String what = (command == null ? "a command" : command)
        + (key == null ? "" : " on key '" + key + "'");
    if (reply.startsWith("NOPERM")) {
      String user = source.config().user() == null ? "default" : source.config().user();
      // Redis says whether the command or a key was refused, but names neither
      boolean commandRefused = key == null || reply.contains("to run the");
      String grant = commandRefused
          ? (command == null ? "" : " (grant it with ACL SETUSER " + user + " +"
              + command.toLowerCase(java.util.Locale.ROOT) + ")")
          : " (grant a key pattern such as ~" + keyPattern(key) + ")";
      return new PopotoReadException(PopotoReadException.INSUFFICIENT_PRIVILEGE,
          "Redis user '" + user + "' at " + source.address() + " may not run " + what + grant
              + ": " + reply, e);
    }
    if (reply.startsWith("WRONGTYPE")) {
      return new PopotoReadException(PopotoReadException.DATA_EXCEPTION,
          "Redis at " + source.address() + " refused " + what + ": " + reply, e);
    }
    return new PopotoReadException(PopotoReadException.REDIS_ERROR,
        "Redis at " + source.address() + " answered " + what + " with an error: " + reply, e);
  }

  /** The key's first segment as an ACL pattern: {@code $KeyF:Order:...} gives {@code $KeyF:*}. */
  static String keyPattern(String key) {
    int colon = key.indexOf(':');
    return colon < 0 ? key : key.substring(0, colon + 1) + "*";
  }

  private static String deepestMessage(Throwable e) {
    String msg = e.getMessage();
    for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      if (c.getMessage() != null) {
        msg = c.getMessage();
      }
    }
    return msg == null ? e.getClass().getSimpleName() : msg;
  }

  private static <T extends Throwable> T find(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    return null;
  }
}
