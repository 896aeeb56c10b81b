package io.popoto.sql.catalog;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Turns a parsed catalog file into a {@link Catalog}, collecting every problem on the way. */
final class CatalogBuilder {
  private static final List<String> TOP_PROPERTIES = List.of("popoto", "naiveDatetimeZone",
      "models", "guessed");
  private static final List<String> MODEL_PROPERTIES = List.of("fields", "meta", "guessed");
  private static final List<String> META_PROPERTIES = List.of("indexes", "ttl");
  /** The SQL primary-key column every table gets. */
  private static final String SQL_KEY_COLUMN = "_key";
  private static final String TOP = "the catalog";

  private final Problems problems = new Problems();

  static Catalog build(Located root) throws CatalogException {
    return new CatalogBuilder().catalog(root);
  }

  private Catalog catalog(Located root) throws CatalogException {
    if (root.kind != Located.Kind.OBJECT) {
      problems.add(root.position, "A catalog must be a JSON object with \"popoto\" and"
          + " \"models\", not " + root.describe());
      problems.throwIfAny();
    }
    Shapes.checkMembers(root, TOP_PROPERTIES, TOP, problems);
    FormatLine line = formatLine(root);
    ZoneId zone = zone(root);
    List<ModelDef> models = models(root, line);
    problems.throwIfAny();
    return new Catalog(line, zone, models);
  }

  private FormatLine formatLine(Located root) {
    Located.Member m = root.member("popoto");
    if (m == null) {
      problems.add(root.position, "Missing property 'popoto': the Popoto line that wrote the"
          + " data, \"0.8\" or \"1\"");
      return null;
    }
    String text = Shapes.string(m, TOP, problems);
    FormatLine line = FormatLine.parse(text);
    if (text != null && line == null) {
      problems.add(m.value().position, "Unknown Popoto line '" + text + "'; use \"0.8\" (also"
          + " \"0.8.3\") or \"1\" (also \"1.10\", \"newest\")");
    }
    return line;
  }

