import java.sql.*;
import java.util.*;
import io.popoto.sql.shaded.redis.clients.jedis.Jedis;

/**
 * Per-execution time of a prepared point lookup (the bench's Q1 on the bundled sample): direct
 * (directLookups=true), through Calcite's executor (directLookups=false), and a raw Jedis HMGET
 * of the same key's fields, interleaved in one process. See docs/performance.md, "Point lookups".
 *
 * <p>{@code java -cp <driver -jdbc.jar>:<slf4j-api.jar> docs/timing/PointLookupTiming.java
 * <redis port> <executions per round> [sql]}; {@code -Dsecond=} makes both connections alike
 * (for a driver without the property).
 */
public class PointLookupTiming {
  public static void main(String[] a) throws Exception {
    int port = Integer.parseInt(a[0]);
    int n = Integer.parseInt(a[1]);
    String sql = a.length > 2 ? a[2] : "SELECT * FROM \"Order\" WHERE _key = ?";
    Class.forName("io.popoto.sql.jdbc.PopotoDriver");
    String url = "jdbc:popoto:redis://127.0.0.1:" + port
        + "?catalog=classpath:popoto-sql/samples/food-delivery/catalog.json";
    List<String> keys = new ArrayList<>();
    byte[][] fields;
    try (Jedis j = new Jedis("127.0.0.1", port)) {
      keys.addAll(j.smembers("$Class:Order"));
      Collections.sort(keys);
      fields = j.hkeys(keys.get(0).getBytes()).toArray(new byte[0][]);
    }
    try (Connection direct = DriverManager.getConnection(url);
         Connection calcite = DriverManager.getConnection(url + System.getProperty("second", "&directLookups=false"));
         PreparedStatement pd = direct.prepareStatement(sql);
         PreparedStatement pc = calcite.prepareStatement(sql);
         Jedis j = new Jedis("127.0.0.1", port)) {
      for (int round = 0; round < 3; round++) {
        long[] d = new long[n], c = new long[n], r = new long[n];
        long sink = 0;
        for (int i = 0; i < n; i++) {
          String k = keys.get(i % keys.size());
          long t0 = System.nanoTime();
          sink += run(pd, k);
          long t1 = System.nanoTime();
          sink += run(pc, k);
          long t2 = System.nanoTime();
          sink += j.hmget(k.getBytes(java.nio.charset.StandardCharsets.UTF_8), fields).size();
          long t3 = System.nanoTime();
          d[i] = t1 - t0; c[i] = t2 - t1; r[i] = t3 - t2;
        }
        Arrays.sort(d); Arrays.sort(c); Arrays.sort(r);
        System.out.printf("round %d (%d executions each): direct median %.1f us, calcite median %.1f us,"
            + " jedis HMGET median %.1f us; direct/jedis %.2f, calcite/jedis %.2f (sink %d)%n",
            round, n, d[n / 2] / 1e3, c[n / 2] / 1e3, r[n / 2] / 1e3,
            (double) d[n / 2] / r[n / 2], (double) c[n / 2] / r[n / 2], sink);
      }
    }
  }

  private static long run(PreparedStatement ps, String key) throws SQLException {
    long n = 0;
    ps.setString(1, key);
    try (ResultSet rs = ps.executeQuery()) {
      int cols = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int col = 1; col <= cols; col++) {
          if (rs.getObject(col) != null) {
            n++;
          }
        }
      }
    }
    return n;
  }
}
