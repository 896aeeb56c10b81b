package io.popoto.sql.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads and validates a JSON catalog file; every problem is reported with file, line and column.
 * The format is documented in docs/catalog-format.md.
 */
public final class CatalogReader {
  private static final String CLASSPATH = "classpath:";

  private CatalogReader() {}

  /**
   * Loads a catalog from a location: {@code classpath:some/resource.json} or a file path.
   *
   * @throws CatalogException for a missing file, bad JSON or an invalid catalog
   */
  public static Catalog load(String location) throws CatalogException {
    if (location == null || location.isBlank()) {
      throw new CatalogException(SourcePosition.UNKNOWN, "No catalog location given");
    }
    if (!location.startsWith(CLASSPATH)) {
      return read(Path.of(location));
    }
    String resource = location.substring(CLASSPATH.length());
    while (resource.startsWith("/")) {
      resource = resource.substring(1);
    }
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = CatalogReader.class.getClassLoader();
    }
    InputStream in = loader.getResourceAsStream(resource);
    if (in == null) {
      throw new CatalogException(new SourcePosition(location, 0, 0),
          "Catalog resource '" + resource + "' is not on the classpath");
    }
    return read(resource, in);
  }

  public static Catalog read(Path file) throws CatalogException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(file.toString(), in);
    } catch (NoSuchFileException e) {
      throw new CatalogException(new SourcePosition(file.toString(), 0, 0),
          "Catalog file '" + file.toAbsolutePath() + "' does not exist");
    } catch (IOException e) {
      throw new CatalogException(new SourcePosition(file.toString(), 0, 0),
          "Cannot read catalog file '" + file.toAbsolutePath() + "': " + e.getMessage());
    }
  }

  /** @param name the file name used in messages */
  public static Catalog read(String name, InputStream in) throws CatalogException {
    return CatalogBuilder.build(LocatedJson.parse(name, in));
  }
}
