package io.popoto.sql.calcite;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.popoto.sql.redis.PrivateRedis;
import io.popoto.sql.testkit.RedisExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RedisExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JoinPushdownTest {
  private RedisSource source;
  private Connection connection;

  @BeforeAll
  void setUp(PrivateRedis redis) throws Exception {
    RedisExtension.loadFixture(redis);
    source = CalciteOverRedis.source(redis);
    connection = CalciteOverRedis.open(source, new ReaderOptions(100, false, true));
  }

  @AfterAll
  void tearDown() throws Exception {
    connection.close();
    source.close();
  }

  private List<String> rows(String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          b.append(rs.getString(i)).append(" | ");
        }
        out.add(b.toString());
      }
    }
    return out;
  }

  private String explain(String sql) throws Exception {
    try (Statement s = connection.createStatement();
         ResultSet rs = s.executeQuery("explain plan for " + sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void experiment() throws Exception {
    String[] sqls = {
      "SELECT o._key, r.name FROM \"Order\" o JOIN Restaurant r ON o.restaurant = r._key",
      "SELECT o._key, r.name FROM \"Order\" o JOIN Restaurant r ON o.restaurant = r._key WHERE r.name = 'Sushi Zen'",
      "SELECT o._key, c.name FROM \"Order\" o JOIN Restaurant r ON o.restaurant = r._key JOIN Customer c ON o.customer = c._key WHERE r.name = 'Sushi Zen'",
      "SELECT o._key, d.name FROM \"Order\" o LEFT JOIN Driver d ON o.driver = d._key",
      "SELECT o._key FROM \"Order\" o WHERE o.restaurant IN (SELECT _key FROM Restaurant WHERE city = 'New York')",
      "SELECT r.name FROM Restaurant r WHERE EXISTS (SELECT 1 FROM \"Order\" o WHERE o.restaurant = r._key)",
    };
    for (String sql : sqls) {
      long before = source.roundTrips();
      List<String> rows = rows(sql);
      System.out.println("SQL " + sql + "\n" + explain(sql) + "rows=" + rows.size() + " rt=" + (source.roundTrips() - before) + "\n" + rows);
    }
    assertTrue(true);
  }
}
