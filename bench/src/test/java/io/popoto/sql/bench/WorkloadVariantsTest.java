package io.popoto.sql.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.popoto.sql.bench.gen.FoodDeliveryGenerator;
import io.popoto.sql.bench.gen.GeneratedData;
import io.popoto.sql.bench.gen.GenerationOptions;
import io.popoto.sql.bench.gen.Progress;
import io.popoto.sql.calcite.RedisSource;
import io.popoto.sql.catalog.Catalog;
import io.popoto.sql.jdbc.PopotoConnection;
import io.popoto.sql.redis.PrivateRedis;
import io.popoto.sql.testkit.RedisExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;

/**
 * Every way the benchmark answers a workload gives the same rows, at a scale small enough for a
 * test (5,000 orders: still several batches for Q2 and Q8, so the overlapped floor really has
 * two pipelines in flight), and the driver's Q9 and Q10 stay within their command budgets.
 */
@ExtendWith(RedisExtension.class)
class WorkloadVariantsTest {
  private static PrivateRedis redis;
  private static GeneratedData data;
  private static Jedis sequentialJedis;
  private static Jedis overlappedJedis;
  private static List<Workload> workloads;

  @BeforeAll
  static void generate(PrivateRedis privateRedis) {
    redis = privateRedis;
    try (Jedis jedis = new Jedis(redis.host(), redis.port())) {
      data = new FoodDeliveryGenerator(new GenerationOptions(7, 0.05, 0.0), Progress.NONE)
          .generate(jedis);
    }
    Catalog catalog = FoodDeliveryGenerator.loadCatalog();
    sequentialJedis = new Jedis(redis.host(), redis.port());
    overlappedJedis = new Jedis(redis.host(), redis.port());
    workloads = Workloads.all(data, FloorQueries.sequential(sequentialJedis, catalog),
        FloorQueries.overlapped(overlappedJedis, catalog));
  }

  @AfterAll
  static void stop() {
    sequentialJedis.close();
    overlappedJedis.close();
  }

  private static String url() {
    return "jdbc:popoto:redis://" + redis.host() + ":" + redis.port() + "?catalog="
        + FoodDeliveryGenerator.CATALOG;
  }

  @Test
  void everyVariantReturnsTheFloorsRows() throws Exception {
    assertEquals(11, workloads.size()); // Q1-Q10, Q3 as Q3a and Q3b
    try (Connection popoto = DriverManager.getConnection(url());
         Connection fullScans = DriverManager.getConnection(url() + "&pushdown=false")) {
      for (Workload w : workloads) {
        Object[] params = w.params().apply(0);
        long rows = w.floor().run(params);
        assertTrue(rows > 0, w.id() + " answers nothing at this scale");
        if (w.overlapped() != null) {
          assertEquals(rows, w.overlapped().run(params), w.id() + " overlapped floor");
        }
        if (w.perRow() != null) {
          assertEquals(rows, w.perRow().run(params), w.id() + " per-row traversal");
        }
        assertEquals(rows, jdbcRows(w, popoto), w.id() + " Popoto SQL");
        assertEquals(rows, jdbcRows(w, fullScans), w.id() + " no pushdown");
      }
      assertEquals(0, popoto.unwrap(PopotoConnection.class).redisSource().borrowed());
    }
    // Every reply was read: the floors' connections answer the next command with its own reply.
    assertEquals("PONG", sequentialJedis.ping());
    assertEquals("PONG", overlappedJedis.ping());
  }

  @Test
  void theRowsQ2AndQ8SpanSeveralBatches() {
    assertTrue(workload("Q2").floor().run(workload("Q2").params().apply(0))
        > FloorQueries.BATCH);
    assertTrue(workload("Q8").floor().run(new Object[0]) > 4 * FloorQueries.BATCH);
  }

  /**
   * Q9 reads the zset in score order, the boundary's tie group and one HMGET per row: at most
   * LIMIT + 10 commands in at most 5 round trips, whatever the table's size (measured on
   * 2026-12-02: 102 commands, 3 round trips).
   */
  @Test
  void topNWithTieBreakerStaysWithinItsCommandBudget() throws Exception {
    long[] sent = commands(workload("Q9"));
    assertTrue(sent[0] <= Workloads.TOP_N + 10, "Q9 sent " + sent[0] + " commands");
    assertTrue(sent[1] <= 5, "Q9 made " + sent[1] + " round trips");
  }

  /**
   * Q10 reads the range, one HMGET per order and one read per distinct customer: at most
   * 2 x rows + 10 commands in at most 6 round trips (never a scan of either table; measured
   * on 2026-12-02: 181 commands and 4 round trips for 102 rows).
   */
  @Test
  void rangeDrivenJoinStaysWithinItsCommandBudget() throws Exception {
    Workload q10 = workload("Q10");
    long rows = q10.floor().run(q10.params().apply(0));
    long[] sent = commands(q10);
    assertTrue(sent[0] <= 2 * rows + 10, "Q10 sent " + sent[0] + " commands for " + rows
        + " rows");
    assertTrue(sent[1] <= 6, "Q10 made " + sent[1] + " round trips");
  }

  /** The interleaved harness gives each fast variant a time in every round, slow ones fewer. */
  @Test
  void harnessRunsVariantsInInterleavedRounds() throws Exception {
    Workload q10 = workload("Q10");
    try (Connection popoto = DriverManager.getConnection(url());
         Connection fullScans = DriverManager.getConnection(url() + "&pushdown=false")) {
      Map<Variant, Measurement> results = BenchCommand.measure(new Harness(0, 0, 0), q10,
          popoto, fullScans, null);
      for (Variant v : List.of(Variant.POPOTO, Variant.FLOOR, Variant.OVERLAPPED_FLOOR)) {
        Measurement m = results.get(v);
        assertTrue(m.ok(), v + ": " + m.error());
        assertEquals(Harness.MIN_ROUNDS, m.stats().runs(), v + " rounds");
        assertEquals(Harness.MIN_ROUNDS, m.ratioTo(results.get(Variant.FLOOR)).runs());
      }
      for (Variant v : List.of(Variant.NO_PUSHDOWN, Variant.PER_ROW)) {
        int runs = results.get(v).stats().runs();
        assertTrue(runs >= 1 && runs <= Harness.SLOW_RUNS, v + " ran " + runs + " rounds");
      }
      long rows = results.get(Variant.FLOOR).rows();
      results.values().forEach(m -> assertEquals(rows, m.rows(), m.variant() + " rows"));
    }
  }

  private static long jdbcRows(Workload w, Connection c) throws Exception {
    try (Harness.Contender contender = Harness.jdbc(Variant.POPOTO, w, c, w.popotoSql())) {
      return contender.execution().run(0);
    }
  }

  /** Commands and round trips the driver sends for one execution of the workload. */
  private static long[] commands(Workload w) throws Exception {
    try (Connection c = DriverManager.getConnection(url());
         Harness.Contender contender = Harness.jdbc(Variant.POPOTO, w, c, w.popotoSql())) {
      contender.execution().run(0); // plans and caches table statistics
      RedisSource source = contender.source();
      source.resetCounters();
      contender.execution().run(1);
      long commands = source.commandCounts().values().stream().mapToLong(Long::longValue).sum();
      return new long[] {commands, source.roundTrips()};
    }
  }

  private static Workload workload(String id) {
    return workloads.stream().filter(w -> w.id().equals(id)).findFirst().orElseThrow();
  }
}
