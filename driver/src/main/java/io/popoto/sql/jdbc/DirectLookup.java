package io.popoto.sql.jdbc;

import io.popoto.sql.calcite.PointLookup;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.avatica.AvaticaPreparedStatement;
import org.apache.calcite.avatica.AvaticaResultSet;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.remote.TypedValue;
import org.apache.calcite.jdbc.CalciteJdbc41Factory;

/**
 * Runs a prepared {@link PointLookup} the short way: {@code executeQuery()} makes the one call
 * the plan's generated code would make and hands the rows to a result set Avatica builds from
 * the statement's own signature, as its {@code executeQueryInternal} does (same accessors,
 * metadata, getters, maxRows). What it skips is Calcite's per-execution work: a DataContext
 * (which parses the connection properties again for time zone and locale), binding the plan.
 *
 * <p>Avatica keeps what this needs protected (the open result set, the parameter values), so
 * it is reached by reflection, as {@link GuardedStatement} reaches the cancel flag; when it
 * cannot be, or a statement is in a state this does not handle (closed, a parameter unbound),
 * the statement runs the usual way, which also reports any error the usual way.
 */
final class DirectLookup {
  private static final Field OPEN_RESULT_SET = field("openResultSet");
  private static final Field UPDATE_COUNT = field("updateCount");
  private static final Method PARAMETER_VALUES = method(AvaticaPreparedStatement.class,
      "getParameterValues");
  private static final Method SIGNATURE = method(AvaticaStatement.class, "getSignature");
  /** Calcite's result sets, as the connection's own factory makes them (it holds no state). */
  private static final CalciteJdbc41Factory RESULT_SETS = new CalciteJdbc41Factory();

  private final AvaticaPreparedStatement statement;
  private final PointLookup lookup;
  private final Meta.Signature signature;
  private final boolean scalar;
  /** The connection's time zone: fixed at connect time, so asked once, not per execution. */
  private final TimeZone timeZone;

  private DirectLookup(AvaticaPreparedStatement statement, PointLookup lookup,
      Meta.Signature signature, boolean scalar, TimeZone timeZone) {
    this.statement = statement;
    this.lookup = lookup;
    this.signature = signature;
    this.scalar = scalar;
    this.timeZone = timeZone;
  }

  /** The short way for {@code prepared}, or null when it must run the usual way. */
  static DirectLookup of(PreparedStatement prepared, PointLookup lookup) {
    if (lookup == null || OPEN_RESULT_SET == null || UPDATE_COUNT == null
        || PARAMETER_VALUES == null || SIGNATURE == null) {
      return null;
    }
    try {
      AvaticaPreparedStatement avatica = prepared.unwrap(AvaticaPreparedStatement.class);
      Meta.Signature signature = (Meta.Signature) SIGNATURE.invoke(avatica);
      if (signature == null || signature.cursorFactory == null
          || signature.parameters.size() != lookup.parameterCount()) {
        return null;
      }
      Meta.Style style = signature.cursorFactory.style;
      if (style != Meta.Style.ARRAY && style != Meta.Style.OBJECT) {
        return null; // rows in a shape the generated code would not have made either
      }
      return new DirectLookup(avatica, lookup, signature, style == Meta.Style.OBJECT,
          avatica.getConnection().getTimeZone());
    } catch (ReflectiveOperationException | SQLException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Runs the lookup; null when the statement must run the usual way instead.
   *
   * @param cancel the statement's cancel flag, as Calcite hands it to the plan
   */
  ResultSet executeQuery(AtomicBoolean cancel) throws SQLException {
    if (statement.isClosed()) {
      return null;
    }
    Object[] params;
    try {
      @SuppressWarnings("unchecked")
      List<TypedValue> values = (List<TypedValue>) PARAMETER_VALUES.invoke(statement);
      if (values.size() != lookup.parameterCount()
          || MetaImpl.checkParameterValueHasNull(values)) {
        return null;
      }
      params = new Object[values.size()];
      for (int i = 0; i < params.length; i++) {
        params[i] = values.get(i).toLocal(); // as Calcite binds ?i
      }
      if (!lookup.accepts(params)) {
        return null;
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
    AvaticaResultSet rs;
    try {
      synchronized (statement) {
        AvaticaResultSet previous = (AvaticaResultSet) OPEN_RESULT_SET.get(statement);
        if (previous != null) {
          OPEN_RESULT_SET.set(statement, null);
          previous.close();
        }
        UPDATE_COUNT.setLong(statement, -1);
        rs = RESULT_SETS.newResultSet(statement, new QueryState(signature.sql), signature,
            timeZone, null);
        OPEN_RESULT_SET.set(statement, rs);
      }
    } catch (IllegalAccessException e) {
      return null;
    }
    // Outside the monitor, as Avatica runs it, so that cancel() can get in.
    try {
      rs.execute2(MetaImpl.createCursor(signature.cursorFactory,
          lookup.rows(params, cancel, scalar)), signature.columns);
    } catch (RuntimeException e) {
      throw new SQLException("exception while executing query: " + e.getMessage(), e);
    }
    return rs;
  }

  private static Field field(String name) {
    try {
      Field f = AvaticaStatement.class.getDeclaredField(name);
      f.setAccessible(true);
      return f;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null; // every statement then runs the usual way
    }
  }

  private static Method method(Class<?> owner, String name) {
    try {
      Method m = owner.getDeclaredMethod(name);
      m.setAccessible(true);
      return m;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
