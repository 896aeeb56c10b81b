package io.popoto.sql.discovery;

import io.popoto.sql.catalog.Catalog;
import io.popoto.sql.catalog.CatalogException;
import io.popoto.sql.catalog.CatalogReader;
import io.popoto.sql.catalog.CatalogWriter;
import io.popoto.sql.discovery.ModelSample.Row;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.Jedis;

/**
 * Builds a draft catalog by sampling a live Redis with SCAN (never KEYS), read-only. Every guess
 * is marked in the JSON output ({@code "guessed": [...]}) so a user knows what to check.
 */
public final class Discovery {

  /** What discovery found. */
  public interface Result {
    /** The draft as a usable catalog. */
    Catalog catalog();

    /** The draft in the catalog JSON format, with "guessed" markers. */
    String toJson();

    /** Notes for the user (models seen only in index keys, ambiguities ...). */
    java.util.List<String> notes();
  }

  private record Draft(Catalog catalog, String toJson, List<String> notes) implements Result {}

  /** SCAN's COUNT hint: large pages keep the round trips few on big keyspaces. */
  private static final int SCAN_PAGE = 1000;

  private Discovery() {}

  /**
   * @param jedis a connection to the database to sample (nothing is written)
   * @param sampleSize at most this many instance hashes are read per model
   */
  public static Result discover(Jedis jedis, int sampleSize) {
    if (sampleSize < 1) {
      throw new IllegalArgumentException("sampleSize must be at least 1, was " + sampleSize);
    }
    IndexInventory inventory = IndexInventory.scan(jedis, SCAN_PAGE, sampleSize);
    Map<String, List<Row>> samples = new LinkedHashMap<>();
    for (String model : inventory.classSets()) {
      samples.put(model, ModelSample.read(jedis, model, sampleSize));
    }
    DraftBuilder builder = new DraftBuilder(inventory, samples);
    Catalog draft = builder.build();
    String json = CatalogWriter.toJson(draft, builder.guesses()::of);
    // Reading the draft back guarantees toJson() is a catalog a user can load unchanged.
    try {
      Catalog catalog = CatalogReader.read("<discovered>",
          new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
      return new Draft(catalog, json, List.copyOf(builder.notes()));
    } catch (CatalogException e) {
      throw new IllegalStateException("discovery produced an invalid catalog: " + e.getMessage()
          + "\n" + json, e);
    }
  }
}
