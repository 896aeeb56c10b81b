package io.popoto.sql.jdbc;

import java.sql.SQLClientInfoException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.util.Locale;
import java.util.Map;

/**
 * Turns whatever a JDBC call threw into the one kind of failure a caller may see: an
 * SQLException with a SQLState and a message. Calcite and Avatica throw SQLExceptions without a
 * state, wrap runtime failures of generated code (a division by zero surfaces as an
 * ExceptionInInitializerError), and let errors such as StackOverflowError through; each is
 * classified by the first throwable in its cause chain that says what went wrong. The original
 * stays the cause.
 */
final class Failures {
  private static final int MAX_DETAIL = 300;

  private Failures() {}

  /**
   * @param t what the call threw
   * @param operation the JDBC call, such as {@code ResultSet.getInt}, for messages that have none
   */
  static SQLException toSqlException(Throwable t, String operation) {
    SQLException exhausted = resourceExhausted(t);
    if (exhausted != null) {
      return exhausted; // even where Calcite's parser wrapped it as a syntax error
    }
    if (t instanceof SQLException e && e.getSQLState() != null
        && !e.getSQLState().equals(SqlStates.GENERAL_ERROR) && e.getMessage() != null
        && e.getSQLState().equals("57014")) {
      return e; // the statement's own word on a timeout or cancel, not where it was noticed
    }
    if (t instanceof SQLException e) {
      SQLException translated = ErrorTranslator.translate(e);
      String state = translated.getSQLState();
      if (state != null && !state.equals(SqlStates.GENERAL_ERROR)
          && translated.getMessage() != null) {
        return translated;
      }
      t = translated; // no state, or only the general one: the cause may say more
    }
    SQLException classified = classify(t);
    if (classified != null) {
      return classified;
    }
    if (t instanceof SQLException e && e.getSQLState() != null && e.getMessage() != null) {
      return e;
    }
    if (t instanceof SQLException e) {
      Throwable bug = bug(e);
      if (e.getSQLState() == null && bug != null) {
        return internalError(operation, bug, e);
      }
      String state = e.getSQLState() != null ? e.getSQLState() : stateOf(e);
      String message = e.getMessage() != null ? withoutStatement(e.getMessage())
          : state.equals(SqlStates.FEATURE_NOT_SUPPORTED) ? operation + " is not supported"
          : operation + " failed";
      return sameKind(e, message, state);
    }
    return internalError(operation, t, t);
  }

  private static SQLException internalError(String operation, Throwable bug, Throwable top) {
    return new SQLException("Internal error in " + operation + ": " + describe(bug),
        SqlStates.INTERNAL_ERROR, top);
  }

  /**
   * A programming error in the chain (ours or Calcite's), reported as XX000 rather than a
   * general error: NullPointerException, ClassCastException, AssertionError and the like.
   */
  private static Throwable bug(Throwable top) {
    for (Throwable c = top; c != null; c = next(c)) {
      if (c instanceof NullPointerException || c instanceof ClassCastException
          || c instanceof AssertionError || c instanceof IndexOutOfBoundsException
          || c instanceof IllegalStateException || c instanceof LinkageError) {
        return c;
      }
    }
    return null;
  }

  /** Avatica's "Error while executing SQL "...": reason" repeats the statement, however long. */
  private static String withoutStatement(String message) {
    String prefix = "Error while executing SQL \"";
    int end = message.startsWith(prefix) ? message.indexOf("\": ", prefix.length()) : -1;
    return end < 0 ? message : message.substring(end + 3);
  }

  /** A stack overflow or memory exhaustion anywhere in the chain, or null. */
  private static SQLException resourceExhausted(Throwable top) {
    for (Throwable c = top; c != null; c = next(c)) {
      if (c instanceof StackOverflowError) {
        return StatementLimits.tooComplex("it nests too deeply to plan", top);
      }
      if (c instanceof OutOfMemoryError) {
        return new SQLException("Out of memory while planning or running the statement ("
            + detail(c) + "); narrow it with a filter or LIMIT", SqlStates.OUT_OF_MEMORY, top);
      }
    }
    return null;
  }

