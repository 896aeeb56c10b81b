package io.popoto.sql.calcite;

import java.util.List;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.resps.Tuple;

/**
 * One score range of a zset read in score order with the scores (ZRANGEBYSCORE / ZREVRANGEBYSCORE
 * ... WITHSCORES LIMIT), page by page, and the rest of one score's members in one command. Redis
 * orders the members of one score by their bytes, ascending for ZRANGEBYSCORE and descending for
 * ZREVRANGEBYSCORE, so both reads agree on the order within a score.
 */
final class ZsetPages {
  private final RedisSource source;
  private final String key;
  private final String min;
  private final String max;
  private final boolean descending;
  private final int firstPage;
  private final int pageSize;
  private int offset;
  private int lastCount;
  private boolean done;

  ZsetPages(RedisSource source, String key, String min, String max, boolean descending,
      int firstPage, int pageSize) {
    this.source = source;
    this.key = key;
    this.min = min;
    this.max = max;
    this.descending = descending;
    this.firstPage = firstPage;
    this.pageSize = pageSize;
  }

  boolean descending() {
    return descending;
  }

  /** The next page of members with their scores, or null at the end of the range. */
  List<Tuple> next(Jedis jedis) {
    if (done) {
      return null;
    }
    // pages after the first grow from its size: stale members at the top, or a filter above,
    // usually need only a few more, and a large tail is still read in few round trips
    int count = lastCount == 0 ? Math.min(firstPage, pageSize)
        : (int) Math.min(pageSize, 2L * lastCount);
    lastCount = count;
    List<Tuple> page = descending
        ? jedis.zrevrangeByScoreWithScores(key, max, min, offset, count)
        : jedis.zrangeByScoreWithScores(key, min, max, offset, count);
    source.recordRoundTrip(descending ? "ZREVRANGEBYSCORE" : "ZRANGEBYSCORE");
    offset += page.size();
    done = page.size() < count;
    return page.isEmpty() ? null : page;
  }

  /**
   * The members of {@code score} after the first {@code seen} of them, in the pages' order, in
   * one command; the paging then goes on after them. This completes the tie group a page ended
   * in, however large, without paging through it.
   */
  List<Tuple> restOfScore(Jedis jedis, double score, int seen) {
    if (done) {
      return List.of();
    }
    String s = Double.toString(score);
    List<Tuple> all = descending ? jedis.zrevrangeByScoreWithScores(key, s, s)
        : jedis.zrangeByScoreWithScores(key, s, s);
    source.recordRoundTrip(descending ? "ZREVRANGEBYSCORE" : "ZRANGEBYSCORE");
    List<Tuple> rest = seen >= all.size() ? List.of() : all.subList(seen, all.size());
    offset += rest.size();
    return rest;
  }
}
