package io.popoto.sql.calcite;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;

/**
 * Candidate keys as text, with the bytes Redis listed them in kept where the text encodes back
 * to exactly those bytes (ASCII), so that a fetch sends them as they came: decoding a reverse
 * set's members and encoding each again for its HMGET was a tenth of what a join over all
 * parents allocated.
 */
final class RawKeys extends AbstractList<String> implements RandomAccess {
  private final List<String> texts;
  private final List<byte[]> bytes;

  RawKeys(int capacity) {
    texts = new ArrayList<>(capacity);
    bytes = new ArrayList<>(capacity);
  }

  /** Adds a key read as {@code raw} and decoded to {@code text}. */
  void add(String text, byte[] raw) {
    texts.add(text);
    bytes.add(ascii(raw) ? raw : null);
  }

  @Override
  public String get(int index) {
    return texts.get(index);
  }

  @Override
  public int size() {
    return texts.size();
  }

  /** The UTF-8 bytes of key {@code index} of {@code keys}: as Redis listed them when kept. */
  static byte[] bytesOf(List<String> keys, int index) {
    if (keys instanceof RawKeys raw) {
      byte[] b = raw.bytes.get(index);
      if (b != null) {
        return b;
      }
    }
    return keys.get(index).getBytes(StandardCharsets.UTF_8);
  }

  private static boolean ascii(byte[] b) {
    for (byte x : b) {
      if (x < 0) {
        return false;
      }
    }
    return true;
  }
}
