package io.popoto.sql.jdbc;

import io.popoto.sql.catalog.Catalog;
import io.popoto.sql.catalog.ModelDef;
import io.popoto.sql.codec.IndexKeys;
import io.popoto.sql.codec.KeyCodec;

/**
 * The models a connection shows as tables and the schema and catalog they are reported under.
 *
 * @param catalogName every metadata row's catalog (TABLE_CAT), as getCatalog and getCatalogs
 *     report it: {@link #catalogName(int)} of the connection's Redis database
 */
record MetadataScope(String catalogName, String schemaName, Catalog catalog) {

  /**
   * The catalog of a Redis database, named as INFO keyspace names it ({@code db0}). JDBC tools
   * list getCatalogs and pass a name from it back to getTables, so every row carries it;
   * supportsCatalogsInDataManipulation stays false, so no tool writes it into a statement.
   */
  static String catalogName(int database) {
    return "db" + database;
  }

  IndexKeys indexKeys() {
    return new IndexKeys(KeyCodec.forLine(catalog.formatLine()));
  }

  /** The model a Relationship points to, or null when the catalog lacks it. */
  ModelDef target(String modelName) {
    return modelName == null ? null : catalog.model(modelName);
  }
}
