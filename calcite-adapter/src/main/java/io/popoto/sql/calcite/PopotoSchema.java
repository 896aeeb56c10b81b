package io.popoto.sql.calcite;

import io.popoto.sql.catalog.Catalog;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/** One Calcite schema over one Popoto keyspace: a table per model of the catalog. */
public final class PopotoSchema extends AbstractSchema {
  private final Catalog catalog;
  private final RedisSource source;
  private final ReaderOptions options;

  public PopotoSchema(Catalog catalog, RedisSource source, ReaderOptions options) {
    this.catalog = catalog;
    this.source = source;
    this.options = options;
  }

  public Catalog catalog() {
    return catalog;
  }

  public RedisSource source() {
    return source;
  }

  public ReaderOptions options() {
    return options;
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return Map.of(); // TODO tables
  }
}
