package io.popoto.sql.bench;

import java.util.function.IntFunction;

/**
 * One benchmark query. The SQL names tables through {order}, {restaurant}, {customer} and
 * {driver} so the same text runs on Popoto SQL and on PostgreSQL.
 *
 * @param id short name used in the report (Q1...)
 * @param title what the query asks
 * @param sql the statement with ? parameters and table placeholders
 * @param params the parameters of the n-th execution (different keys for point lookups)
 * @param executionsPerRun at most this many executions make one timed unit (many for cheap
 *     lookups, so that a unit lasts about 20 ms whatever the variant)
 * @param floor the hand-written Jedis answer, one pipeline in flight; returns the rows it
 *     produced
 * @param overlapped the same answer with two pipelines in flight, decoding every returned
 *     value; null where one batch answers the query (nothing to overlap)
 * @param perRow for joins: the answer as Popoto's own API gets it, one round trip per related
 *     object (the N+1 pattern); null for single-table workloads
 */
public record Workload(
    String id,
    String title,
    String sql,
    IntFunction<Object[]> params,
    int executionsPerRun,
    FloorQuery floor,
    FloorQuery overlapped,
    FloorQuery perRow) {

  public String popotoSql() {
    return sql.replace("{order}", "\"Order\"").replace("{restaurant}", "restaurant")
        .replace("{customer}", "customer").replace("{driver}", "driver");
  }

  public String postgresSql() {
    return sql.replace("{order}", PostgresBaseline.SCHEMA + ".orders")
        .replace("{restaurant}", PostgresBaseline.SCHEMA + ".restaurant")
        .replace("{customer}", PostgresBaseline.SCHEMA + ".customer")
        .replace("{driver}", PostgresBaseline.SCHEMA + ".driver");
  }

  /** Hand-written Jedis code for the same answer. */
  @FunctionalInterface
  public interface FloorQuery {
    long run(Object[] params);
  }
}
