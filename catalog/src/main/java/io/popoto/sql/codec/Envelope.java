package io.popoto.sql.codec;

import java.util.Map;
import java.util.Set;
import org.msgpack.value.Value;

/**
 * Popoto's custom-type wrapper {@code {"<TAG>": true, "as_encodable": payload}} (spec 3.3),
 * recognised by content rather than entry order.
 */
record Envelope(String tag, Value payload) {
  static final String PAYLOAD = "as_encodable";
  static final String DECIMAL = "__Decimal__";
  static final String TUPLE = "__tuple__";
  static final String SET = "__set__";
  static final String DATETIME = "__datetime__";
  static final String DATE = "__date__";
  static final String TIME = "__time__";
  static final String DATAFRAME = "__dataframe__";
  private static final Set<String> TAGS = Set.of(DECIMAL, TUPLE, SET, DATETIME, DATE, TIME,
      DATAFRAME);

  /** The envelope this value is, or null for any other value. */
  static Envelope of(Value value) {
    if (!value.isMapValue()) {
      return null;
    }
    Map<Value, Value> map = value.asMapValue().map();
    Value payload = null;
    String tag = null;
    for (Map.Entry<Value, Value> e : map.entrySet()) {
      if (!e.getKey().isStringValue()) {
        continue;
      }
      String name = e.getKey().toString();
      if (name.equals(PAYLOAD)) {
        payload = e.getValue();
      } else if (TAGS.contains(name) && e.getValue().isBooleanValue()
          && e.getValue().asBooleanValue().getBoolean()) {
        tag = name;
      }
    }
    return payload != null && tag != null ? new Envelope(tag, payload) : null;
  }
}
