package io.popoto.sql.testkit;

import io.popoto.sql.catalog.Catalog;
import io.popoto.sql.catalog.FieldClass;
import io.popoto.sql.catalog.FieldDef;
import io.popoto.sql.catalog.FormatLine;
import io.popoto.sql.catalog.ModelDef;
import io.popoto.sql.catalog.ModelMeta;
import io.popoto.sql.codec.GeoPoint;
import io.popoto.sql.codec.IndexKeys;
import io.popoto.sql.codec.KeyCodec;
import io.popoto.sql.codec.ScoreCodec;
import io.popoto.sql.codec.ValueEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one model instance the way Popoto's save() leaves it (spec 2-4): the hash with every
 * declared field, the $Class member and each field's index entry, all through a {@link Pipe}.
 *
 * <p>On the 1.x line it also writes what Popoto 1.x adds (spec 1x 3-4): IndexedField and
 * UniqueField value sets with their {@code $IdxPtr} pointer, one {@code $TagF} set per tag with
 * the {@code $TagPtr} set, capped lists as {@code DEL} + {@code RPUSH} of
 * {@code <key>::<field>} (not in the hash), {@code Meta.indexes} digests in {@code $Index}
 * hashes and {@code EXPIRE} for {@code Meta.ttl}. The end state is what the eager Lua scripts
 * and the MULTI/EXEC of one full save leave; the order inside one row does not matter to a
 * reader.
 */
public final class NativeWriter implements RowSink {
  private final KeyCodec keys;
  private final IndexKeys indexKeys;
  private final ValueEncoder encoder;
  private final ScoreCodec scores;
  private final Pipe pipe;
  private final boolean oneX;
  /** Key-field value sets of the row being written use the pre-1.9 datetime rendering. */
  private boolean legacyDatetimeKeys;

  public NativeWriter(Catalog catalog, Pipe pipe) {
    this.oneX = catalog.formatLine() == FormatLine.NEWEST;
    this.keys = KeyCodec.forLine(catalog.formatLine());
    this.indexKeys = new IndexKeys(keys);
    this.encoder = new ValueEncoder(catalog.formatLine());
    this.scores = new ScoreCodec(catalog);
    this.pipe = pipe;
  }

  /** The instance key Popoto derives from the row's key-field values. */
  public String instanceKey(ModelDef model, Map<String, Object> values) {
    return keys.instanceKey(model, values);
  }

  public KeyCodec keyCodec() {
    return keys;
  }

  public IndexKeys indexKeys() {
    return indexKeys;
  }

  @Override
  public void accept(ModelDef model, String key, Map<String, Object> values) {
    byte[] rawKey = utf8(key);
    Map<byte[], byte[]> hash = new LinkedHashMap<>();
    for (FieldDef f : model.fields()) {
      if (!f.hidden() && !f.isCappedList()) {
        hash.put(utf8(f.name()), encoder.encode(f, values.get(f.name())));
      }
    }
    send(() -> pipe.p().hset(rawKey, hash));
    Integer ttl = model.meta().ttl();
    if (oneX && ttl != null) {
      send(() -> pipe.p().expire(rawKey, ttl));
    }
    send(() -> pipe.p().sadd(indexKeys.classSet(model), key));
    for (FieldDef f : model.fields()) {
      index(model, f, key, values);
    }
    for (ModelMeta.CompositeIndex ix : model.meta().indexes()) {
      compositeIndex(model, ix, key, values);
    }
  }

  /**
   * As {@link #accept}, for a row saved before 1.9 (or with {@code POPOTO_DATETIME_KEY_LEGACY}):
   * its datetime key fields' value sets carry {@code str(dt)}. The caller builds the key with
   * {@link #legacyInstanceKey}.
   */
  public void acceptLegacyDatetimeKeys(ModelDef model, String key, Map<String, Object> values) {
    legacyDatetimeKeys = true;
    try {
      accept(model, key, values);
    } finally {
      legacyDatetimeKeys = false;
    }
  }

  /** The key a pre-1.9 writer gave the row: datetime key segments as {@code str(dt)}. */
  public String legacyInstanceKey(ModelDef model, Map<String, Object> values) {
    StringBuilder key = new StringBuilder(keys.clean(model.name()));
    for (FieldDef f : model.keyFields()) {
      key.append(':').append(segment(f, values.get(f.name()), true));
    }
    return key.toString();
  }

  /** The distinct tags of a TagField value: one {@code $TagF} set each. */
  private static List<String> tags(Object v) {
    java.util.Set<String> tags = new java.util.LinkedHashSet<>();
    for (Object t : (Iterable<?>) v) {
      if (t != null) {
        tags.add(t.toString());
      }
    }
    return new ArrayList<>(tags);
  }

  private String segment(FieldDef f, Object v, boolean legacy) {
    List<String> variants = keys.segmentVariants(v, f.type());
    return legacy ? variants.get(variants.size() - 1) : variants.get(0);
  }

