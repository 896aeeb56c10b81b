package io.popoto.sql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.sql.SQLClientInfoException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import org.junit.jupiter.api.Test;

/** Whatever a call threw becomes an SQLException with a SQLState and a message. */
class FailuresTest {
  private static SQLException of(Throwable t) {
    SQLException e = Failures.toSqlException(t, "Statement.executeQuery");
    assertNotNull(e.getSQLState(), String.valueOf(e));
    assertNotNull(e.getMessage());
    assertFalse(e.getMessage().isBlank());
    return e;
  }

  /** As Avatica wraps a failure of generated code. */
  private static SQLException calcite(Throwable cause) {
    return new SQLException("Error while executing SQL \"SELECT ...\": " + cause.getMessage(),
        null, 0, new RuntimeException(cause));
  }

  @Test
  void errorsAndRuntimeFailuresGetTheirStates() {
    assertEquals("54001", of(new StackOverflowError()).getSQLState());
    assertEquals("54001", of(calcite(new StackOverflowError())).getSQLState());
    assertEquals("53200", of(new OutOfMemoryError("Java heap space")).getSQLState());
    assertEquals("53200", of(calcite(new OutOfMemoryError())).getSQLState());
    assertEquals("22012", of(calcite(new ExceptionInInitializerError(
        new ArithmeticException("/ by zero")))).getSQLState());
    assertEquals("22003", of(new ArithmeticException("Value 20000000000 out of range"))
        .getSQLState());
    assertEquals("22018", of(calcite(new NumberFormatException("For input string: \"abc\"")))
        .getSQLState());
    assertEquals("0A000", of(new UnsupportedOperationException()).getSQLState());
    assertEquals("54000", of(calcite(new RuntimeException("Code grows beyond 64 KB")))
        .getSQLState());
    assertEquals("XX000", of(new AssertionError("not a query")).getSQLState());
    assertEquals("XX000", of(new RuntimeException("todo: implement this method"))
        .getSQLState());
  }

  @Test
  void aDroppedMessageIsNoProblem() {
    // HotSpot's OmitStackTraceInFastThrow: a repeated NPE comes without message or stack.
    SQLException e = of(new NullPointerException());
    assertEquals("XX000", e.getSQLState());
    assertEquals("XX000", of(calcite(new NullPointerException())).getSQLState());
    assertEquals("HY000", of(new SQLException((String) null)).getSQLState());
    assertEquals("", ErrorTranslator.firstLine(null));
  }

  @Test
  void avaticaStatelessExceptionsGetStatesAndKeepTheirKind() {
    SQLException unsupported = of(new SQLFeatureNotSupportedException());
    assertEquals("0A000", unsupported.getSQLState());
    assertEquals("Statement.executeQuery is not supported", unsupported.getMessage());
    assertEquals(SQLFeatureNotSupportedException.class, unsupported.getClass());
    SQLException conversion = of(new SQLDataException("cannot convert to long (accessor)"));
    assertEquals("22018", conversion.getSQLState());
    assertEquals(SQLDataException.class, conversion.getClass());
    assertEquals("07001", of(new SQLException("exception while executing query: unbound "
        + "parameter")).getSQLState());
    assertEquals(SQLClientInfoException.class, of(new SQLClientInfoException()).getClass());
  }

  @Test
  void aGeneralStateGivesWayToTheCause() {
    SQLException general = new SQLException("/ by zero", "HY000",
        new RuntimeException(new ArithmeticException("/ by zero")));
    assertEquals("22012", of(general).getSQLState());
    assertEquals("HY000", of(new SQLException("Redis error: ERR x", "HY000")).getSQLState());
  }

  @Test
  void statesAlreadyGivenStay() {
    SQLException ours = new SQLException("read-only", "25006");
    assertSame(ours, of(ours));
    SQLException strict = new SQLException("undecodable value of Order:1 field total", "22000");
    assertEquals("22000", of(new RuntimeException(strict)).getSQLState());
  }
}
