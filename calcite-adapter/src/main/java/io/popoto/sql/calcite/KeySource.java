package io.popoto.sql.calcite;

import java.util.List;
import redis.clients.jedis.Jedis;

/**
 * Where candidate keys come from, one batch at a time: an SSCAN of the class set, an index set,
 * a sorted-set range. Candidates are only candidates: the hash decides (spec 5.4).
 */
interface KeySource {
  /** The next batch of candidate keys, or null when there are no more. */
  List<String> next(Jedis jedis);
}
