package io.popoto.sql.codec;

import io.popoto.sql.catalog.ValueType;
import org.msgpack.value.Value;

/**
 * What the bytes of one hash value say about their type without a declared field: the msgpack
 * type or the envelope tag (spec 3.2-3.3). Used by discovery, which has no catalog yet.
 *
 * @param type the Python type the bytes hold; null for nil and undecodable bytes
 * @param payloadText an envelope's text payload (raw, as stored), or null
 */
public record ValueProbe(ValueType type, String payloadText) {
  private static final ValueProbe NOTHING = new ValueProbe(null, null);

  public static ValueProbe of(byte[] bytes) {
    Value value;
    try {
      value = MsgpackValues.read("", "", bytes);
    } catch (PopotoDecodeException e) {
      return NOTHING;
    }
    Envelope envelope = Envelope.of(value);
    if (envelope != null) {
      String text = envelope.payload().isStringValue() ? envelope.payload().toString() : null;
      return new ValueProbe(envelopeType(envelope.tag()), text);
    }
    switch (value.getValueType()) {
      case BOOLEAN: return new ValueProbe(ValueType.BOOL, null);
      case INTEGER: return new ValueProbe(ValueType.INT, null);
      case FLOAT: return new ValueProbe(ValueType.FLOAT, null);
      case STRING: return new ValueProbe(ValueType.STR, null);
      case BINARY: return new ValueProbe(ValueType.BYTES, null);
      case ARRAY: return new ValueProbe(ValueType.LIST, null);
      case MAP: return new ValueProbe(ValueType.DICT, null);
      default: return NOTHING;
    }
  }

  private static ValueType envelopeType(String tag) {
    switch (tag) {
      case Envelope.TUPLE: return ValueType.TUPLE;
      case Envelope.SET: return ValueType.SET;
      case Envelope.DECIMAL: return ValueType.DECIMAL;
      case Envelope.DATE: return ValueType.DATE;
      case Envelope.TIME: return ValueType.TIME;
      case Envelope.DATETIME: return ValueType.DATETIME;
      default: return ValueType.DATAFRAME;
    }
  }
}