  /** {@code HSET $Index:<M>:<f1>:<f2> <digest> <key>}; no entry when a value is None. */
  private void compositeIndex(ModelDef model, ModelMeta.CompositeIndex ix, String key,
      Map<String, Object> values) {
    if (!oneX) {
      return;
    }
    List<String> rendered = new ArrayList<>();
    for (String name : ix.fields()) {
      Object v = values.get(name);
      if (v == null) {
        return;
      }
      rendered.add(keys.render(v, model.field(name).type()));
    }
    String digest = indexKeys.compositeDigest(rendered);
    send(() -> pipe.p().hset(IndexKeys.compositeIndex(model, ix), digest, key));
  }

  private void index(ModelDef model, FieldDef f, String key, Map<String, Object> values) {
    Object v = values.get(f.name());
    if (f.isCappedList()) {
      // A full save replaces the list; only push() trims it to max_length.
      String list = IndexKeys.cappedList(key, f);
      send(() -> pipe.p().del(list));
      if (v != null && !((List<?>) v).isEmpty()) {
        byte[][] items = ((List<?>) v).stream().map(encoder::encodeItem).toArray(byte[][]::new);
        send(() -> pipe.p().rpush(utf8(list), items));
      }
      return;
    }
    switch (f.fieldClass().indexKind()) {
      case VALUE_SET -> {
        String set = indexKeys.fieldKey(model, f) + ":" + segment(f, v, legacyDatetimeKeys);
        send(() -> pipe.p().sadd(set, key));
        if (!f.isKey()) {
          // IndexedField / UniqueField: the Lua swap keeps a pointer to the row's set.
          send(() -> pipe.p().set(IndexKeys.indexPointer(key, f), set));
        }
      }
      case TAG_SET -> {
        String pointer = IndexKeys.tagPointer(key, f);
        send(() -> pipe.p().del(pointer));
        for (String tag : v == null ? List.<String>of() : tags(v)) {
          String set = indexKeys.tagSet(model, f, tag);
          send(() -> pipe.p().sadd(set, key));
          send(() -> pipe.p().sadd(pointer, set));
        }
      }
      case SORTED_SET -> {
        if (v != null) {
          List<Object> partition = new ArrayList<>();
          for (String by : f.partitionBy()) {
            partition.add(values.get(by));
          }
          String zset = indexKeys.sortedSet(model, f, partition);
          double score = scores.score(f, v);
          send(() -> pipe.p().zadd(zset, score, key));
        }
      }
      case GEO -> {
        // Popoto leaves "no location" (and the 0.0 placeholder) out of the geo set.
        if (v instanceof GeoPoint g && g.latitude() != 0.0 && g.longitude() != 0.0) {
          send(() -> pipe.p().geoadd(indexKeys.geoSet(model, f), g.longitude(), g.latitude(),
              key));
        }
      }
      case REVERSE_SET -> {
        if (v != null) {
          send(() -> pipe.p().sadd(indexKeys.reverseSet(model, f, (String) v), key));
        }
      }
      default -> {
        // AutoKeyField and plain fields have no index.
        assert f.fieldClass() != FieldClass.KEY_FIELD;
      }
    }
  }

  /**
   * Pushes items as {@code proxy.push(v)} does, one at a time: {@code LPUSH} then
   * {@code LTRIM 0 max_length-1}, so the list ends newest first and capped.
   */
  public void pushCapped(String key, FieldDef field, List<?> items) {
    String list = IndexKeys.cappedList(key, field);
    int max = field.extras().maxLength();
    for (Object item : items) {
      byte[] packed = encoder.encodeItem(item);
      send(() -> pipe.p().lpush(utf8(list), packed));
      send(() -> pipe.p().ltrim(list, 0, max - 1));
    }
  }

  /** Sets one string key, e.g. a 1.8.x legacy pointer {@code <key>\0idxptr\0<field>}. */
  public void setString(String key, String value) {
    send(() -> pipe.p().set(key, value));
  }

  /** Sets one raw hash field, e.g. a pre-#476 {@code <field>\0idxset} pointer. */
  public void setHashField(String key, String field, String value) {
    setHashField(key, field, utf8(value));
  }

  /** Sets one hash field to raw bytes, e.g. a value an older line encoded. */
  public void setHashField(String key, String field, byte[] value) {
    send(() -> pipe.p().hset(utf8(key), utf8(field), value));
  }

  /** Deletes a key: an expired hash leaves its index entries behind (spec 1x 4.10). */
  public void delete(String key) {
    send(() -> pipe.p().del(key));
  }

  /** Queues one extra set member; used by fault injection for its deliberate inconsistencies. */
  public void addMember(String setKey, String member) {
    send(() -> pipe.p().sadd(setKey, member));
  }

  private void send(Runnable command) {
    command.run();
    pipe.counted();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
