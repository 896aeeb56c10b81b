package io.popoto.sql.discovery;

import io.popoto.sql.catalog.FieldDef;
import io.popoto.sql.catalog.ModelDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The properties discovery guessed rather than read, per catalog, model and field; written as
 * the {@code "guessed"} arrays of the draft so a user knows what to check.
 */
final class Guesses {
  private final List<String> catalog = new ArrayList<>();
  private final Map<String, List<String>> byOwner = new LinkedHashMap<>();

  void catalog(String property) {
    catalog.add(property);
  }

  void model(String model, String property) {
    add(model, property);
  }

  void field(String model, String field, String property) {
    add(model + "." + field, property);
  }

  private void add(String owner, String property) {
    List<String> list = byOwner.computeIfAbsent(owner, o -> new ArrayList<>());
    if (!list.contains(property)) {
      list.add(property);
    }
  }

  /** In the shape {@code CatalogWriter.toJson} asks for: null model and field for the top. */
  List<String> of(ModelDef model, FieldDef field) {
    if (model == null) {
      return catalog;
    }
    String owner = field == null ? model.name() : model.name() + "." + field.name();
    return byOwner.getOrDefault(owner, List.of());
  }
}
