package io.popoto.sql.bench;

import io.popoto.sql.catalog.ModelDef;
import io.popoto.sql.testkit.RowSink;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The same rows in PostgreSQL, in a schema of its own that is created at start and dropped at
 * close, with an index on every key and foreign-key column (and on total, which Redis keeps in
 * a zset). Touches nothing outside {@value #SCHEMA}.
 */
final class PostgresBaseline implements RowSink, AutoCloseable {
  static final String SCHEMA = "popoto_bench";
  static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres"
      + "&reWriteBatchedInserts=true&connectTimeout=3";
  private static final int BATCH = 1000;
  private static final Map<String, List<String>> COLUMNS = Map.of(
      "Restaurant", List.of("name", "city", "cuisine", "rating", "price_level"),
      "Customer", List.of("username", "email", "name"),
      "Driver", List.of("name", "phone", "rating"),
      "Order", List.of("customer", "restaurant", "driver", "total", "deliver_by", "tip", "status",
          "items", "note", "created_at", "updated_at"));
  private static final String DDL = String.join(";\n",
      "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE",
      "CREATE SCHEMA " + SCHEMA,
      "CREATE TABLE " + SCHEMA + ".restaurant (_key text PRIMARY KEY, name text, city text,"
          + " cuisine text, rating double precision, price_level bigint)",
      "CREATE TABLE " + SCHEMA + ".customer (_key text PRIMARY KEY, username text, email text,"
          + " name text)",
      "CREATE TABLE " + SCHEMA + ".driver (_key text PRIMARY KEY, name text, phone text,"
          + " rating double precision)",
      "CREATE TABLE " + SCHEMA + ".orders (_key text PRIMARY KEY, customer text,"
          + " restaurant text, driver text, total double precision, deliver_by timestamp,"
          + " tip numeric, status text, items text, note text, created_at timestamp,"
          + " updated_at timestamp)");
  private static final String INDEXES = String.join(";\n",
      "CREATE INDEX ON " + SCHEMA + ".restaurant (name)",
      "CREATE INDEX ON " + SCHEMA + ".restaurant (city)",
      "CREATE INDEX ON " + SCHEMA + ".customer (username)",
      "CREATE INDEX ON " + SCHEMA + ".customer (email)",
      "CREATE INDEX ON " + SCHEMA + ".driver (phone)",
      "CREATE INDEX ON " + SCHEMA + ".orders (customer)",
      "CREATE INDEX ON " + SCHEMA + ".orders (restaurant)",
      "CREATE INDEX ON " + SCHEMA + ".orders (driver)",
      "CREATE INDEX ON " + SCHEMA + ".orders (total)",
      "ANALYZE " + SCHEMA + ".restaurant",
      "ANALYZE " + SCHEMA + ".customer",
      "ANALYZE " + SCHEMA + ".driver",
      "ANALYZE " + SCHEMA + ".orders");

  private final Connection connection;
  private final Map<String, PreparedStatement> inserts = new HashMap<>();
  private final Map<String, Integer> pending = new HashMap<>();

  private PostgresBaseline(Connection connection) throws SQLException {
    this.connection = connection;
    try (Statement s = connection.createStatement()) {
      s.execute(DDL);
    }
    connection.setAutoCommit(false);
  }

  /** Null (after printing why) when PostgreSQL does not answer: the baseline is optional. */
  static PostgresBaseline connect(String url) {
    try {
      return new PostgresBaseline(DriverManager.getConnection(url));
    } catch (SQLException e) {
      System.err.println("PostgreSQL baseline skipped: " + e.getMessage());
      return null;
    }
  }

  /** The baseline's connection: autocommit off, so statements can read through a cursor. */
  Connection connection() {
    return connection;
  }

  @Override
  public void accept(ModelDef model, String key, Map<String, Object> values) {
    List<String> columns = COLUMNS.get(model.name());
    if (columns == null) {
      return;
    }
    try {
      PreparedStatement insert = inserts.computeIfAbsent(model.name(), n -> prepare(n, columns));
      insert.setString(1, key);
      for (int i = 0; i < columns.size(); i++) {
        Object v = values.get(columns.get(i));
        insert.setObject(i + 2, v instanceof List<?> l ? l.toString() : v);
      }
      insert.addBatch();
      if (pending.merge(model.name(), 1, Integer::sum) >= BATCH) {
        insert.executeBatch();
        pending.put(model.name(), 0);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL load failed", e);
    }
  }

  @Override
  public void finish() {
    try {
      for (PreparedStatement insert : inserts.values()) {
        insert.executeBatch();
        insert.close();
      }
      connection.commit();
      connection.setAutoCommit(true);
      try (Statement s = connection.createStatement()) {
        s.execute(INDEXES);
      }
      // Queries read through a cursor (Harness.jdbc): with autocommit on, pgjdbc reads a whole
      // result into memory before the first next(), which at scale 10 is a million orders.
      connection.setAutoCommit(false);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL load failed", e);
    }
  }

  private PreparedStatement prepare(String model, List<String> columns) {
    String table = model.equals("Order") ? "orders" : model.toLowerCase();
    String sql = "INSERT INTO " + SCHEMA + "." + table + " (_key, " + String.join(", ", columns)
        + ") VALUES (?" + ", ?".repeat(columns.size()) + ")";
    try {
      return connection.prepareStatement(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try (Statement s = connection.createStatement()) {
      connection.setAutoCommit(true);
      s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    } catch (SQLException e) {
      System.err.println("could not drop schema " + SCHEMA + ": " + e.getMessage());
    } finally {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // Closing is best effort once the schema is gone.
      }
    }
  }
}
