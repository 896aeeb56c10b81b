package io.popoto.sql.calcite;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The keys a scan has already handed out, held as 74-bit fingerprints so that a full scan's
 * memory stays small: SSCAN repeats members when Redis resizes the set mid-scan, and those
 * repeats must be dropped without keeping the keys (a {@code HashSet<Long>} took about 56 bytes
 * per key, and 1,000,000 orders did not fit in 64 MB).
 *
 * <p><b>Memory bound: at most 16 bytes per key</b>, at every size, right after a growth
 * included, plus a fixed 13 KiB of segment bookkeeping. The set is 1,024 segments, each an
 * open-addressing table of 8-byte slots kept between load 0.55 (right after it grows, to
 * ceil(20n / 11) slots, never more than 2n) and 0.8 (when it grows next, by about 1.45x). The
 * capacity need not be a power of two: the home slot comes from multiply-shift range reduction.
 * Segments keep each growth small: it copies 1/1024 of the set, where one big table would
 * briefly hold two and a half times its size; and each array stays below G1's humongous size
 * (half a region: 512 KiB at -Xmx256m) up to about 37,000,000 keys, where one big table would
 * be a humongous object wasting the tail of its last region.
 *
 * <p><b>Exactness.</b> A key is identified by 74 bits of two SipHash-2-4 values of its UTF-8
 * bytes under a random key drawn once per JVM: 10 bits choose the segment (no memory per key)
 * and 64 are stored. A new key is wrongly taken for a repeat only if an earlier, different key
 * agrees on all 74 bits. For n distinct keys the chance that this happens anywhere in one scan
 * is at most n(n-1)/2 / 2^74, about n^2 / 2^75: 2.6e-11 at 1,000,000 keys, 2.6e-9 at
 * 10,000,000 and 2.6e-7 at 100,000,000. The hash is keyed so that this holds for any keys,
 * even ones crafted to collide (unkeyed MurmurHash3 has known seed-independent collisions). No
 * bounded memory removes the residue: from a fingerprint alone a true repeat and a collision
 * look the same, and telling them apart would take the keys themselves (tens of bytes each) or
 * a Redis round trip per repeat.
 */
final class FingerprintSet {
  private static final HashFunction FINGERPRINT;
  private static final HashFunction SEGMENT;

  static {
    SecureRandom random = new SecureRandom();
    FINGERPRINT = Hashing.sipHash24(random.nextLong(), random.nextLong());
    SEGMENT = Hashing.sipHash24(random.nextLong(), random.nextLong());
  }

  private static final int SEGMENT_BITS = 10;
  private static final long[] EMPTY = new long[0];

  private final long[][] segments = new long[1 << SEGMENT_BITS][];
  private final int[] sizes = new int[1 << SEGMENT_BITS];
  /** Per segment: whether the fingerprint 0 (which marks a free slot) is in the set. */
  private final boolean[] holdsZero = new boolean[1 << SEGMENT_BITS];
  private long size;
  private long slots;

  FingerprintSet() {
    Arrays.fill(segments, EMPTY);
  }

  /** Adds the key; false when it was added before (or shares its fingerprint, see above). */
  boolean add(String key) {
    byte[] utf8 = key.getBytes(StandardCharsets.UTF_8);
    int segment = (int) (SEGMENT.hashBytes(utf8).asLong() >>> (64 - SEGMENT_BITS));
    return add(segment, FINGERPRINT.hashBytes(utf8).asLong());
  }

  private boolean add(int segment, long fingerprint) {
    if (fingerprint == 0) {
      if (holdsZero[segment]) {
        return false;
      }
      holdsZero[segment] = true;
      size++;
      return true;
    }
    long[] table = segments[segment];
    if (table.length > 0) {
      int slot = home(fingerprint, table.length);
      while (table[slot] != 0) {
        if (table[slot] == fingerprint) {
          return false;
        }
        slot = slot + 1 == table.length ? 0 : slot + 1;
      }
    }
    int n = sizes[segment] + 1;
    if (5L * n > 4L * table.length) {
      table = grow(segment, n);
    }
    insert(table, fingerprint);
    sizes[segment] = n;
    size++;
    return true;
  }

  /**
   * A table sized for load 0.55 once it holds n entries: ceil(20n / 11) slots, never more than
   * 2n, so the 16-bytes-per-key bound holds right after a growth too, and at least n + 1 so a
   * probe always finds a free slot.
   */
  private long[] grow(int segment, int n) {
    long[] old = segments[segment];
    long[] table = new long[(20 * n + 10) / 11];
    for (long f : old) {
      if (f != 0) {
        insert(table, f);
      }
    }
    slots += table.length - old.length;
    segments[segment] = table;
    return table;
  }

  private static void insert(long[] table, long fingerprint) {
    int slot = home(fingerprint, table.length);
    while (table[slot] != 0) {
      slot = slot + 1 == table.length ? 0 : slot + 1;
    }
    table[slot] = fingerprint;
  }

  /** Lemire's multiply-shift: maps the high 32 bits onto [0, capacity) without a division. */
  private static int home(long fingerprint, int capacity) {
    return (int) (((fingerprint >>> 32) * capacity) >>> 32);
  }

  /** Distinct fingerprints held. */
  long size() {
    return size;
  }

  /** Bytes of the slot arrays (8 per slot), the memory that grows with the set. */
  long tableBytes() {
    return 8 * slots;
  }
}
