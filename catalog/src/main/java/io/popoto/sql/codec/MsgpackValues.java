package io.popoto.sql.codec;

import java.io.IOException;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.MapValue;
import org.msgpack.value.Value;

/** Reads one msgpack value from hash bytes and names what it is for error messages. */
final class MsgpackValues {
  private MsgpackValues() {}

  /** Exactly one msgpack value; trailing bytes are corruption, not a second value. */
  static Value read(String key, String field, byte[] bytes) throws PopotoDecodeException {
    if (bytes == null || bytes.length == 0) {
      throw new PopotoDecodeException(key, field, "no bytes", "empty hash value");
    }
    try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(bytes)) {
      Value value = unpacker.unpackValue();
      if (unpacker.hasNext()) {
        throw new PopotoDecodeException(key, field, "trailing bytes after " + describe(value),
            "more than one msgpack value");
      }
      return value;
    } catch (IOException | RuntimeException e) {
      throw new PopotoDecodeException(key, field, "invalid msgpack", String.valueOf(e.getMessage()));
    }
  }

  /** "msgpack str", "msgpack int" ..., or "map with __set__" for an envelope. */
  static String describe(Value value) {
    Envelope env = Envelope.of(value);
    if (env != null) {
      return "map with " + env.tag();
    }
    switch (value.getValueType()) {
      case NIL: return "msgpack nil";
      case BOOLEAN: return "msgpack bool";
      case INTEGER: return "msgpack int";
      case FLOAT: return "msgpack float";
      case STRING: return "msgpack str";
      case BINARY: return "msgpack bin";
      case ARRAY: return "msgpack array";
      case MAP: return "msgpack map" + mapKeyHint((MapValue) value);
      default: return "msgpack ext";
    }
  }

  private static String mapKeyHint(MapValue map) {
    for (Value k : map.keySet()) {
      if (!k.isStringValue()) {
        return " with " + k.getValueType().name().toLowerCase(java.util.Locale.ROOT) + " keys";
      }
    }
    return "";
  }
}
