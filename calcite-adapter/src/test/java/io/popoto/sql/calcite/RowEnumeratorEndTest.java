package io.popoto.sql.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.popoto.sql.catalog.CatalogReader;
import io.popoto.sql.redis.PrivateRedis;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * A read-ahead task that reads a scan to its end queues the end right behind its last batch, so
 * the consumer that takes that batch ends at once, with nothing borrowed (a task that only
 * queued its last batch once left the consumer waiting out a 20 ms poll at the end of every
 * read, which a join of many inner reads paid each time). The keys are a KEYS path held in
 * memory, whose last batch is known to be the last without a further read.
 */
class RowEnumeratorEndTest extends FixtureSession {
  private static final int KEYS = 41;
  private final List<String> keys = new ArrayList<>();

  @Override
  ReaderOptions options() {
    // batches of 2, 4, then 8 keys: the task reads from the 2nd
    return new ReaderOptions(2, false, true, true);
  }

  @Override
  void addData(PrivateRedis redis) {
    try (Jedis writer = new Jedis(redis.host(), redis.port())) {
      for (int i = 0; i < KEYS; i++) {
        String key = "Order:end-of-read-" + i;
        writer.hset(key, "note", "x");
        keys.add(key);
      }
    }
  }

  @Test
  void aTaskThatReadsToTheEndQueuesTheEndAfterItsLastBatch() throws Exception {
    PopotoSchema schema = new PopotoSchema(
        CatalogReader.load("classpath:popoto-sql/samples/food-delivery/catalog.json"), source,
        options());
    List<Operand> operands = new ArrayList<>();
    keys.forEach(k -> operands.add(Operand.text(k)));
    ScanSpec spec = new ScanSpec(List.of(0), AccessPath.keys(operands), 0, List.of(), false,
        null, null, null, List.of());
    int endsQueued = 0;
    for (int attempt = 0; attempt < 3; attempt++) { // a task stalled 100 ms stops early
      RowEnumerator rows = (RowEnumerator) schema.table("Order")
          .execute(spec, new Object[0], null).enumerator();
      List<String> got = new ArrayList<>();
      while (rows.moveNext()) {
        got.add((String) rows.current()[0]);
      }
      rows.close();
      assertEquals(keys, got, "every key once, in order");
      endsQueued += rows.endQueuedByTask() ? 1 : 0;
      assertEquals(0, source.borrowed(), "a connection still borrowed");
    }
    assertTrue(endsQueued > 0, "no read-ahead task queued the end after its last batch");
  }
}
