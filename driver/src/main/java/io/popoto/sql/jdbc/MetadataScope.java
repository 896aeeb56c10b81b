package io.popoto.sql.jdbc;

import io.popoto.sql.catalog.Catalog;
import io.popoto.sql.catalog.ModelDef;
import io.popoto.sql.codec.IndexKeys;
import io.popoto.sql.codec.KeyCodec;
import java.util.ArrayList;
import java.util.List;

/**
 * The models a connection shows as tables, with the catalog and schema names they are reported
 * under, and the filter every metadata method applies to its catalog, schema and table
 * arguments.
 */
record MetadataScope(String catalogName, String schemaName, Catalog catalog) {

  IndexKeys indexKeys() {
    return new IndexKeys(KeyCodec.forLine(catalog.formatLine()));
  }

  /** Whether the catalog and schema arguments select our schema. */
  boolean selects(String catalogPattern, String schemaPattern) {
    return NamePattern.matches(catalogPattern, catalogName)
        && NamePattern.matches(schemaPattern, schemaName);
  }

  /** The models selected by the arguments, in catalog order. */
  List<ModelDef> models(String catalogPattern, String schemaPattern, String tablePattern) {
    List<ModelDef> out = new ArrayList<>();
    if (selects(catalogPattern, schemaPattern)) {
      for (ModelDef m : catalog.models()) {
        if (NamePattern.matches(tablePattern, m.name())) {
          out.add(m);
        }
      }
    }
    return out;
  }

  /** The model a Relationship points to, or null when the catalog lacks it. */
  ModelDef target(String modelName) {
    return modelName == null ? null : catalog.model(modelName);
  }
}
