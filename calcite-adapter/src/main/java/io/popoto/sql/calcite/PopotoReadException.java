package io.popoto.sql.calcite;

/**
 * A read that cannot go on: a value that cannot be decoded in strict mode, a lost connection, a
 * refused command, a canceled query. It carries the SQLState the driver reports, so the driver
 * never has to guess from a message.
 */
public class PopotoReadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A stored value that cannot be read (strict mode), or a Redis reply about the data. */
  public static final String DATA_EXCEPTION = "22000";
  /** The connection to Redis broke, or Redis did not answer within the socket timeout. */
  public static final String CONNECTION_FAILURE = "08006";
  /** Statement.cancel() or the query timeout stopped the query. */
  public static final String QUERY_CANCELED = "57014";
  /** The Redis ACL user may not run a command or read a key (NOPERM). */
  public static final String INSUFFICIENT_PRIVILEGE = "42501";
  /** Every pooled connection stayed busy for longer than the wait allows. */
  public static final String TOO_MANY_CONNECTIONS = "53300";
  /** Any other error reply from Redis. */
  public static final String REDIS_ERROR = "HY000";

  private final String sqlState;

  /** A strict-mode decode failure ({@value #DATA_EXCEPTION}). */
  public PopotoReadException(String message, Throwable cause) {
    this(DATA_EXCEPTION, message, cause);
  }

  public PopotoReadException(String sqlState, String message, Throwable cause) {
    super(message, cause);
    this.sqlState = sqlState;
  }

  public String sqlState() {
    return sqlState;
  }
}
