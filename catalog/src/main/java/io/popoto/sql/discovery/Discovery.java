package io.popoto.sql.discovery;

import io.popoto.sql.catalog.Catalog;
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

  private Discovery() {}

  /**
   * @param jedis a connection to the database to sample (nothing is written)
   * @param sampleSize at most this many instance hashes are read per model
   */
  public static Result discover(Jedis jedis, int sampleSize) {
    throw new UnsupportedOperationException("TODO");
  }
}
