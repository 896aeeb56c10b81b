package io.popoto.sql.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FingerprintSetTest {
  private static final int MILLIONS = 2_000_000;

  @Test
  void keepsEveryDistinctKeyAndStaysWithin16BytesPerKeyAcrossGrowth() {
    FingerprintSet seen = new FingerprintSet();
    double worst = 0;
    for (int i = 0; i < MILLIONS; i++) {
      assertTrue(seen.add("Order:" + Integer.toHexString(i * 0x9E3779B1) + ":" + i),
          "distinct key " + i + " taken for a repeat");
      double perKey = (double) seen.tableBytes() / seen.size();
      worst = Math.max(worst, perKey);
    }
    assertEquals(MILLIONS, seen.size());
    assertTrue(worst <= 16.0, "worst bytes per key " + worst);
    double end = (double) seen.tableBytes() / seen.size();
    assertTrue(end >= 10.0 && end <= 16.0, "bytes per key at the end " + end);
  }

  @Test
  void dropsRepeatsWhereverTheyComeAndKeepsTheRest() {
    FingerprintSet seen = new FingerprintSet();
    SplittableRandom random = new SplittableRandom(7);
    int distinct = 200_000;
    for (int i = 0; i < distinct; i++) {
      assertTrue(seen.add("k" + i));
      // SSCAN repeats earlier members while the set is resized: any earlier one, any time
      assertFalse(seen.add("k" + random.nextInt(i + 1)));
    }
    assertEquals(distinct, seen.size());
    for (int i = 0; i < distinct; i++) {
      assertFalse(seen.add("k" + i));
    }
    assertEquals(distinct, seen.size());
  }

  @Test
  void tellsKeysApartByTheirUtf8BytesNotTheirUtf16Units() {
    FingerprintSet seen = new FingerprintSet();
    String[] keys = {"", "User:é", "User:e\u0301", "User:\uD83D\uDE00", "User:\u00FF", "User:\u0178",
        "User:東京", "User:a\0b", "User:a", "User:a "};
    for (String k : keys) {
      assertTrue(seen.add(k), k);
    }
    for (String k : keys) {
      assertFalse(seen.add(k), k);
    }
    assertEquals(keys.length, seen.size());
  }

  @Test
  void anEmptySetHoldsNoSlots() {
    FingerprintSet seen = new FingerprintSet();
    assertEquals(0, seen.tableBytes());
    seen.add("one");
    assertEquals(16, seen.tableBytes()); // one key: a 2-slot segment
  }
}
