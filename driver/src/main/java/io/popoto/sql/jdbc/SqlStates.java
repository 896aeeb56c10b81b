package io.popoto.sql.jdbc;

import io.popoto.sql.calcite.PopotoReadException;

/** The SQLStates this driver reports; docs/driver.md lists them for users. */
public final class SqlStates {
  /** Redis cannot be reached (refused, unknown host, timeout). */
  public static final String CONNECTION_UNABLE = "08001";
  /** Redis answered but refused the connection (other than authentication). */
  public static final String CONNECTION_REJECTED = "08004";
  /** The connection has been closed. */
  public static final String CONNECTION_DOES_NOT_EXIST = "08003";
  /** Redis refused the user name or password (WRONGPASS, NOAUTH). */
  public static final String INVALID_AUTHORIZATION = "28000";
  /** A malformed URL or connection property value. */
  public static final String INVALID_PARAMETER_VALUE = "22023";
  /** The catalog file is missing or invalid. */
  public static final String CONFIG_FILE_ERROR = "F0000";
  /** A write or DDL statement: the driver is read-only. */
  public static final String READ_ONLY_TRANSACTION = "25006";
  /** A syntax or validation error in the SQL. */
  public static final String SYNTAX_ERROR_OR_ACCESS_RULE = "42000";
  /** The SQL names a table that does not exist. */
  public static final String UNDEFINED_TABLE = "42S02";
  /** The SQL names a column that does not exist. */
  public static final String UNDEFINED_COLUMN = "42S22";
  /** setSchema names a schema that does not exist. */
  public static final String INVALID_SCHEMA_NAME = "3F000";
  /** A JDBC feature the driver does not offer. */
  public static final String FEATURE_NOT_SUPPORTED = "0A000";
  /** The connection to Redis broke, or Redis did not answer within socketTimeout. */
  public static final String CONNECTION_FAILURE = PopotoReadException.CONNECTION_FAILURE;
  /** Statement.cancel() or the query timeout stopped the query. */
  public static final String QUERY_CANCELED = PopotoReadException.QUERY_CANCELED;
  /** The Redis ACL user may not run a command or read a key (NOPERM). */
  public static final String INSUFFICIENT_PRIVILEGE = PopotoReadException.INSUFFICIENT_PRIVILEGE;
  /** A stored value cannot be read (strict mode), or a key holds the wrong kind of value. */
  public static final String DATA_EXCEPTION = PopotoReadException.DATA_EXCEPTION;
  /** Every pooled Redis connection stayed busy for longer than the pool's wait. */
  public static final String TOO_MANY_CONNECTIONS = PopotoReadException.TOO_MANY_CONNECTIONS;
  /** Any other error reply from Redis, or a failure with no better state. */
  public static final String GENERAL_ERROR = PopotoReadException.REDIS_ERROR;

  /** The statement nests deeper than the planner can follow (JDBC: statement too complex). */
  public static final String STATEMENT_TOO_COMPLEX = "54001";
  /** The statement is too large to compile (e.g. generated code over the JVM's 64 KB limit). */
  public static final String PROGRAM_LIMIT_EXCEEDED = "54000";
  /** The JVM ran out of memory while planning or running the statement. */
  public static final String OUT_OF_MEMORY = "53200";
  /** Division by zero. */
  public static final String DIVISION_BY_ZERO = "22012";
  /** A numeric value out of the range of its type (overflow in a cast or arithmetic). */
  public static final String NUMERIC_VALUE_OUT_OF_RANGE = "22003";
  /** A value that cannot be converted to the requested type (CAST('abc' AS INTEGER), getInt on text). */
  public static final String INVALID_CHARACTER_VALUE_FOR_CAST = "22018";
  /** A statement executed with parameters left unset. */
  public static final String PARAMETER_NOT_SET = "07001";
  /** An unexpected failure inside the driver or Calcite; the cause holds the stack. */
  public static final String INTERNAL_ERROR = "XX000";

  private SqlStates() {}
}
