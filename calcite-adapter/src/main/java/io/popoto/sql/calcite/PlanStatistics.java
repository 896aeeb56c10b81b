package io.popoto.sql.calcite;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;
import redis.clients.jedis.Jedis;

/**
 * Index sizes the planner asks for (SCARD of a value or reverse set, ZCOUNT of a score range,
 * the members of a geo set within a circle),
 * read once and kept briefly: the planner asks for the same estimate many times while it plans
 * one statement, and a prepared statement is planned once. Reads go through the counted source,
 * so they show in command counts like any other read.
 */
final class PlanStatistics {
  private static final long TTL_NANOS = 30_000_000_000L;

  private record Entry(long value, long at) {}

  private final RedisSource source;
  private final Map<List<String>, Entry> cache = new ConcurrentHashMap<>();

  PlanStatistics(RedisSource source) {
    this.source = source;
  }

  /** SCARD of each set, summed; the sets not cached are counted in one pipeline. */
  long cardinality(List<String> setKeys) {
    long now = System.nanoTime();
    long sum = 0;
    List<String> missing = new java.util.ArrayList<>();
    for (String k : setKeys) {
      Entry e = cache.get(List.of("SCARD", k));
      if (e == null || now - e.at() > TTL_NANOS) {
        missing.add(k);
      } else {
        sum += e.value();
      }
    }
    if (!missing.isEmpty()) {
      List<redis.clients.jedis.Response<Long>> replies = new java.util.ArrayList<>();
      try (Jedis jedis = source.borrow()) {
        redis.clients.jedis.Pipeline p = jedis.pipelined();
        for (String k : missing) {
          replies.add(p.scard(k));
        }
        p.sync();
      }
      source.recordRoundTrips(1);
      source.recordCommand("SCARD", missing.size());
      bound();
      for (int i = 0; i < missing.size(); i++) {
        long n = estimate(replies.get(i));
        cache.put(List.of("SCARD", missing.get(i)), new Entry(n, now));
        sum += n;
      }
    }
    return sum;
  }

  /** ZCOUNT of a score range (bounds as ZRANGEBYSCORE takes them). */
  long count(String zset, String min, String max) {
    return read(List.of("ZCOUNT", zset, min, max), j -> j.zcount(zset, min, max));
  }

  /**
   * Members of a geo set within a circle, counted up to {@code cap}: GEOSEARCH with COUNT ANY
   * stops at the cap, so the reply stays small however many points the circle holds (below the
   * cap the count is exact). The planner learns how selective a radius is instead of guessing.
   */
  long geoCount(String geoSet, double lon, double lat, double km, int cap) {
    return read(List.of("GEOSEARCH", geoSet, Double.toString(lon), Double.toString(lat),
        Double.toString(km), Integer.toString(cap)), j -> j.geosearch(geoSet,
            new redis.clients.jedis.params.GeoSearchParam().fromLonLat(lon, lat)
                .byRadius(km, redis.clients.jedis.args.GeoUnit.KM).count(cap, true)).size());
  }

  /** A count for the plan; a key of another type counts 0 (the read itself reports it). */
  private static long estimate(redis.clients.jedis.Response<Long> reply) {
    try {
      return reply.get();
    } catch (redis.clients.jedis.exceptions.JedisDataException notCountable) {
      return 0;
    }
  }

  private void bound() {
    if (cache.size() > 10_000) {
      cache.clear(); // a bound, not an eviction policy: statistics are cheap to read again
    }
  }

  private long read(List<String> what, ToLongFunction<Jedis> command) {
    long now = System.nanoTime();
    Entry e = cache.get(what);
    if (e == null || now - e.at() > TTL_NANOS) {
      try (Jedis jedis = source.borrow()) {
        long n;
        try {
          n = command.applyAsLong(jedis);
        } catch (redis.clients.jedis.exceptions.JedisDataException notCountable) {
          n = 0; // a key of another type: no rows through it; the read reports it, not the plan
        }
        e = new Entry(n, now);
      }
      source.recordRoundTrip(what.get(0));
      bound();
      cache.put(what, e);
    }
    return e.value();
  }
}
