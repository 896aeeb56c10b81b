package io.popoto.sql.discovery;

import io.popoto.sql.catalog.FieldClass;
import io.popoto.sql.catalog.FieldDef;
import io.popoto.sql.catalog.ValueType;
import io.popoto.sql.codec.KeyCodec;
import io.popoto.sql.codec.PopotoDecodeException;
import io.popoto.sql.codec.ValueCodec;
import io.popoto.sql.codec.ValueProbe;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One sampled hash value: its bytes and what they reveal about their type.
 *
 * @param probe the type read from the msgpack type or envelope tag; a null type means nil
 * @param bytes the stored msgpack bytes
 */
record SampledValue(ValueProbe probe, byte[] bytes) {
  /** Types Popoto renders into key segments with str(); others never form a key. */
  private static final Set<ValueType> RENDERABLE = EnumSet.of(ValueType.STR, ValueType.INT,
      ValueType.FLOAT, ValueType.BOOL, ValueType.DECIMAL, ValueType.DATE, ValueType.TIME,
      ValueType.DATETIME);

  static SampledValue of(byte[] bytes) {
    return new SampledValue(ValueProbe.of(bytes), bytes);
  }

  ValueType type() {
    return probe.type();
  }

  /** True for a datetime envelope in newest's ISO form (0.8.3 writes 20240101T...). */
  boolean isoDatetime() {
    String text = probe.payloadText();
    return probe.type() == ValueType.DATETIME && text != null && text.indexOf('-') > 0;
  }

  /**
   * The unescaped text Popoto would put into a key segment for this value, decoded and
   * rendered by the codec; null when the value cannot be part of a key.
   */
  /**
   * Every unescaped text a key segment may hold for this value: a datetime in both
   * renderings (1.9+ canonical UTC, and the str(dt) of older rows); empty when none.
   */
  List<String> keyTexts(ValueCodec values, KeyCodec keys) {
    String own = keyText(values, keys);
    if (own == null || probe.type() != ValueType.DATETIME) {
      return own == null ? List.of() : List.of(own);
    }
    FieldDef asDeclared = new FieldDef("sample", FieldClass.FIELD, ValueType.DATETIME, true,
        null, List.of(), null, null, false, null);
    try {
      return keys.segmentVariants(values.decode("sample", asDeclared, bytes), ValueType.DATETIME)
          .stream().map(keys::unclean).toList();
    } catch (PopotoDecodeException | RuntimeException e) {
      return List.of(own);
    }
  }

  String keyText(ValueCodec values, KeyCodec keys) {
    ValueType type = probe.type();
    if (type == null || !RENDERABLE.contains(type)) {
      return null;
    }
    FieldDef asDeclared = new FieldDef("sample", FieldClass.FIELD, type, true, null, List.of(),
        null, null, false, null);
    try {
      return keys.render(values.decode("sample", asDeclared, bytes), type);
    } catch (PopotoDecodeException | RuntimeException e) {
      return null;
    }
  }
}
