package io.popoto.sql.e2e;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.popoto.sql.redis.PrivateRedis;
import io.popoto.sql.testkit.RedisExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seeded random queries of the shapes people write every day over the bundled sample, each
 * answered by H2 and by our driver with pushdown: joins (inner and LEFT, one and two hops),
 * filters combined with AND and OR, IN and NOT IN lists of every length (below and above the
 * 20 values at which Calcite makes a list a VALUES table, with repeats, unknown values and
 * NULL; a quarter of them as parameters of a prepared statement), IN / NOT IN / EXISTS
 * subqueries, aggregates with HAVING, DISTINCT, and ORDER BY ... LIMIT with a tie-breaker. The
 * answers must be equal; a failure names the query and the seed. Fixed corpora catch the shapes
 * someone thought of; this catches their combinations (a NOT IN list AND a filter returned no
 * rows until a keyed join stopped rewriting the batch join below it).
 */
@ExtendWith(RedisExtension.class)
class QueryFuzzDifferentialTest {
  static final int QUERIES = Integer.getInteger("fuzz.queries", 400);
  static final long SEED = Long.getLong("fuzz.seed", 0x5EED_0F_5A1L);

  private static Connection h2;
  private static Connection pushdown;
  private static List<String> restaurants;
  private static List<String> customers;
  private static List<String> drivers;
  private static List<String> cities;
  private static List<String> statuses;

  @BeforeAll
  static void load(PrivateRedis redis) throws Exception {
    RedisExtension.loadFixture(redis);
    h2 = H2Oracle.open("query-fuzz");
    H2Oracle.load(h2, FoodDelivery.catalog(), redis);
    pushdown = FoodDelivery.connect(redis, true);
    restaurants = column("SELECT _key FROM Restaurant");
    customers = column("SELECT _key FROM Customer");
    drivers = column("SELECT _key FROM Driver");
    cities = column("SELECT DISTINCT city FROM Restaurant");
    statuses = column("SELECT DISTINCT status FROM \"Order\" WHERE status IS NOT NULL");
  }

  @AfterAll
  static void close() throws SQLException {
    Differential.closeAll(pushdown, h2);
  }

  private static List<String> column(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    for (List<Object> row : Differential.run(h2, sql)) {
      out.add(String.valueOf(row.get(0)));
    }
    return out;
  }

  @Test
  void randomQueriesAgreeWithTheOracle() throws Exception {
    Random random = new Random(SEED);
    List<String> failures = new ArrayList<>();
    int nonEmpty = 0;
    for (int i = 0; i < QUERIES; i++) {
      Query query = new Query(random);
      String sql = query.sql();
      String shown = query.params.isEmpty() ? sql : sql + "\n  params " + query.params;
      List<List<Object>> expected = run(h2, sql, query.params);
      List<List<Object>> actual;
      try {
        actual = run(pushdown, sql, query.params);
      } catch (SQLException e) {
        failures.add(shown + "\n  failed: " + e.getMessage());
        continue;
      }
      String difference = RowMatcher.difference(expected, actual, QueryCorpus.isOrdered(sql));
      if (difference != null) {
        failures.add(shown + "\n  " + difference);
      }
      nonEmpty += expected.isEmpty() || expected.size() == 1 && isZero(expected.get(0)) ? 0 : 1;
    }
    assertNull(failures.isEmpty() ? null : failures.size() + " of " + QUERIES
        + " queries differ from H2 (seed " + SEED + "):\n" + String.join("\n", failures));
    assertTrue(nonEmpty > QUERIES / 3, "too few queries with rows: " + nonEmpty);
  }

