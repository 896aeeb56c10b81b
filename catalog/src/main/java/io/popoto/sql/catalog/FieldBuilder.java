package io.popoto.sql.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads one field object of a catalog model into a {@link FieldDef}, reporting its problems. */
final class FieldBuilder {
  static final List<String> PROPERTIES = List.of("class", "type", "null", "default",
      "partitionBy", "partition_by", "sort_by", "model", "indexPrefix", "subclass", "auto_now",
      "auto_now_add", "max_length", "decimal_places", "guessed");
  private static final List<String> PARTITION_NAMES = List.of("partitionBy", "partition_by",
      "sort_by");
  /** The types Popoto can turn into a sorted-set score (spec 4.3). */
  private static final Set<ValueType> SORTABLE = EnumSet.of(ValueType.INT, ValueType.FLOAT,
      ValueType.DECIMAL, ValueType.DATE, ValueType.DATETIME, ValueType.TIME);

  private final Problems problems;
  private final String model;
  private final Set<String> modelFields;
  private final Set<String> catalogModels;

  /**
   * @param modelFields the names of every field declared by the model
   * @param catalogModels the names of every model of the catalog, for relationships
   */
  FieldBuilder(Problems problems, String model, Set<String> modelFields,
      Set<String> catalogModels) {
    this.problems = problems;
    this.model = model;
    this.modelFields = modelFields;
    this.catalogModels = catalogModels;
  }

  /** The field, or null when it has problems that leave no usable definition. */
  FieldDef build(Located.Member declaration) {
    String name = declaration.key();
    String owner = "field '" + name + "' of model '" + model + "'";
    Located obj = declaration.value();
    if (obj.kind != Located.Kind.OBJECT) {
      problems.add(obj.position, "Field '" + name + "' of model '" + model
          + "' must be an object such as {\"class\": \"Field\"}, not " + obj.describe());
      return null;
    }
    Shapes.checkMembers(obj, PROPERTIES, owner, problems);
    FieldClass fieldClass = fieldClass(declaration, obj, owner);
    ValueType type = type(obj, fieldClass, owner);
    boolean nullable = nullable(obj, fieldClass, owner);
    List<String> partitionBy = partitionBy(obj, fieldClass, name, owner);
    String target = relatedModel(declaration, obj, fieldClass, owner);
    String prefix = indexPrefix(obj, owner);
    checkFlags(obj, fieldClass, owner);
    Object defaultValue = defaultValue(obj, type, owner);
    Integer places = decimalPlaces(obj, type, owner);
    if (fieldClass == null || type == null) {
      return null;
    }
    return new FieldDef(name, fieldClass, type, nullable, defaultValue, partitionBy, target,
        prefix, false, declaration.keyPosition(), places);
  }

  private FieldClass fieldClass(Located.Member declaration, Located obj, String owner) {
    Located.Member m = obj.member("class");
    if (m == null) {
      problems.add(declaration.keyPosition(), "Field '" + declaration.key() + "' of model '"
          + model + "' has no 'class'; give its Popoto field class, e.g. \"class\": \"Field\"");
      return null;
    }
    String text = Shapes.string(m, owner, problems);
    if (text == null) {
      return null;
    }
    FieldClass c = FieldClass.byPopotoName(text);
    if (c == null) {
      List<String> names = Arrays.stream(FieldClass.values()).map(FieldClass::popotoName)
          .collect(Collectors.toList());
      problems.add(m.value().position, "Unknown field class '" + text + "' for " + owner
          + Suggest.didYouMean(text, names));
    }
    return c;
  }