  private ZoneId zone(Located root) {
    Located.Member m = root.member("naiveDatetimeZone");
    if (m == null || m.value().kind == Located.Kind.NULL) {
      return null;
    }
    String text = Shapes.string(m, TOP, problems);
    if (text == null) {
      return null;
    }
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      problems.add(m.value().position, "Invalid time zone '" + text + "' in 'naiveDatetimeZone';"
          + " use a Java zone id such as \"UTC\" or \"Europe/Zurich\"");
      return null;
    }
  }

  private List<ModelDef> models(Located root, FormatLine line) {
    Located.Member m = root.member("models");
    if (m == null) {
      problems.add(root.position, "Missing property 'models': an object mapping each model"
          + " name to its fields");
      return List.of();
    }
    if (!Shapes.expect(m, Located.Kind.OBJECT, "an object", TOP, problems)) {
      return List.of();
    }
    Map<String, Located.Member> declared = uniqueNames(m.value(), "Model", "", true);
    List<ModelDef> result = new ArrayList<>();
    for (Located.Member model : declared.values()) {
      ModelDef def = model(model, declared.keySet(), line);
      if (def != null) {
        result.add(def);
      }
    }
    return result;
  }

  /**
   * The first declaration of each name, reporting empty and repeated names.
   *
   * @param what "Model" or "Field", for messages
   * @param where " of model 'X'" or ""
   * @param caseMatters whether names equal ignoring case clash (SQL folds unquoted names)
   */
  private Map<String, Located.Member> uniqueNames(Located obj, String what, String where,
      boolean caseMatters) {
    Map<String, Located.Member> first = new LinkedHashMap<>();
    Map<String, Located.Member> folded = new HashMap<>();
    for (Located.Member m : obj.members) {
      String name = m.key();
      Located.Member earlier = first.get(name);
      Located.Member similar = folded.get(name.toLowerCase(Locale.ROOT));
      if (name.isEmpty()) {
        problems.add(m.keyPosition(), what + " names must not be empty" + where.replace(" of",
            " in"));
      } else if (earlier != null) {
        problems.add(m.keyPosition(), "Duplicate " + what.toLowerCase(Locale.ROOT) + " '" + name
            + "'" + where + "; it is already declared at line " + earlier.keyPosition().line());
      } else if (caseMatters && similar != null) {
        problems.add(m.keyPosition(), what + " '" + name + "' differs from '"
            + similar.key() + "' only in case; SQL matches unquoted names ignoring case");
      } else {
        first.put(name, m);
        folded.put(name.toLowerCase(Locale.ROOT), m);
      }
    }
    return first;
  }

  private ModelDef model(Located.Member model, Set<String> catalogModels, FormatLine line) {
    String name = model.key();
    String owner = "model '" + name + "'";
    Located obj = model.value();
    if (obj.kind != Located.Kind.OBJECT) {
      problems.add(obj.position, "Model '" + name + "' must be an object with \"fields\", not "
          + obj.describe());
      return null;
    }
    Shapes.checkMembers(obj, MODEL_PROPERTIES, owner, problems);
    Located.Member fieldsMember = obj.member("fields");
    if (fieldsMember == null) {
      problems.add(model.keyPosition(), "Model '" + name + "' has no 'fields'");
      return null;
    }
    if (!Shapes.expect(fieldsMember, Located.Kind.OBJECT, "an object", owner, problems)) {
      return null;
    }
    Map<String, Located.Member> declared = uniqueNames(fieldsMember.value(), "Field",
        " of model '" + name + "'", false);
    checkReservedNames(name, declared);
    FieldBuilder builder = new FieldBuilder(problems, name,
        new LinkedHashSet<>(declared.keySet()), catalogModels, line);
    List<FieldDef> fields = new ArrayList<>();
    boolean complete = true;
    for (Located.Member field : declared.values()) {
      FieldDef def = builder.build(field);
      if (def == null) {
        complete = false;
      } else {
        fields.add(def);
      }
    }
    checkGeoColumns(name, fields);
    ModelMeta meta = meta(obj.member("meta"), name, declared.keySet());
    return complete ? new ModelDef(name, fields, model.keyPosition(), meta) : null;
  }

  /**
   * {@code "meta": {"indexes": [[["f1", "f2"], true], ...], "ttl": 3600}}: Python's
   * {@code Meta.indexes = ((("f1", "f2"), True), ...)} transcribed as JSON arrays.
   */
  private ModelMeta meta(Located.Member m, String model, Set<String> fields) {
    String owner = "the meta of model '" + model + "'";
    if (m == null || !Shapes.expect(m, Located.Kind.OBJECT, "an object", "model '" + model
        + "'", problems)) {
      return ModelMeta.NONE;
    }
    Shapes.checkMembers(m.value(), META_PROPERTIES, owner, problems);
    Integer ttl = null;
    Located.Member ttlMember = m.value().member("ttl");
    if (ttlMember != null && Shapes.expect(ttlMember, Located.Kind.INTEGER, "an integer",
        owner, problems)) {
      ttl = ((Number) ttlMember.value().scalar).intValue();
    }
    List<ModelMeta.CompositeIndex> indexes = new ArrayList<>();
    Located.Member ix = m.value().member("indexes");
    if (ix != null && Shapes.expect(ix, Located.Kind.ARRAY, "an array", owner, problems)) {
      for (Located entry : ix.value().elements) {
        ModelMeta.CompositeIndex index = compositeIndex(entry, model, fields);
        if (index != null) {
          indexes.add(index);
        }
      }
    }
    return new ModelMeta(indexes, ttl);
  }

  private ModelMeta.CompositeIndex compositeIndex(Located entry, String model,
      Set<String> fields) {
    boolean shaped = entry.kind == Located.Kind.ARRAY && entry.elements.size() == 2
        && entry.elements.get(0).kind == Located.Kind.ARRAY
        && entry.elements.get(1).kind == Located.Kind.BOOLEAN;
    if (!shaped) {
      problems.add(entry.position, "An index of model '" + model + "' must be"
          + " [[\"field\", ...], unique], as in Meta.indexes, not " + entry.describe());
      return null;
    }
    List<String> names = new ArrayList<>();
    for (Located n : entry.elements.get(0).elements) {
      if (n.kind != Located.Kind.STRING) {
        problems.add(n.position, "An index of model '" + model + "' names fields by string,"
            + " not " + n.describe());
      } else if (!fields.contains(n.string())) {
        problems.add(n.position, "Index of model '" + model + "' names '" + n.string()
            + "', which is not a field of '" + model + "'" + Suggest.didYouMean(n.string(),
            fields));
      } else {
        names.add(n.string());
      }
    }
    if (names.isEmpty() || names.size() != entry.elements.get(0).elements.size()) {
      return null;
    }
    return new ModelMeta.CompositeIndex(names, (Boolean) entry.elements.get(1).scalar);
  }

  private void checkReservedNames(String model, Map<String, Located.Member> fields) {
    Located.Member key = fields.get(SQL_KEY_COLUMN);
    if (key != null) {
      problems.add(key.keyPosition(), "Field name '_key' of model '" + model + "' is reserved"
          + " for the SQL primary key column (the instance's Redis key)");
    }
  }

  /** A GeoField becomes two SQL columns; a declared field must not take either name. */
  private void checkGeoColumns(String model, List<FieldDef> fields) {
    Map<String, FieldDef> byName = new HashMap<>();
    for (FieldDef f : fields) {
      byName.put(f.name(), f);
    }
    for (FieldDef geo : fields) {
      if (!geo.isGeo()) {
        continue;
      }
      for (String part : List.of("latitude", "longitude")) {
        FieldDef clash = byName.get(geo.name() + "_" + part);
        if (clash != null) {
          problems.add(clash.position(), "Field '" + clash.name() + "' of model '" + model
              + "' collides with the " + part + " column of GeoField '" + geo.name() + "'");
        }
      }
    }
  }
}