  /** The rows of the statement, prepared with its parameters when it has some. */
  private static List<List<Object>> run(Connection c, String sql, List<String> params)
      throws SQLException {
    if (params.isEmpty()) {
      return Differential.run(c, sql);
    }
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.size(); i++) {
        if (params.get(i) == null) {
          ps.setNull(i + 1, Types.VARCHAR);
        } else {
          ps.setString(i + 1, params.get(i));
        }
      }
      try (ResultSet rs = ps.executeQuery()) {
        return ResultRows.read(rs);
      }
    }
  }

  private static boolean isZero(List<Object> row) {
    return row.size() == 1 && RowMatcher.sameValue(0L, row.get(0));
  }

  /** One random query: a FROM of one to three tables, a WHERE of zero to three conditions. */
  private static final class Query {
    private final Random random;
    private final boolean withRestaurant;
    private final boolean withDriver;
    private final boolean leftDriver;
    /** A quarter of the queries give their lists' values as parameters, in this order. */
    private final boolean prepared;
    final List<String> params = new ArrayList<>();

    Query(Random random) {
      this.random = random;
      this.prepared = random.nextInt(4) == 0;
      this.withRestaurant = random.nextInt(3) > 0;
      this.withDriver = random.nextInt(3) == 0;
      this.leftDriver = random.nextBoolean();
    }

    String sql() {
      StringBuilder from = new StringBuilder("\"Order\" o");
      if (withRestaurant) {
        from.append(" JOIN Restaurant r ON o.restaurant = r._key");
      }
      if (withDriver) {
        from.append(leftDriver ? " LEFT" : "").append(" JOIN Driver d ON o.driver = d._key");
      }
      List<String> where = new ArrayList<>();
      for (int n = random.nextInt(4); n > 0; n--) {
        where.add(random.nextInt(6) == 0 ? "(" + condition() + " OR " + condition() + ")"
            : condition());
      }
      String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
      switch (random.nextInt(6)) {
        case 0:
          return "SELECT COUNT(*) FROM " + from + filter;
        case 1:
          return (withRestaurant
              ? "SELECT r.city, COUNT(*), SUM(o.total) FROM " + from + filter + " GROUP BY r.city"
              : "SELECT o.status, COUNT(*) FROM " + from + filter + " GROUP BY o.status")
              + (random.nextBoolean() ? " HAVING COUNT(*) > 1" : "");
        case 2:
          return "SELECT DISTINCT o.status" + (withRestaurant ? ", r.city" : "") + " FROM " + from
              + filter;
        case 3: // ordered, so a LIMIT has one answer: the key breaks every tie
          return "SELECT o._key, o.total FROM " + from + filter + " ORDER BY "
              + pick("o._key", "o._key DESC", "o.total DESC, o._key", "o.total, o._key DESC")
              + " LIMIT " + (1 + random.nextInt(8)) + (random.nextBoolean() ? ""
                  : " OFFSET " + random.nextInt(4));
        default:
          return "SELECT o._key, o.status" + (withRestaurant ? ", r.name" : "")
              + (withDriver ? ", d.name" : "") + " FROM " + from + filter;
      }
    }

    private String condition() {
      while (true) {
        switch (random.nextInt(13)) {
          case 0:
            return "o.restaurant " + not() + "IN (" + list(restaurants, "Restaurant:Nowhere:")
                + ")";
          case 1:
            return "o.customer " + not() + "IN (" + list(customers, "Customer:nobody@x:")
                + ")";
          case 2:
            return "o.status " + pick("=", "<>") + " " + quote(pick(statuses));
          case 3:
            return "o.status " + not() + "IN (" + list(statuses, "status-") + ")";
          case 4:
            return "o.total " + pick(">", "<=", ">=") + " " + (5 + random.nextInt(60));
          case 5:
            return "o.driver IS " + pick("", "NOT ") + "NULL";
          case 6:
            return "o.driver " + not() + "IN (" + list(drivers, "Driver:none:") + ")";
          case 7:
            return "o.restaurant " + not() + "IN (SELECT _key FROM Restaurant WHERE city = "
                + quote(pick(cities)) + ")";
          case 8:
            return "o.customer IN (SELECT _key FROM Customer WHERE name LIKE "
                + quote(pick("J%", "%a%", "Z%")) + ")";
          case 9:
            if (!withRestaurant) {
              continue;
            }
            return "r.city " + not() + "IN (" + list(cities, "Atlantis ") + ")";
          case 10:
            if (!withRestaurant) {
              continue;
            }
            return pick("", "NOT ") + "EXISTS (SELECT 1 FROM MenuItem m WHERE m.restaurant"
                + " = r._key AND m.price > " + random.nextInt(20) + ")";
          case 11:
            if (!withDriver) {
              continue;
            }
            return "d.name " + pick("IS NULL", "IS NOT NULL", "LIKE 'B%'");
          default:
            return "o._key " + not() + "IN (SELECT _key FROM \"Order\" WHERE total > "
                + random.nextInt(40) + ")";
        }
      }
    }

    private String not() {
      return random.nextInt(3) == 0 ? "NOT " : "";
    }

    /**
     * A list of 1 to 120 values: known ones (some twice), unknown ones, in one list of six a
     * NULL; long enough half of the time to become a VALUES table (which a NULL prevents).
     */
    private String list(List<String> known, String unknownPrefix) {
      int size = random.nextBoolean() ? 20 + random.nextInt(random.nextBoolean() ? 10 : 100)
          : 1 + random.nextInt(6);
      int nullAt = random.nextInt(6) == 0 ? random.nextInt(size) : -1;
      List<String> items = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        String value = i == nullAt ? null
            : random.nextInt(10) < 6 && !known.isEmpty() ? pick(known)
            : unknownPrefix + random.nextInt(1000);
        if (prepared) {
          items.add("?");
          params.add(value);
        } else {
          items.add(value == null ? "NULL" : quote(value));
        }
      }
      return String.join(", ", items);
    }

    private String pick(String... options) {
      return options[random.nextInt(options.length)];
    }

    private String pick(List<String> options) {
      return options.get(random.nextInt(options.size()));
    }

    private static String quote(String s) {
      return "'" + s.replace("'", "''") + "'";
    }
  }
}
