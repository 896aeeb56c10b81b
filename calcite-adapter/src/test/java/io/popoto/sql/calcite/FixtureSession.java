package io.popoto.sql.calcite;

import io.popoto.sql.redis.PrivateRedis;
import io.popoto.sql.testkit.RedisExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** A test class's Calcite connection over the fixture in its own private Redis. */
@ExtendWith(RedisExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FixtureSession {
  protected PrivateRedis redis;
  protected RedisSource source;
  protected Connection connection;

  /** The reader options of this class's connection. */
  abstract ReaderOptions options();

  @BeforeAll
  void openSession(PrivateRedis redis) throws Exception {
    this.redis = redis;
    RedisExtension.loadFixture(redis);
    addData(redis);
    source = CalciteOverRedis.source(redis);
    connection = CalciteOverRedis.open(source, options());
  }

  /** More data for this class, written before its connection plans anything. */
  void addData(PrivateRedis redis) throws Exception {}

  @AfterAll
  void closeSession() throws Exception {
    connection.close();
    source.close();
  }

  /** The first column of the statement's rows, as strings, in result order. */
  List<String> column(String sql, Object... params) throws Exception {
    List<String> out = new ArrayList<>();
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  String explain(String sql) throws Exception {
    try (Statement s = connection.createStatement();
         ResultSet rs = s.executeQuery("explain plan for " + sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