  /** The declared type; null only when the class is unknown or the type is invalid. */
  private ValueType type(Located obj, FieldClass fieldClass, String owner) {
    Located.Member m = obj.member("type");
    if (m == null) {
      return fieldClass == null ? null : fieldClass.defaultType();
    }
    String text = Shapes.string(m, owner, problems);
    if (text == null) {
      return null;
    }
    ValueType type = ValueType.parse(text);
    if (type == null) {
      List<String> names = Arrays.stream(ValueType.values()).filter(ValueType::declarable)
          .map(ValueType::pythonName).collect(Collectors.toList());
      problems.add(m.value().position, "Unknown type '" + text + "' for " + owner
          + Suggest.didYouMean(text, names));
      return null;
    }
    if (fieldClass == null) {
      return null;
    }
    if (!fieldClass.acceptsType() && type != fieldClass.defaultType()) {
      problems.add(m.value().position, fieldClass.popotoName() + " " + owner
          + " cannot have type '" + text + "'; this class always holds '"
          + fieldClass.defaultType().pythonName() + "'");
      return null;
    }
    if (fieldClass.isSorted() && !SORTABLE.contains(type)) {
      problems.add(m.value().position, fieldClass.popotoName() + " " + owner
          + " cannot have type '" + text + "'; sorted fields hold int, float, Decimal, date,"
          + " datetime or time");
      return null;
    }
    return type;
  }

  private boolean nullable(Located obj, FieldClass fieldClass, String owner) {
    Located.Member m = obj.member("null");
    Boolean given = m == null ? null : Shapes.bool(m, owner, problems);
    if (given != null) {
      return given;
    }
    // Popoto forces null=False on the classes that must always have a value.
    return fieldClass != FieldClass.AUTO_KEY_FIELD && fieldClass != FieldClass.SORTED_FIELD
        && fieldClass != FieldClass.SORTED_KEY_FIELD;
  }

  private List<String> partitionBy(Located obj, FieldClass fieldClass, String name,
      String owner) {
    List<String> result = new ArrayList<>();
    Located.Member m = null;
    for (Located.Member candidate : obj.members) {
      if (!PARTITION_NAMES.contains(candidate.key())) {
        continue;
      }
      if (m != null && !m.key().equals(candidate.key())) {
        problems.add(candidate.keyPosition(), "Give only one of 'partitionBy', 'partition_by'"
            + " and 'sort_by' for " + owner);
      }
      m = candidate;
    }
    if (m == null) {
      return result;
    }
    if (fieldClass != null && !fieldClass.isSorted()) {
      problems.add(m.keyPosition(), "Property '" + m.key() + "' is only for SortedField and"
          + " SortedKeyField, not for " + fieldClass.popotoName() + " " + owner);
    }
    List<Located> names = m.value().kind == Located.Kind.ARRAY
        ? m.value().elements : List.of(m.value());
    for (Located n : names) {
      if (n.kind != Located.Kind.STRING) {
        problems.add(n.position, "Property '" + m.key() + "' of " + owner
            + " must be a field name or an array of field names, not " + n.describe());
      } else if (n.string().equals(name)) {
        problems.add(n.position, "Field '" + name + "' of model '" + model
            + "' cannot be partitioned by itself");
      } else if (!modelFields.contains(n.string())) {
        problems.add(n.position, "Field '" + name + "' of model '" + model
            + "' is partitioned by '" + n.string() + "', which is not a field of '" + model + "'"
            + Suggest.didYouMean(n.string(), modelFields));
      } else {
        result.add(n.string());
      }
    }
    return result;
  }

  private String relatedModel(Located.Member declaration, Located obj, FieldClass fieldClass,
      String owner) {
    Located.Member m = obj.member("model");
    if (m == null) {
      if (fieldClass == FieldClass.RELATIONSHIP) {
        problems.add(declaration.keyPosition(), "Relationship '" + declaration.key()
            + "' of model '" + model + "' has no 'model'; name the related model, e.g."
            + " \"model\": \"" + model + "\"");
      }
      return null;
    }
    String target = Shapes.string(m, owner, problems);
    if (target == null) {
      return null;
    }
    if (fieldClass != null && fieldClass != FieldClass.RELATIONSHIP) {
      problems.add(m.keyPosition(), "Property 'model' is only for Relationship fields, not for "
          + fieldClass.popotoName() + " " + owner);
      return null;
    }
    if (!catalogModels.contains(target)) {
      problems.add(m.value().position, "Relationship '" + declaration.key() + "' of model '"
          + model + "' points to unknown model '" + target + "'"
          + Suggest.didYouMean(target, catalogModels));
    }
    return target;
  }

