package io.popoto.sql.jdbc;

import io.popoto.sql.catalog.Catalog;
import io.popoto.sql.catalog.ModelDef;
import io.popoto.sql.codec.IndexKeys;
import io.popoto.sql.codec.KeyCodec;

/**
 * The models a connection shows as tables and the schema they are reported under. The catalog
 * (TABLE_CAT) is always null, as Calcite reports it.
 */
record MetadataScope(String schemaName, Catalog catalog) {

  IndexKeys indexKeys() {
    return new IndexKeys(KeyCodec.forLine(catalog.formatLine()));
  }

  /** The model a Relationship points to, or null when the catalog lacks it. */
  ModelDef target(String modelName) {
    return modelName == null ? null : catalog.model(modelName);
  }
}
