package io.popoto.sql.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Popoto model: its name (the Python class {@code __name__}) and its fields in declaration
 * order. The key fields, in the order they appear in the instance key, are the key fields sorted
 * alphabetically by name (spec 2.1), not in declaration order.
 */
public final class ModelDef {
  /** Name of the AutoKeyField Popoto adds to a model that declares no key field. */
  public static final String AUTO_KEY = "_auto_key";

  private final String name;
  private final Map<String, FieldDef> fields;
  private final List<FieldDef> keyFields;
  private final SourcePosition position;
  private final ModelMeta meta;

  public ModelDef(String name, List<FieldDef> declared, SourcePosition position) {
    this(name, declared, position, ModelMeta.NONE);
  }

  public ModelDef(String name, List<FieldDef> declared, SourcePosition position,
      ModelMeta meta) {
    this.name = name;
    this.meta = meta == null ? ModelMeta.NONE : meta;
    this.position = position == null ? SourcePosition.UNKNOWN : position;
    Map<String, FieldDef> map = new LinkedHashMap<>();
    for (FieldDef f : declared) {
      map.put(f.name(), f);
    }
    if (declared.stream().noneMatch(FieldDef::isKey)) {
      map.put(AUTO_KEY, new FieldDef(AUTO_KEY, FieldClass.AUTO_KEY_FIELD, ValueType.STR, false,
          null, List.of(), null, null, true, this.position));
    }
    this.fields = Collections.unmodifiableMap(map);
    List<FieldDef> keys = new ArrayList<>();
    for (FieldDef f : map.values()) {
      if (f.isKey()) {
        keys.add(f);
      }
    }
    // Python sorts str by code point; String.compareTo compares UTF-16 units, which agrees for
    // every identifier outside the supplementary planes.
    keys.sort(Comparator.comparing(FieldDef::name));
    this.keyFields = List.copyOf(keys);
  }

  public String name() {
    return name;
  }

  /** Every field, hidden ones included, in declaration order. */
  public List<FieldDef> fields() {
    return List.copyOf(fields.values());
  }

  public FieldDef field(String fieldName) {
    return fields.get(fieldName);
  }

  /** Key fields in instance-key segment order (alphabetical by field name). */
  public List<FieldDef> keyFields() {
    return keyFields;
  }

  /** {@code Meta.indexes} and {@code Meta.ttl}. */
  public ModelMeta meta() {
    return meta;
  }

  public SourcePosition position() {
    return position;
  }

  @Override
  public String toString() {
    return "ModelDef[" + name + " " + fields.keySet() + "]";
  }
}
