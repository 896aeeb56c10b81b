package io.popoto.sql.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.jdbc.CalciteConnection;

/**
 * The prepared statements of a connection's metadata queries, kept for reuse: planning and
 * compiling a query over the catalog schema costs far more than running it, and schema tools
 * call getColumns once per table. A statement is reused only once the result set it produced
 * is closed (re-executing an Avatica statement would close a result set still being read), so
 * nested calls of the same kind each get their own statement. Callers hold the connection's
 * metadata lock.
 */
final class MetadataStatements {
  /** Idle statements kept per query text; more are closed on release. */
  private static final int IDLE_PER_QUERY = 2;

  private final CalciteConnection calcite;
  private final Map<String, Deque<PreparedStatement>> idle = new HashMap<>();

  MetadataStatements(CalciteConnection calcite) {
    this.calcite = calcite;
  }

  /** Runs {@code sql} with {@code parameters}; closing the result frees the statement. */
  ResultSet run(String sql, List<Object> parameters, Object lock) throws SQLException {
    PreparedStatement statement = take(sql);
    try {
      for (int i = 0; i < parameters.size(); i++) {
        statement.setObject(i + 1, parameters.get(i));
      }
      return ReadOnlyResultSet.wrapMetadata(statement.executeQuery(),
          () -> release(sql, statement, lock));
    } catch (SQLException | RuntimeException e) {
      statement.close();
      throw e;
    }
  }

  private PreparedStatement take(String sql) throws SQLException {
    Deque<PreparedStatement> free = idle.get(sql);
    while (free != null && !free.isEmpty()) {
      PreparedStatement s = free.pop();
      if (!s.isClosed()) {
        return s;
      }
    }
    return calcite.prepareStatement(sql);
  }

  private void release(String sql, PreparedStatement statement, Object lock) {
    synchronized (lock) {
      try {
        Deque<PreparedStatement> free = idle.computeIfAbsent(sql, k -> new ArrayDeque<>());
        if (free.size() < IDLE_PER_QUERY && !statement.isClosed()) {
          statement.clearParameters();
          free.push(statement);
        } else {
          statement.close();
        }
      } catch (SQLException e) {
        // a statement that cannot be reset is simply not reused
      }
    }
  }
}