  /** The failure named by the first throwable in the chain we recognise, or null. */
  private static SQLException classify(Throwable top) {
    for (Throwable c = top; c != null; c = next(c)) {
      if (c instanceof ArithmeticException) {
        boolean byZero = detail(c).toLowerCase(Locale.ROOT).contains("by zero");
        return new SQLDataException(byZero ? "Division by zero"
            : "Numeric value out of range: " + detail(c),
            byZero ? SqlStates.DIVISION_BY_ZERO : SqlStates.NUMERIC_VALUE_OUT_OF_RANGE, top);
      }
      if (c instanceof NumberFormatException) {
        return new SQLDataException("Invalid value for a numeric type: " + detail(c),
            SqlStates.INVALID_CHARACTER_VALUE_FOR_CAST, top);
      }
      if (detail(c).contains("Code grows beyond 64 KB")
          || detail(c).contains("too many constants")) {
        return new SQLException("Statement too large to compile (generated code over the "
            + "JVM's 64 KB method limit); shorten its expressions or lists",
            SqlStates.PROGRAM_LIMIT_EXCEEDED, top);
      }
      if (c instanceof UnsupportedOperationException) {
        return new SQLFeatureNotSupportedException("Not supported: " + detail(c),
            SqlStates.FEATURE_NOT_SUPPORTED, top);
      }
      if (c instanceof SQLException e && e != top && e.getSQLState() != null
          && e.getMessage() != null) {
        return sameKind(e, e.getMessage(), e.getSQLState()); // ours, wrapped by Calcite
      }
      if (c.getClass().getName().startsWith("redis.clients.jedis.")) {
        boolean lost = c.getClass().getSimpleName().equals("JedisConnectionException");
        return lost
            ? new SQLNonTransientConnectionException("Lost the connection to Redis: "
                + detail(c), "08006", top)
            : new SQLException("Redis error: " + detail(c), SqlStates.GENERAL_ERROR, top);
      }
    }
    return null;
  }

  /** The state of an SQLException Avatica left without one, from its kind and message. */
  private static String stateOf(SQLException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (e instanceof SQLFeatureNotSupportedException) {
      return SqlStates.FEATURE_NOT_SUPPORTED;
    }
    if (e instanceof SQLDataException) {
      return message.startsWith("cannot convert") ? SqlStates.INVALID_CHARACTER_VALUE_FOR_CAST
          : SqlStates.DATA_EXCEPTION;
    }
    if (e instanceof SQLSyntaxErrorException) {
      return SqlStates.SYNTAX_ERROR_OR_ACCESS_RULE;
    }
    if (e instanceof SQLTimeoutException) {
      return "57014";
    }
    if (message.contains("unbound parameter")) {
      return SqlStates.PARAMETER_NOT_SET;
    }
    if (message.toLowerCase(Locale.ROOT).contains("connection is closed")) {
      return SqlStates.CONNECTION_DOES_NOT_EXIST;
    }
    return SqlStates.GENERAL_ERROR;
  }

  /** A copy with the given message and state, of the same JDBC subclass where that matters. */
  private static SQLException sameKind(SQLException e, String message, String state) {
    if (e instanceof SQLClientInfoException info) {
      return new SQLClientInfoException(message, state, e.getErrorCode(),
          info.getFailedProperties(), e);
    }
    if (e instanceof SQLFeatureNotSupportedException || state.startsWith("0A")) {
      return new SQLFeatureNotSupportedException(message, state, e.getErrorCode(), e);
    }
    if (e instanceof SQLDataException || state.startsWith("22")) {
      return new SQLDataException(message, state, e.getErrorCode(), e);
    }
    if (e instanceof SQLSyntaxErrorException || state.startsWith("42")) {
      return new SQLSyntaxErrorException(message, state, e.getErrorCode(), e);
    }
    if (e instanceof SQLTimeoutException) {
      return new SQLTimeoutException(message, state, e.getErrorCode(), e);
    }
    return new SQLException(message, state, e.getErrorCode(), e);
  }

  /** An SQLClientInfoException, for the Connection methods that may throw nothing else. */
  static SQLClientInfoException asClientInfo(SQLException e) {
    return e instanceof SQLClientInfoException info ? info
        : new SQLClientInfoException(e.getMessage(), e.getSQLState(), e.getErrorCode(),
            Map.of(), e);
  }

  private static Throwable next(Throwable c) {
    Throwable cause = c instanceof ExceptionInInitializerError init && init.getException() != null
        ? init.getException() : c.getCause();
    return cause == c ? null : cause;
  }

  /** The first line of a throwable's message, shortened; never null (messages can be dropped). */
  static String detail(Throwable t) {
    String message = t.getMessage();
    if (message == null || message.isBlank()) {
      return t.getClass().getSimpleName();
    }
    String first = ErrorTranslator.firstLine(message);
    return first.length() <= MAX_DETAIL ? first : first.substring(0, MAX_DETAIL) + "...";
  }

  private static String describe(Throwable t) {
    String message = t.getMessage();
    return t.getClass().getSimpleName()
        + (message == null || message.isBlank() ? "" : ": " + detail(t));
  }
}
