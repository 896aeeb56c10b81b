package io.popoto.sql.bench;

import io.popoto.sql.bench.gen.GeneratedData;
import java.util.List;

/** The benchmark queries Q1-Q10 with parameters taken from the generated data. */
final class Workloads {
  /** The full scan whose peak heap the report shows. */
  static final String FULL_SCAN = "Q8";
  /** Q9's LIMIT: at scale 1 about ten orders share each top total, so it cuts a tie group. */
  static final int TOP_N = 100;

  private Workloads() {}

  /**
   * @param floor the sequential floor
   * @param overlapped the overlapped floor (its own connection)
   */
  static List<Workload> all(GeneratedData data, FloorQueries floor, FloorQueries overlapped) {
    List<String> orders = data.orderKeySample();
    // Rank 0 of the Zipf draw: the busiest restaurant and customer.
    String hotRestaurant = data.restaurantKeys().get(0);
    String hotRestaurantName = data.restaurantNames().get(0);
    String hotCustomer = data.customerKeys().get(0);
    return List.of(
        new Workload("Q1", "point lookup by _key (prepared, different keys)",
            "SELECT * FROM {order} WHERE _key = ?",
            n -> new Object[] {orders.get(n % orders.size())}, 2_000,
            p -> floor.pointLookup((String) p[0]), null, null),
        new Workload("Q2", "all orders of one restaurant (relationship filter)",
            "SELECT * FROM {order} WHERE restaurant = ?",
            n -> new Object[] {hotRestaurant}, 1,
            p -> floor.ordersOfRestaurant((String) p[0]),
            p -> overlapped.ordersOfRestaurant((String) p[0]), null),
        new Workload("Q3a", "orders with total in a narrow range",
            "SELECT _key, total, status FROM {order} WHERE total BETWEEN ? AND ?",
            n -> new Object[] {50.0, 50.5}, 1,
            p -> floor.totalBetween((Double) p[0], (Double) p[1]),
            p -> overlapped.totalBetween((Double) p[0], (Double) p[1]), null),
        new Workload("Q3b", "top 10 orders by total",
            "SELECT _key, total, status FROM {order} ORDER BY total DESC LIMIT 10",
            n -> new Object[0], 1,
            p -> floor.topTotals(10), null, null),
        new Workload("Q4", "orders with customer name, restaurant picked by name",
            "SELECT o._key, o.total, c.name FROM {order} o"
                + " JOIN {restaurant} r ON o.restaurant = r._key"
                + " JOIN {customer} c ON o.customer = c._key WHERE r.name = ?",
            n -> new Object[] {hotRestaurantName}, 1,
            p -> floor.ordersWithCustomerByRestaurantName((String) p[0]),
            p -> overlapped.ordersWithCustomerByRestaurantName((String) p[0]),
            p -> floor.perRowOrdersWithCustomer((String) p[0])),
        new Workload("Q5", "two-hop join: a customer's orders with restaurant and driver",
            "SELECT o._key, r.name, d.name FROM {order} o"
                + " JOIN {restaurant} r ON o.restaurant = r._key"
                + " JOIN {driver} d ON o.driver = d._key WHERE o.customer = ?",
            n -> new Object[] {hotCustomer}, 1,
            p -> floor.ordersWithRestaurantAndDriver((String) p[0]),
            p -> overlapped.ordersWithRestaurantAndDriver((String) p[0]),
            p -> floor.perRowOrdersWithRestaurantAndDriver((String) p[0])),
        new Workload("Q6", "revenue per cuisine over all orders",
            "SELECT r.cuisine, SUM(o.total) FROM {order} o"
                + " JOIN {restaurant} r ON o.restaurant = r._key GROUP BY r.cuisine",
            n -> new Object[0], 1,
            p -> floor.revenuePerCuisine(), p -> overlapped.revenuePerCuisine(), null),
        new Workload("Q7", "COUNT(*) with a relationship filter",
            "SELECT COUNT(*) FROM {order} WHERE restaurant = ?",
            n -> new Object[] {hotRestaurant}, 1,
            p -> floor.countOrdersOfRestaurant((String) p[0]),
            p -> overlapped.countOrdersOfRestaurant((String) p[0]), null),
        new Workload(FULL_SCAN, "SELECT * over all orders, read to the end",
            "SELECT * FROM {order}",
            n -> new Object[0], 1,
            p -> floor.allOrders(), p -> overlapped.allOrders(), null),
        new Workload("Q9", "top " + TOP_N + " orders by total with a tie-breaker",
            "SELECT _key, total, status FROM {order} ORDER BY total DESC, _key LIMIT " + TOP_N,
            n -> new Object[0], 1,
            p -> floor.topTotalsWithTieBreak(TOP_N), null, null),
        new Workload("Q10", "orders in a total range with their customer's name (range-driven"
            + " join)",
            "SELECT o._key, o.total, c.name FROM {order} o"
                + " JOIN {customer} c ON o.customer = c._key WHERE o.total BETWEEN ? AND ?",
            n -> new Object[] {50.0, 52.0}, 1,
            p -> floor.ordersInRangeWithCustomer((Double) p[0], (Double) p[1]),
            p -> overlapped.ordersInRangeWithCustomer((Double) p[0], (Double) p[1]),
            p -> floor.perRowOrdersInRangeWithCustomer((Double) p[0], (Double) p[1])));
  }
}
