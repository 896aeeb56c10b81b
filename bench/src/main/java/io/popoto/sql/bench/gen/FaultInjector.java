package io.popoto.sql.bench.gen;

import io.popoto.sql.catalog.ModelDef;
import io.popoto.sql.codec.IndexKeys;
import io.popoto.sql.testkit.NativeWriter;
import java.util.List;
import java.util.Random;

/**
 * Plants the inconsistencies real Popoto data accumulates, so readers can be tested against
 * them: stale reverse-index members, $Class members without a hash, dangling relationships.
 */
final class FaultInjector {
  private final double rate;
  private final Random random;
  private final NativeWriter writer;
  private final IndexKeys indexKeys;
  private int injected;

  FaultInjector(double rate, Random random, NativeWriter writer) {
    this.rate = rate;
    this.random = random;
    this.writer = writer;
    this.indexKeys = writer.indexKeys();
  }

  boolean strikes() {
    return rate > 0 && random.nextDouble() < rate;
  }

  /** A customer key that no hash backs (a dangling relationship target). */
  String danglingCustomer() {
    injected++;
    return "Customer:ghost" + random.nextInt(1_000_000) + "@example.com:ghost";
  }

  /** The order also appears under another restaurant's or driver's reverse set. */
  void staleReverseMember(ModelDef order, String orderKey, List<String> restaurants,
      List<String> drivers) {
    injected++;
    boolean driver = random.nextBoolean() && !drivers.isEmpty();
    List<String> targets = driver ? drivers : restaurants;
    String target = targets.get(random.nextInt(targets.size()));
    writer.addMember(indexKeys.reverseSet(order, order.field(driver ? "driver" : "restaurant"),
        target), orderKey);
  }

  /** A $Class member whose hash was deleted (or never written). */
  void classMemberWithoutHash(ModelDef order, String autoKey) {
    injected++;
    writer.addMember(indexKeys.classSet(order), order.name() + ":" + autoKey);
  }

  int injected() {
    return injected;
  }
}
