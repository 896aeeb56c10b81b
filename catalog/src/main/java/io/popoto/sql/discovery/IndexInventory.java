package io.popoto.sql.discovery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * What Popoto's internal {@code $...} keys say about the models: which models have a class set
 * and which index prefixes each field writes (spec 4). Names come from the key text itself:
 * {@code $<Prefix>F:<Model>:<field>[:<rest>]}, where model and field are Python identifiers and
 * so contain no ':'.
 */
final class IndexInventory {
  static final String CLASS_PREFIX = "$Class";
  /** Index prefixes only Popoto 1.x writes. */
  static final Set<String> ONE_X_PREFIXES = Set.of("$IndexF", "$UniquF", "$TagF",
      "$DecayingSortF", "$CyclicDecayF", "$ConfidencF", "$ValidityF");

  /** The index facts of one field. */
  static final class FieldIndexes {
    final Set<String> prefixes = new LinkedHashSet<>();
    /** Trailing segments of {@code $SortF} keys, still escaped: one list per partition zset. */
    final List<List<String>> partitions = new ArrayList<>();
    /** Target models read from {@code $RelationshipF} keys. */
    final Set<String> targets = new LinkedHashSet<>();
  }

  private final Set<String> classSets = new LinkedHashSet<>();
  /** {@code $Index:<Model>:<f1>:<f2>...}: the field lists of each model's Meta.indexes. */
  private final Map<String, Set<List<String>>> compositeIndexes = new TreeMap<>();
  /** {@code <key>::<field>} LISTs (1.x capped ListFields): model to field to the longest. */
  private final Map<String, Map<String, Long>> cappedLists = new TreeMap<>();
  private final Map<String, Map<String, FieldIndexes>> fields = new TreeMap<>();
  private boolean newestOnlyKeys;

  private final int partitionLimit;

  private IndexInventory(int partitionLimit) {
    this.partitionLimit = partitionLimit;
  }

  /**
   * Walks every {@code $} key with SCAN; never KEYS, never a write.
   *
   * @param partitionLimit at most this many partitions are remembered per sorted field
   */
  static IndexInventory scan(Jedis jedis, int count, int partitionLimit) {
    IndexInventory inventory = new IndexInventory(partitionLimit);
    ScanParams params = new ScanParams().match("$*").count(count);
    String cursor = ScanParams.SCAN_POINTER_START;
    do {
      ScanResult<String> page = jedis.scan(cursor, params);
      page.getResult().forEach(inventory::add);
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    inventory.scanCappedLists(jedis, count);
    return inventory;
  }

  /**
   * Finds 1.x capped lists, {@code <instance key>::<field>}: a second SCAN (MATCH
   * {@code *::*}); each candidate's TYPE and LLEN are read in one pipeline per page.
   */
  private void scanCappedLists(Jedis jedis, int count) {
    ScanParams params = new ScanParams().match("*::*").count(count);
    String cursor = ScanParams.SCAN_POINTER_START;
    do {
      ScanResult<String> page = jedis.scan(cursor, params);
      List<String> keys = new ArrayList<>();
      for (String k : page.getResult()) {
        if (!k.startsWith("$") && k.indexOf("::") > 0) {
          keys.add(k);
        }
      }
      if (!keys.isEmpty()) {
        redis.clients.jedis.Pipeline p = jedis.pipelined();
        List<redis.clients.jedis.Response<String>> types = new ArrayList<>();
        List<redis.clients.jedis.Response<Long>> lengths = new ArrayList<>();
        for (String k : keys) {
          types.add(p.type(k));
          lengths.add(p.llen(k));
        }
        p.sync();
        for (int i = 0; i < keys.size(); i++) {
          if ("list".equals(types.get(i).get())) {
            String k = keys.get(i);
            int at = k.lastIndexOf("::");
            String model = k.substring(0, k.indexOf(':'));
            cappedLists.computeIfAbsent(model, m -> new TreeMap<>())
                .merge(k.substring(at + 2), lengths.get(i).get(), Math::max);
            newestOnlyKeys = true;
          }
        }
      }
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
  }

  void add(String key) {
    String[] parts = key.split(":", 4);
    if (parts[0].equals(CLASS_PREFIX) && parts.length >= 2) {
      classSets.add(key.substring(CLASS_PREFIX.length() + 1));
      return;
    }
    // $IdxPtr, $TagPtr and $Index exist only in newest Popoto (spec 4.9).
    if (parts[0].equals("$Index") && parts.length >= 3) {
      String[] all = key.split(":");
      compositeIndexes.computeIfAbsent(all[1], m -> new LinkedHashSet<>())
          .add(List.of(all).subList(2, all.length));
    }
    if (parts[0].equals("$IdxPtr") || parts[0].equals("$TagPtr") || parts[0].equals("$Index")) {
      newestOnlyKeys = true;
      return;
    }
    if (ONE_X_PREFIXES.contains(parts[0])) {
      newestOnlyKeys = true;
    }
    if (parts.length < 3 || !parts[0].endsWith("F")) {
      return;
    }
    FieldIndexes f = fields.computeIfAbsent(parts[1], m -> new LinkedHashMap<>())
        .computeIfAbsent(parts[2], n -> new FieldIndexes());
    f.prefixes.add(parts[0]);
    if (parts.length == 4 && parts[0].equals("$SortF") && f.partitions.size() < partitionLimit) {
      f.partitions.add(List.of(parts[3].split(":", -1)));
    } else if (parts.length == 4 && parts[0].equals("$RelationshipF")) {
      f.targets.add(parts[3].split(":", 2)[0]);
    }
  }

  /** Models with a {@code $Class} set, in name order. */
  Set<String> classSets() {
    return new TreeSet<>(classSets);
  }

  /** Models named only by field indexes. */
  Set<String> modelsWithoutClassSet() {
    Set<String> models = new LinkedHashSet<>(fields.keySet());
    models.removeAll(classSets);
    return models;
  }

  Map<String, FieldIndexes> fieldsOf(String model) {
    return fields.getOrDefault(model, Map.of());
  }

  /** The field lists of the model's {@code $Index} hashes. */
  Set<List<String>> compositeIndexes(String model) {
    return compositeIndexes.getOrDefault(model, Set.of());
  }

  /** The model's capped lists: field name to the longest list seen. */
  Map<String, Long> cappedLists(String model) {
    return cappedLists.getOrDefault(model, Map.of());
  }

  boolean newestOnlyKeys() {
    return newestOnlyKeys;
  }
}
