package io.popoto.sql.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Writes a {@link Catalog} in the JSON format {@link CatalogReader} reads, leaving out what
 * equals the defaults so the output looks like a hand-written catalog.
 */
public final class CatalogWriter {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(
      Separators.createDefaultInstance()
          .withObjectFieldValueSpacing(Separators.Spacing.AFTER));

  private CatalogWriter() {}

  public static String toJson(Catalog catalog) {
    return toJson(catalog, (model, field) -> null);
  }

  /**
   * @param guessed the properties discovery guessed, written as {@code "guessed"}; called with
   *     a null field for the model's own guesses and with a null model and field for the
   *     catalog's own (popoto line, zone); may return null or an empty list
   */
  public static String toJson(Catalog catalog,
      BiFunction<ModelDef, FieldDef, List<String>> guessed) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("popoto", catalog.formatLine().label());
    root.put("naiveDatetimeZone",
        catalog.naiveZone() == null ? null : catalog.naiveZone().getId());
    putGuessed(root, guessed.apply(null, null));
    ObjectNode models = root.putObject("models");
    for (ModelDef model : catalog.models()) {
      ObjectNode modelNode = models.putObject(model.name());
      ObjectNode fields = modelNode.putObject("fields");
      for (FieldDef field : model.fields()) {
        if (!field.hidden()) {
          ObjectNode node = field(field);
          putGuessed(node, guessed.apply(model, field));
          fields.set(field.name(), node);
        }
      }
      putGuessed(modelNode, guessed.apply(model, null));
    }
    try {
      return MAPPER.writer(PRETTY).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode field(FieldDef field) {
    FieldClass fieldClass = field.fieldClass();
    ObjectNode node = MAPPER.createObjectNode();
    node.put("class", fieldClass.popotoName());
    if (field.type() != fieldClass.defaultType()) {
      node.put("type", field.type().pythonName());
    }
    if (field.nullable() != nullableByDefault(fieldClass)) {
      node.put("null", field.nullable());
    }
    if (field.defaultValue() != null) {
      node.set("default", MAPPER.valueToTree(field.defaultValue()));
    }
    if (field.partitionBy().size() == 1) {
      node.put("partitionBy", field.partitionBy().get(0));
    } else if (!field.partitionBy().isEmpty()) {
      ArrayNode partitions = node.putArray("partitionBy");
      field.partitionBy().forEach(partitions::add);
    }
    if (field.model() != null) {
      node.put("model", field.model());
    }
    if (!field.indexPrefix().equals(fieldClass.defaultIndexPrefix())) {
      node.put("indexPrefix", field.indexPrefix());
    }
    if (field.decimalPlaces() != null) {
      node.put("decimal_places", field.decimalPlaces());
    }
    return node;
  }

  /** Mirrors the reader's default for {@code "null"}. */
  private static boolean nullableByDefault(FieldClass c) {
    return c != FieldClass.AUTO_KEY_FIELD && c != FieldClass.SORTED_FIELD
        && c != FieldClass.SORTED_KEY_FIELD;
  }

  private static void putGuessed(ObjectNode node, List<String> guesses) {
    if (guesses != null && !guesses.isEmpty()) {
      ArrayNode array = node.putArray("guessed");
      guesses.forEach(array::add);
    }
  }
}
