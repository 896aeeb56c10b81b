package io.popoto.sql.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/** Hash values written by hand in tests, as Popoto packs them. */
public final class Msgpack {
  private Msgpack() {}

  /** A msgpack str: how Popoto stores a str field or a relationship's target key. */
  public static byte[] str(String s) {
    try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
      p.packString(s);
      return p.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