  /** The explicit prefix, the subclass's prefix, or null for the class's own. */
  private String indexPrefix(Located obj, String owner) {
    Located.Member explicit = obj.member("indexPrefix");
    Located.Member subclass = obj.member("subclass");
    if (explicit != null && subclass != null) {
      Located.Member later = explicit.keyPosition().line() > subclass.keyPosition().line()
          || (explicit.keyPosition().line() == subclass.keyPosition().line()
              && explicit.keyPosition().column() > subclass.keyPosition().column())
          ? explicit : subclass;
      problems.add(later.keyPosition(), "Give either 'indexPrefix' or 'subclass' for " + owner
          + ", not both");
      return null;
    }
    if (explicit != null) {
      String prefix = Shapes.string(explicit, owner, problems);
      if (prefix != null && !prefix.startsWith("$")) {
        problems.add(explicit.value().position, "Index prefix '" + prefix + "' of " + owner
            + " must start with '$', like '$SortF'");
        return null;
      }
      return prefix;
    }
    if (subclass != null) {
      String pythonName = Shapes.string(subclass, owner, problems);
      if (pythonName != null && pythonName.isBlank()) {
        problems.add(subclass.value().position, "Property 'subclass' of " + owner
            + " must name the Python class, e.g. \"PriceField\"");
        return null;
      }
      return pythonName == null ? null : FieldClass.prefixOf(pythonName);
    }
    return null;
  }

  /** Informational properties: only their JSON type and where they may appear are checked. */
  private void checkFlags(Located obj, FieldClass fieldClass, String owner) {
    for (String flag : List.of("auto_now", "auto_now_add")) {
      Located.Member m = obj.member(flag);
      if (m == null || Shapes.bool(m, owner, problems) == null || fieldClass == null) {
        continue;
      }
      if (fieldClass != FieldClass.DATETIME_FIELD && fieldClass != FieldClass.SORTED_FIELD) {
        problems.add(m.keyPosition(), "Property '" + flag + "' is only for DatetimeField and"
            + " SortedField, not for " + fieldClass.popotoName() + " " + owner);
      }
    }
    Located.Member maxLength = obj.member("max_length");
    if (maxLength != null) {
      Shapes.expect(maxLength, Located.Kind.INTEGER, "an integer", owner, problems);
    }
  }

  /**
   * {@code decimal_places} (Django's and pydantic's word; Popoto's DecimalField has none): the
   * scale of a Decimal field's values, as a SQL NUMERIC(p, s) column declares it.
   */
  private Integer decimalPlaces(Located obj, ValueType type, String owner) {
    Located.Member m = obj.member("decimal_places");
    if (m == null || !Shapes.expect(m, Located.Kind.INTEGER, "an integer", owner, problems)) {
      return null;
    }
    long places = ((Number) m.value().scalar).longValue();
    if (type != null && type != ValueType.DECIMAL) {
      problems.add(m.keyPosition(), "Property 'decimal_places' is only for Decimal fields, not"
          + " for type '" + type.pythonName() + "' of " + owner);
      return null;
    }
    if (places < 0 || places > FieldDef.MAX_DECIMAL_PLACES) {
      problems.add(m.value().position, "Property 'decimal_places' of " + owner
          + " must be between 0 and " + FieldDef.MAX_DECIMAL_PLACES + ", not " + places);
      return null;
    }
    return type == null ? null : (int) places;
  }

  private Object defaultValue(Located obj, ValueType type, String owner) {
    Located.Member m = obj.member("default");
    if (m == null || type == null) {
      return null;
    }
    if (!DefaultValues.fits(m.value(), type)) {
      problems.add(m.value().position, "Default value of " + owner + " does not fit its type '"
          + type.pythonName() + "'");
      return null;
    }
    return DefaultValues.convert(m.value(), type);
  }
}
