package io.popoto.sql.catalog;

import java.io.InputStream;
import java.nio.file.Path;

/**
 * Reads and validates a JSON catalog file; every problem is reported with file, line and column.
 */
public final class CatalogReader {
  private CatalogReader() {}

  /**
   * Loads a catalog from a location: {@code classpath:some/resource.json} or a file path.
   *
   * @throws CatalogException for a missing file, bad JSON or an invalid catalog
   */
  public static Catalog load(String location) throws CatalogException {
    throw new UnsupportedOperationException("TODO");
  }

  public static Catalog read(Path file) throws CatalogException {
    throw new UnsupportedOperationException("TODO");
  }

  /** @param name the file name used in messages */
  public static Catalog read(String name, InputStream in) throws CatalogException {
    throw new UnsupportedOperationException("TODO");
  }
}
