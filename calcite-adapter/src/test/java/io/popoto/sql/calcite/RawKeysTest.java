package io.popoto.sql.calcite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A key is sent with the bytes Redis listed it in only where its text encodes back to exactly
 * those bytes; other keys (other scripts, emoji, bytes that are not UTF-8) are sent as their
 * text encodes, as every key was before, so the same rows are fetched either way.
 */
class RawKeysTest {
  @Test
  void asciiKeysAreSentAsListedAndOthersAsTheirTextEncodes() {
    byte[] ascii = "Order:abc".getBytes(StandardCharsets.US_ASCII);
    byte[] tokyo = "Order:東京😀".getBytes(StandardCharsets.UTF_8);
    byte[] invalid = {'O', ':', (byte) 0xc3, 0x28};
    RawKeys keys = new RawKeys(4);
    for (byte[] raw : List.of(ascii, tokyo, invalid)) {
      keys.add(new String(raw, StandardCharsets.UTF_8), raw);
    }
    assertEquals(List.of("Order:abc", "Order:東京😀", "O:\ufffd("), keys);
    assertSame(ascii, RawKeys.bytesOf(keys, 0));
    assertArrayEquals(tokyo, RawKeys.bytesOf(keys, 1));
    assertArrayEquals("O:\ufffd(".getBytes(StandardCharsets.UTF_8), RawKeys.bytesOf(keys, 2));
    assertArrayEquals(tokyo, RawKeys.bytesOf(List.of("Order:東京😀"), 0));
  }
}
