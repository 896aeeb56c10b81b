package io.popoto.sql.discovery;

import io.popoto.sql.catalog.Catalog;
import io.popoto.sql.catalog.FieldClass;
import io.popoto.sql.catalog.FieldDef;
import io.popoto.sql.catalog.FormatLine;
import io.popoto.sql.catalog.ModelDef;
import io.popoto.sql.catalog.ValueType;
import io.popoto.sql.codec.KeyCodec;
import io.popoto.sql.codec.ValueCodec;
import io.popoto.sql.discovery.IndexInventory.FieldIndexes;
import io.popoto.sql.discovery.ModelSample.Row;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the index inventory and the sampled rows into a draft {@link Catalog}, recording in
 * {@link Guesses} each property that is a guess rather than a reading.
 */
final class DraftBuilder {
  private static final Set<ValueType> SORTABLE = EnumSet.of(ValueType.INT, ValueType.FLOAT,
      ValueType.DECIMAL, ValueType.DATE, ValueType.DATETIME, ValueType.TIME);
  private static final Set<String> KNOWN_PREFIXES = Set.of("$KeyF", "$UniqueKeyF",
      "$SortedKeyF", "$SortF", "$GeoF", "$RelationshipF");
  // uuid4 hex, as 0.8.3's AutoKeyField writes it.
  private static final Pattern AUTO_KEY = Pattern.compile("[0-9a-f]{32}");

  private final IndexInventory inventory;
  private final Map<String, List<Row>> samples;
  private final List<String> notes = new ArrayList<>();
  private final Guesses guesses = new Guesses();
  private final FormatLine line;
  private final KeyCodec keys;
  private final ValueCodec values;

  DraftBuilder(IndexInventory inventory, Map<String, List<Row>> samples) {
    this.inventory = inventory;
    this.samples = samples;
    boolean newest = inventory.newestOnlyKeys() || samples.values().stream()
        .flatMap(List::stream).flatMap(r -> r.values().values().stream())
        .anyMatch(SampledValue::isoDatetime);
    this.line = newest ? FormatLine.NEWEST : FormatLine.V0_8;
    this.keys = KeyCodec.forLine(line);
    this.values = new ValueCodec(new Catalog(line, null, List.of()));
  }

  List<String> notes() {
    return notes;
  }

  Guesses guesses() {
    return guesses;
  }

  Catalog build() {
    guesses.catalog("popoto");
    guesses.catalog("naiveDatetimeZone");
    notes.add("'popoto' is a guess from datetime formats and newest-only keys; "
        + "'naiveDatetimeZone' is unknown: set it to the zone of the hosts that wrote naive "
        + "datetimes");
    List<ModelDef> models = new ArrayList<>();
    for (Map.Entry<String, List<Row>> e : samples.entrySet()) {
      if (e.getValue().isEmpty()) {
        notes.add("model " + e.getKey() + " has a class set but no live rows; it is left out");
      } else {
        models.add(model(e.getKey(), e.getValue()));
      }
    }
    for (String m : inventory.modelsWithoutClassSet()) {
      notes.add("model " + m + " appears only in index keys, without $Class:" + m
          + "; it is left out");
    }
    return new Catalog(line, null, models);
  }

  private ModelDef model(String model, List<Row> rows) {
    Set<String> names = new LinkedHashSet<>();
    rows.forEach(r -> names.addAll(r.values().keySet()));
    Map<String, FieldIndexes> indexes = inventory.fieldsOf(model);
    for (String indexed : indexes.keySet()) {
      if (names.add(indexed)) {
        notes.add(model + "." + indexed + " has index keys but no sampled hash holds it");
      }
    }
    List<String> keyNames = keyFields(model, rows, names);
    List<FieldDef> fields = new ArrayList<>();
    for (String name : names) {
      if (!name.equals(ModelDef.AUTO_KEY)) { // implicit: added to a model without key fields
        FieldIndexes idx = indexes.getOrDefault(name, new FieldIndexes());
        fields.add(field(model, name, keyNames.contains(name), idx, rows));
      }
    }
    return new ModelDef(model, fields, null);
  }

