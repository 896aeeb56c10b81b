package io.popoto.sql.testkit;

import io.popoto.sql.catalog.Catalog;
import io.popoto.sql.catalog.FieldClass;
import io.popoto.sql.catalog.FieldDef;
import io.popoto.sql.catalog.ModelDef;
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
 */
public final class NativeWriter implements RowSink {
  private final KeyCodec keys;
  private final IndexKeys indexKeys;
  private final ValueEncoder encoder;
  private final ScoreCodec scores;
  private final Pipe pipe;

  public NativeWriter(Catalog catalog, Pipe pipe) {
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
      if (!f.hidden()) {
        hash.put(utf8(f.name()), encoder.encode(f, values.get(f.name())));
      }
    }
    send(() -> pipe.p().hset(rawKey, hash));
    send(() -> pipe.p().sadd(indexKeys.classSet(model), key));
    for (FieldDef f : model.fields()) {
      index(model, f, key, values);
    }
  }

  private void index(ModelDef model, FieldDef f, String key, Map<String, Object> values) {
    Object v = values.get(f.name());
    switch (f.fieldClass().indexKind()) {
      case VALUE_SET -> send(() -> pipe.p().sadd(indexKeys.valueSet(model, f, v), key));
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
