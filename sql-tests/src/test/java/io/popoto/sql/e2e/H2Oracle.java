package io.popoto.sql.e2e;

import io.popoto.sql.catalog.Catalog;
import io.popoto.sql.catalog.FieldDef;
import io.popoto.sql.catalog.ModelDef;
import io.popoto.sql.codec.GeoPoint;
import io.popoto.sql.codec.PopotoDecodeException;
import io.popoto.sql.codec.ValueCodec;
import io.popoto.sql.redis.PrivateRedis;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.Jedis;

/**
 * The differential test's oracle: an in-memory H2 database holding the same rows as the Redis
 * fixture. Rows are read with plain HGETALL and ValueCodec, not through the SQL layer, so a
 * bug in the adapter's scans or index lookups cannot hide by being in both results.
 */
final class H2Oracle {
  private H2Oracle() {}

  /** Identifiers keep their case but match case-insensitively, like our driver's. */
  static Connection open(String name) throws SQLException {
    return DriverManager.getConnection("jdbc:h2:mem:" + name
        + ";DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE");
  }

  /** The schema's SQL functions that H2 lacks, from the same Java methods. */
  static void addPopotoFunctions(Connection h2) throws SQLException {
    try (Statement st = h2.createStatement()) {
      String cls = "io.popoto.sql.calcite.PopotoFunctions";
      st.execute("CREATE ALIAS IF NOT EXISTS popoto_has_tag FOR \"" + cls + ".hasTag\"");
      st.execute("CREATE ALIAS IF NOT EXISTS popoto_has_all_tags FOR \"" + cls
          + ".hasAllTags\"");
      st.execute("CREATE ALIAS IF NOT EXISTS popoto_has_any_tag FOR \"" + cls
          + ".hasAnyTag\"");
    }
  }

  static void load(Connection h2, Catalog catalog, PrivateRedis redis)
      throws SQLException, PopotoDecodeException {
    ValueCodec codec = new ValueCodec(catalog);
    try (Jedis jedis = new Jedis(redis.host(), redis.port())) {
      for (ModelDef model : catalog.models()) {
        createTable(h2, model);
        insertRows(h2, model, codec, jedis);
      }
    }
  }

  private static void createTable(Connection h2, ModelDef model) throws SQLException {
    List<String> columns = new ArrayList<>();
    columns.add("\"_key\" VARCHAR PRIMARY KEY");
    for (FieldDef f : model.fields()) {
      if (!f.hasColumn()) {
        continue;
      }
      if (f.isGeo()) {
        columns.add(quote(f.name() + "_latitude") + " DOUBLE PRECISION");
        columns.add(quote(f.name() + "_longitude") + " DOUBLE PRECISION");
      } else {
        columns.add(quote(f.name()) + " " + h2Type(f));
      }
    }
    try (Statement st = h2.createStatement()) {
      st.execute("CREATE TABLE " + quote(model.name()) + " (" + String.join(", ", columns) + ")");
    }
  }

  /** The architecture's SQL types; DECFLOAT keeps each value's own scale like Popoto's text. */
  private static String h2Type(FieldDef f) {
    switch (f.type()) {
      case INT: return "BIGINT";
      case FLOAT: return "DOUBLE PRECISION";
      case BOOL: return "BOOLEAN";
      case BYTES: return "VARBINARY";
      case DECIMAL: return "DECFLOAT";
      case DATE: return "DATE";
      case TIME: return "TIME(3)";
      case DATETIME: return "TIMESTAMP(3)";
      default: return "VARCHAR";
    }
  }

  private static void insertRows(Connection h2, ModelDef model, ValueCodec codec, Jedis jedis)
      throws SQLException, PopotoDecodeException {
    List<Object[]> rows = new ArrayList<>();
    for (String key : jedis.smembers("$Class:" + model.name())) {
      Map<String, byte[]> hash = new HashMap<>();
      jedis.hgetAll(key.getBytes(StandardCharsets.UTF_8)).forEach(
          (k, v) -> hash.put(new String(k, StandardCharsets.UTF_8), v));
      if (hash.isEmpty()) {
        continue; // a stale $Class member: the instance is gone
      }
      List<Object> row = new ArrayList<>();
      row.add(key);
      for (FieldDef f : model.fields()) {
        if (!f.hasColumn()) {
          continue;
        }
        byte[] raw = hash.get(f.name());
        Object value = f.isCappedList()
            ? codec.decodeCappedList(key, f, jedis.lrange(io.popoto.sql.codec.IndexKeys
                .cappedList(key, f).getBytes(StandardCharsets.UTF_8), 0, -1))
            : raw == null ? codec.defaultValue(f) : codec.decode(key, f, raw);
        if (f.isGeo()) {
          GeoPoint p = (GeoPoint) value;
          row.add(p == null ? null : p.latitude());
          row.add(p == null ? null : p.longitude());
        } else {
          row.add(value);
        }
      }
      rows.add(row.toArray());
    }
    if (rows.isEmpty()) {
      return;
    }
    String marks = String.join(", ", java.util.Collections.nCopies(rows.get(0).length, "?"));
    try (PreparedStatement ps = h2.prepareStatement(
        "INSERT INTO " + quote(model.name()) + " VALUES (" + marks + ")")) {
      for (Object[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          ps.setObject(i + 1, row[i]);
        }
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
