package io.popoto.sql.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.popoto.sql.redis.PrivateRedis;
import io.popoto.sql.testkit.RedisExtension;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs every corpus query through our driver with index pushdown, through our driver with
 * plain scans, and on H2 holding the same rows; all three must agree. Pushdown must never
 * change an answer, and the H2 answer pins down what the answer is.
 */
@ExtendWith(RedisExtension.class)
class DifferentialTest {
  static final String CORPUS = "/corpus/food-delivery.sql";

  private static Connection pushdown;
  private static Connection scan;
  private static Connection h2;

  @BeforeAll
  static void loadEverything(PrivateRedis redis) throws Exception {
    RedisExtension.loadFixture(redis);
    h2 = H2Oracle.open("differential");
    H2Oracle.load(h2, FoodDelivery.catalog(), redis);
    pushdown = FoodDelivery.connect(redis, true);
    scan = FoodDelivery.connect(redis, false);
  }

  @AfterAll
  static void close() throws SQLException {
    Differential.closeAll(pushdown, scan, h2);
  }

  @Test
  void corpusIsLargeEnough() {
    assertTrue(QueryCorpus.load(CORPUS).size() >= 80);
  }

  @Test
  void oracleHoldsTheHashesNotTheStaleClassMembers() throws SQLException {
    List<List<Object>> rows = Differential.run(h2, "SELECT COUNT(*) FROM Customer");
    assertTrue(RowMatcher.sameValue(4L, rows.get(0).get(0)), rows.toString());
  }

  @TestFactory
  Stream<DynamicNode> corpus() {
    return Differential.corpus(QueryCorpus.load(CORPUS), h2, pushdown, scan);
  }
}
