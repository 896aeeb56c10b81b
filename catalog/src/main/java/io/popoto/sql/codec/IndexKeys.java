package io.popoto.sql.codec;

import io.popoto.sql.catalog.FieldDef;
import io.popoto.sql.catalog.ModelDef;
import io.popoto.sql.catalog.ModelMeta;
import io.popoto.sql.catalog.ValueType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** Names of Popoto's index keys (spec 4), each from the field's catalog prefix. */
public final class IndexKeys {
  private final KeyCodec codec;

  public IndexKeys(KeyCodec codec) {
    this.codec = codec;
  }

  /** {@code $Class:<Model>}. */
  public String classSet(ModelDef model) {
    return "$Class:" + codec.clean(model.name());
  }

  /** {@code $KeyF:<Model>:<field>:<seg(value)>} (or the field's own prefix). */
  public String valueSet(ModelDef model, FieldDef field, Object value) {
    return fieldPrefix(model, field) + ":" + codec.segment(value, field.type());
  }

  /** {@code $SortF:<Model>:<field>[:<p1>...]}; partitionValues in partitionBy order. */
  public String sortedSet(ModelDef model, FieldDef field, List<?> partitionValues) {
    StringBuilder key = new StringBuilder(fieldPrefix(model, field));
    List<String> partitionBy = field.partitionBy();
    for (int i = 0; i < partitionValues.size(); i++) {
      FieldDef by = i < partitionBy.size() ? model.field(partitionBy.get(i)) : null;
      // A Relationship partition value is its escaped key, and Popoto escapes it once more.
      ValueType type = by == null ? ValueType.STR : by.type();
      key.append(':').append(codec.segment(partitionValues.get(i), type));
    }
    return key.toString();
  }

  /** {@code $GeoF:<Model>:<field>}. */
  public String geoSet(ModelDef model, FieldDef field) {
    return fieldPrefix(model, field);
  }

  /** {@code $RelationshipF:<Model>:<field>:<target key>}; the target key is appended verbatim. */
  public String reverseSet(ModelDef model, FieldDef field, String targetKey) {
    // Popoto decodes and re-escapes the target's segments, which gives back the stored text.
    return fieldPrefix(model, field) + ":" + targetKey;
  }

  /**
   * {@code <prefix>:<Model>:<field>}: the part every index key of a field starts with; value
   * sets, partitions and relationship targets append their segments to it.
   */
  public String fieldKey(ModelDef model, FieldDef field) {
    return fieldPrefix(model, field);
  }

  /** {@code $TagF:<Model>:<field>:<seg(str(tag))>}: one set per tag (spec 1x 4.4). */
  public String tagSet(ModelDef model, FieldDef field, String tag) {
    return fieldPrefix(model, field) + ":" + codec.clean(tag);
  }

  /** {@code $IdxPtr:<key>:<field>}: the value set an IndexedField's row is in (spec 1x 4.3). */
  public static String indexPointer(String instanceKey, FieldDef field) {
    return "$IdxPtr:" + instanceKey + ":" + field.name();
  }

  /** {@code $TagPtr:<key>:<field>}: the tag sets a TagField's row is in. */
  public static String tagPointer(String instanceKey, FieldDef field) {
    return "$TagPtr:" + instanceKey + ":" + field.name();
  }

  /** {@code <key>::<field>}: the LIST of a 1.x capped ListField (spec 1x 4.8). */
  public static String cappedList(String instanceKey, FieldDef field) {
    return instanceKey + "::" + field.name();
  }

  /** {@code $Index:<Model>:<f1>:<f2>...}, built with an f-string: nothing is escaped. */
  public static String compositeIndex(ModelDef model, ModelMeta.CompositeIndex index) {
    return "$Index:" + model.name() + ":" + String.join(":", index.fields());
  }

  /**
   * The hash field of a row in a {@code $Index} hash: the first 16 hex digits of
   * {@code sha256(":".join(canonical_key_str(v) for v in values))}; values in index order.
   */
  public String compositeDigest(List<String> renderedValues) {
    try {
      byte[] sha = MessageDigest.getInstance("SHA-256")
          .digest(String.join(":", renderedValues).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private String fieldPrefix(ModelDef model, FieldDef field) {
    return field.indexPrefix() + ":" + codec.clean(model.name()) + ":" + codec.clean(field.name());
  }
}
