package io.popoto.sql.e2e.datasets;

import io.popoto.sql.catalog.Catalog;
import io.popoto.sql.catalog.CatalogException;
import io.popoto.sql.catalog.CatalogReader;
import io.popoto.sql.catalog.ModelDef;
import io.popoto.sql.codec.IndexKeys;
import io.popoto.sql.testkit.NativeWriter;
import io.popoto.sql.testkit.Pipe;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import redis.clients.jedis.Jedis;

/**
 * Writes generated rows in Popoto's native layout through one pipelined {@link NativeWriter},
 * counts them per model, and plants the deliberate inconsistencies of {@link Faults}.
 */
final class DatasetWriter implements AutoCloseable {
  private final Catalog catalog;
  private final Pipe pipe;
  private final NativeWriter writer;
  private final Random random;
  private final Map<String, Integer> rows = new LinkedHashMap<>();
  private int faults;

  DatasetWriter(Catalog catalog, Jedis jedis, Random random) {
    this.catalog = catalog;
    this.pipe = new Pipe(jedis, Pipe.DEFAULT_BATCH);
    this.writer = new NativeWriter(catalog, pipe);
    this.random = random;
  }

  static Catalog load(String location) {
    try {
      return CatalogReader.load(location);
    } catch (CatalogException e) {
      throw new IllegalStateException("dataset catalog is unreadable: " + location, e);
    }
  }

  ModelDef model(String name) {
    return catalog.model(name);
  }

  /** Writes the row as Popoto's save() would and returns its instance key. */
  String write(String model, Map<String, Object> values) {
    ModelDef m = catalog.model(model);
    String key = writer.instanceKey(m, values);
    writer.accept(m, key, values);
    rows.merge(m.name(), 1, Integer::sum);
    return key;
  }

  /** A random 32-hex AutoKeyField value, as uuid4().hex gives. */
  String autoKey() {
    return String.format("%016x%016x", random.nextLong(), random.nextLong());
  }

  /** Fault: the row also appears in the reverse set of a parent it does not point to. */
  void staleReverseMember(String model, String field, String parentKey, String rowKey) {
    ModelDef m = catalog.model(model);
    writer.addMember(writer.indexKeys().reverseSet(m, m.field(field), parentKey), rowKey);
    faults++;
  }

  /**
   * Fault: a row key in $Class (and, as a deleted row leaves it, in the given parent's reverse
   * set when parentKey is not null) with no hash behind it.
   */
  void classMemberWithoutHash(String model, String rowKey, String field, String parentKey) {
    ModelDef m = catalog.model(model);
    IndexKeys idx = writer.indexKeys();
    writer.addMember(idx.classSet(m), rowKey);
    if (parentKey != null) {
      writer.addMember(idx.reverseSet(m, m.field(field), parentKey), rowKey);
    }
    faults++;
  }

  /** Counts a fault planted through an ordinary write (a dangling or null relationship). */
  void countFault() {
    faults++;
  }

  Map<String, Integer> rows() {
    return Map.copyOf(rows);
  }

  int faults() {
    return faults;
  }

  long commands() {
    return pipe.commandsSent();
  }

  @Override
  public void close() {
    pipe.flush();
    pipe.close();
  }
}
