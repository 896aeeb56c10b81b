package io.popoto.sql.codec;

import java.io.IOException;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/** Hand-packed msgpack values for codec tests, odd shapes included. */
final class MsgpackBytes {
  private MsgpackBytes() {}

  interface Body {
    void pack(MessageBufferPacker p) throws IOException;
  }

  static byte[] bytes(Body body) throws IOException {
    MessageBufferPacker p = MessagePack.newDefaultBufferPacker();
    body.pack(p);
    return p.toByteArray();
  }

  /** Popoto's envelope: {tag: true, as_encodable: payload}. */
  static byte[] envelope(String tag, String payload) throws IOException {
    return bytes(p -> p.packMapHeader(2).packString(tag).packBoolean(true)
        .packString("as_encodable").packString(payload));
  }
}
