package scratch;

import io.popoto.sql.redis.PrivateRedis;
import io.popoto.sql.testkit.RedisExtension;
import java.sql.*;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RedisExtension.class)
class ScratchTest {
  @Test
  void run(PrivateRedis redis) throws Exception {
    RedisExtension.loadFixture(redis);
    try (Connection c = DriverManager.getConnection("jdbc:popoto:redis://" + redis.host() + ":" + redis.port() + "/0?catalog=classpath:popoto-sql/samples/food-delivery/catalog.json")) {
      for (String sql : new String[] {
          "select tip from \"Order\" where tip is not null",
          "select tip from \"Order\" where tip > 1.5",
          "select tip from \"Order\" where tip = 2.5",
          "select tip * 2, tip + 0.25, cast(tip as double), tip / 3 from \"Order\" where tip is not null",
          "select sum(tip), avg(tip), max(tip) from \"Order\"",
          "select earnings from driver",
          "select sum(earnings) from driver",
      }) {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
          StringBuilder b = new StringBuilder(sql + "\n  ");
          ResultSetMetaData md = rs.getMetaData();
          for (int i = 1; i <= md.getColumnCount(); i++) b.append(md.getColumnTypeName(i)).append("(").append(md.getPrecision(i)).append(",").append(md.getScale(i)).append(") ");
          while (rs.next()) { b.append("\n  "); for (int i = 1; i <= md.getColumnCount(); i++) b.append(rs.getString(i)).append(" | "); }
          System.out.println(b);
        } catch (SQLException e) { System.out.println(sql + " -> " + e); }
      }
    }
  }
}