  /**
   * Segment i of an instance key is the i-th key field in alphabetical order (spec 2.1), so the
   * key fields are an alphabetically increasing run of fields whose values match the segments.
   */
  private List<String> keyFields(String model, List<Row> rows, Set<String> names) {
    int count = rows.get(0).segments().size();
    if (rows.stream().anyMatch(r -> r.segments().size() != count)) {
      notes.add(model + ": instance keys have different segment counts; key fields are a guess");
      guesses.model(model, "keyFields");
    }
    if (count == 1 && names.contains(ModelDef.AUTO_KEY)) {
      return List.of();
    }
    List<List<String>> candidates = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      List<String> matching = new ArrayList<>();
      for (String name : names) {
        final int segment = i;
        if (rows.stream().allMatch(r -> r.segments().size() == count
            && matches(r.values().get(name), r.segments().get(segment)))) {
          matching.add(name);
        }
      }
      matching.sort(null);
      candidates.add(matching);
    }
    List<List<String>> found = new ArrayList<>();
    assign(candidates, 0, "", new ArrayList<>(), found);
    if (found.isEmpty()) {
      notes.add(model + ": no fields match the instance key segments; declare the key fields");
      guesses.model(model, "keyFields");
      return List.of();
    }
    if (found.size() > 1) {
      notes.add(model + ": several field sets match the instance keys " + found
          + "; the first was taken");
      guesses.model(model, "keyFields");
    }
    return found.get(0);
  }

  private static void assign(List<List<String>> candidates, int i, String after,
      List<String> chosen, List<List<String>> found) {
    if (i == candidates.size()) {
      found.add(List.copyOf(chosen));
      return;
    }
    for (String c : candidates.get(i)) {
      if (c.compareTo(after) > 0 && found.size() < 2) {
        chosen.add(c);
        assign(candidates, i + 1, c, chosen, found);
        chosen.remove(chosen.size() - 1);
      }
    }
  }

  private boolean matches(SampledValue value, String segment) {
    String text = value == null ? null : value.keyText(values, keys);
    return text != null && text.equals(keys.unclean(segment));
  }

  private FieldDef field(String model, String name, boolean key, FieldIndexes idx,
      List<Row> rows) {
    ValueType type = type(model + "." + name, rows, name);
    if (type == null) {
      guesses.field(model, name, "type");
    }
    String indexPrefix = null;
    FieldClass cls;
    if (key) {
      cls = keyClass(idx, rows, name);
      if (!idx.prefixes.contains(cls.defaultIndexPrefix())) {
        guesses.field(model, name, "class");
      }
    } else if (idx.prefixes.contains("$GeoF")) {
      cls = FieldClass.GEO_FIELD;
    } else if (idx.prefixes.contains("$RelationshipF") || !idx.targets.isEmpty()) {
      cls = FieldClass.RELATIONSHIP;
    } else if (idx.prefixes.contains("$SortF")) {
      cls = FieldClass.SORTED_FIELD;
    } else {
      cls = plainClass(type);
      // Field(type=int) and IntField store the same bytes; nothing in Redis tells them apart.
      guesses.field(model, name, "class");
      for (String p : idx.prefixes) {
        if (!KNOWN_PREFIXES.contains(p)) {
          notes.add(model + "." + name + " writes index " + p + ", from a custom field class;"
              + " check its class");
          indexPrefix = p;
        }
      }
    }
    String target = null;
    if (cls == FieldClass.RELATIONSHIP) {
      target = target(model, name, idx, rows);
      if (target == null || !samples.containsKey(target) || samples.get(target).isEmpty()) {
        notes.add(model + "." + name + " references model " + target
            + ", which has no sampled rows; declared as a plain str Field");
        cls = FieldClass.FIELD;
        type = ValueType.STR;
        target = null;
        guesses.field(model, name, "class");
      }
    }
    if (cls.isSorted() && (type == null || !SORTABLE.contains(type))) {
      if (type != null) {
        notes.add(model + "." + name + " has a sorted index but holds " + type.pythonName()
            + " values; declared as float");
      }
      type = ValueType.FLOAT;
      guesses.field(model, name, "type");
    }
    if (!cls.acceptsType() || type == null) {
      type = cls.defaultType();
    }
    List<String> partitionBy = List.of();
    if (cls == FieldClass.SORTED_FIELD && !idx.partitions.isEmpty()) {
      partitionBy = partitionBy(model, name, idx, rows);
      guesses.field(model, name, "partitionBy");
    }
    boolean nullable = cls != FieldClass.AUTO_KEY_FIELD && !cls.isSorted();
    Integer places = type == ValueType.DECIMAL ? decimalPlaces(rows, name) : null;
    if (places != null) {
      guesses.field(model, name, "decimal_places");
    }
    return new FieldDef(name, cls, type, nullable, null, partitionBy, target, indexPrefix, false,
        null, places);
  }

  /**
   * The most decimal places among the sampled values ({@code "18.50"} has 2), so the column
   * declares the scale its values show; null when no value was sampled.
   */
  private static Integer decimalPlaces(List<Row> rows, String name) {
    Integer places = null;
    for (Row r : rows) {
      SampledValue v = r.values().get(name);
      String text = v == null || v.type() != ValueType.DECIMAL ? null : v.probe().payloadText();
      if (text == null) {
        continue;
      }
      try {
        int scale = Math.max(new java.math.BigDecimal(text.strip()).scale(), 0);
        places = Math.min(Math.max(places == null ? 0 : places, scale),
            FieldDef.MAX_DECIMAL_PLACES);
      } catch (NumberFormatException notANumber) {
        // NaN, Infinity: no scale to learn
      }
    }
    return places;
  }

  private FieldClass keyClass(FieldIndexes idx, List<Row> rows, String name) {
    if (idx.prefixes.contains("$UniqueKeyF")) {
      return FieldClass.UNIQUE_KEY_FIELD;
    }
    if (idx.prefixes.contains("$SortedKeyF")) {
      return FieldClass.SORTED_KEY_FIELD;
    }
    if (idx.prefixes.contains("$KeyF")) {
      return FieldClass.KEY_FIELD;
    }
    boolean uuids = rows.stream().allMatch(r -> {
      SampledValue v = r.values().get(name);
      String text = v == null ? null : v.keyText(values, keys);
      return text != null && AUTO_KEY.matcher(text).matches();
    });
    return uuids ? FieldClass.AUTO_KEY_FIELD : FieldClass.KEY_FIELD;
  }

  private static FieldClass plainClass(ValueType type) {
    if (type == null) {
      return FieldClass.FIELD;
    }
    switch (type) {
      case INT: return FieldClass.INT_FIELD;
      case FLOAT: return FieldClass.FLOAT_FIELD;
      case BOOL: return FieldClass.BOOLEAN_FIELD;
      case BYTES: return FieldClass.BYTES_FIELD;
      case DECIMAL: return FieldClass.DECIMAL_FIELD;
      case DATE: return FieldClass.DATE_FIELD;
      case TIME: return FieldClass.TIME_FIELD;
      case DATETIME: return FieldClass.DATETIME_FIELD;
      case LIST: return FieldClass.LIST_FIELD;
      case DICT: return FieldClass.DICT_FIELD;
      case SET: return FieldClass.SET_FIELD;
      case TUPLE: return FieldClass.TUPLE_FIELD;
      default: return FieldClass.FIELD;
    }
  }

  /** The most frequent non-null type; int and float together mean float. Null if none seen. */
  private ValueType type(String where, List<Row> rows, String name) {
    Map<ValueType, Integer> counts = new EnumMap<>(ValueType.class);
    for (Row r : rows) {
      SampledValue v = r.values().get(name);
      if (v != null && v.type() != null) {
        counts.merge(v.type(), 1, Integer::sum);
      }
    }
    if (counts.size() == 2 && counts.containsKey(ValueType.INT)
        && counts.containsKey(ValueType.FLOAT)) {
      return ValueType.FLOAT;
    }
    if (counts.size() > 1) {
      notes.add(where + " holds values of several types " + counts.keySet()
          + "; the most frequent was taken");
    }
    return counts.entrySet().stream().max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey).orElse(null);
  }

  /** Read from the reverse index keys; guessed from a related key's model segment otherwise. */
  private String target(String model, String name, FieldIndexes idx, List<Row> rows) {
    if (!idx.targets.isEmpty()) {
      if (idx.targets.size() > 1) {
        notes.add(model + "." + name + " references several models " + idx.targets
            + "; the first was taken");
        guesses.field(model, name, "model");
      }
      return idx.targets.iterator().next();
    }
    guesses.field(model, name, "model");
    for (Row r : rows) {
      SampledValue v = r.values().get(name);
      String text = v == null ? null : v.keyText(values, keys);
      if (text != null) {
        return keys.unclean(KeyCodec.split(text).get(0));
      }
    }
    return null;
  }

  /** For each trailing segment of the zset keys, the other field whose values match it best. */
  private List<String> partitionBy(String model, String name, FieldIndexes idx, List<Row> rows) {
    List<String> result = new ArrayList<>();
    int width = idx.partitions.get(0).size();
    for (int j = 0; j < width; j++) {
      Set<String> segments = new LinkedHashSet<>();
      for (List<String> p : idx.partitions) {
        if (p.size() > j) {
          segments.add(keys.unclean(p.get(j)));
        }
      }
      String best = null;
      long bestHits = 0;
      for (String other : rows.get(0).values().keySet()) {
        if (other.equals(name) || result.contains(other)) {
          continue;
        }
        long hits = rows.stream().map(r -> r.values().get(other))
            .map(v -> v == null ? null : v.keyText(values, keys))
            .filter(t -> t != null && segments.contains(t))
            .count();
        if (hits > bestHits) {
          best = other;
          bestHits = hits;
        }
      }
      if (best == null) {
        notes.add(model + "." + name + ": no field matches partition segment " + (j + 1)
            + " of its $SortF keys; declare partitionBy yourself");
        return List.of();
      }
      result.add(best);
    }
    return result;
  }
}
