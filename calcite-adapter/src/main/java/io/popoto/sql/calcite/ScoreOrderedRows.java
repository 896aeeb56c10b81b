package io.popoto.sql.calcite;

import io.popoto.sql.catalog.FieldDef;
import io.popoto.sql.catalog.ValueType;
import io.popoto.sql.codec.ScoreCodec;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import org.apache.calcite.linq4j.Enumerator;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.resps.Tuple;

/**
 * The rows of an ordered zset read ({@code ORDER BY <sorted field> [, more keys] LIMIT}),
 * handed on in the full ORDER BY order, so Calcite needs no sort and its LIMIT stops the read.
 *
 * <p>Members come in score order. Rows of one score (a tie group) are ordered by the further
 * keys: such a group is held until it is complete, and the group a page ends in is completed
 * with one read of that score ({@link ZsetPages#restOfScore}), so its size bounds the work,
 * never the table's. When the only further key is {@code _key} in the zset's own direction,
 * Redis's order of equal scores (member bytes, UTF-8) already is the answer's order and rows
 * stream without waiting for the group: UTF-8 byte order equals Java's UTF-16 order except
 * between supplementary characters and U+E000..U+FFFF, so from the first member holding a
 * character at or above U+D800 on, the rest of that group is held and sorted instead.
 *
 * <p>A member whose hash is gone, or whose hash holds another value than its score says (a
 * stale zset entry), is skipped: it would land in the wrong place, and the next page is read.
 */
final class ScoreOrderedRows implements Enumerator<Object[]> {
  private final RedisSource source;
  private final ZsetPages pages;
  private final HashFetcher fetcher;
  private final int batchSize;
  private final int keyAt;
  private final int scoreAt;
  private final FieldDef field;
  private final ScoreCodec scores;
  private final Comparator<Object[]> tieOrder;
  private final boolean redisOrderIsTieOrder;
  private final long rowLimit;
  private final Deque<Object[]> ready = new ArrayDeque<>();
  private final List<Object[]> held = new ArrayList<>();
  private Double groupScore;
  /** Members of {@code groupScore} read so far, stale or not: where the rest of it starts. */
  private int groupSeen;
  private long emitted;
  private boolean exhausted;
  private Jedis jedis;
  private Object[] current;

  /**
   * @param scoreAt the position of the sorted field in the row, for the staleness check
   * @param tieOrder the order within a score; null when any order will do
   * @param redisOrderIsTieOrder the further key is {@code _key} in the read's direction
   * @param rowLimit stop after this many rows; null for no limit
   */
  ScoreOrderedRows(RedisSource source, ZsetPages pages, HashFetcher fetcher, int batchSize,
      int keyAt, int scoreAt, FieldDef field, ScoreCodec scores, Comparator<Object[]> tieOrder,
      boolean redisOrderIsTieOrder, Integer rowLimit) {
    this.source = source;
    this.pages = pages;
    this.fetcher = fetcher;
    this.batchSize = batchSize;
    this.keyAt = keyAt;
    this.scoreAt = scoreAt;
    this.field = field;
    this.scores = scores;
    this.tieOrder = tieOrder;
    this.redisOrderIsTieOrder = redisOrderIsTieOrder;
    this.rowLimit = rowLimit == null ? Long.MAX_VALUE : rowLimit;
  }

  @Override
  public Object[] current() {
    return current;
  }

  @Override
  public boolean moveNext() {
    while (true) {
      if (emitted >= rowLimit) {
        close();
        return false;
      }
      if (!ready.isEmpty()) {
        current = ready.poll();
        emitted++;
        return true;
      }
      if (exhausted) {
        close();
        return false;
      }
      if (jedis == null) {
        jedis = source.borrow();
      }
      List<Tuple> page = pages.next(jedis);
      if (page == null) {
        exhausted = true;
        releaseGroup();
        continue;
      }
      accept(page);
      if (!held.isEmpty()) {
        // the page ended inside a tie group that must be complete before it is ordered
        List<Tuple> rest = pages.restOfScore(jedis, groupScore, groupSeen);
        for (int i = 0; i < rest.size(); i += batchSize) {
          accept(rest.subList(i, Math.min(rest.size(), i + batchSize)));
        }
        releaseGroup();
      }
    }
  }

  /** Fetches a batch's hashes and sorts its rows into tie groups. */
  private void accept(List<Tuple> members) {
    List<String> keys = new ArrayList<>(members.size());
    for (Tuple t : members) {
      keys.add(t.getElement());
    }
    List<Object[]> rows = fetcher.fetch(jedis, keys);
    int r = 0;
    for (Tuple t : members) {
      double score = t.getScore();
      if (groupScore == null || score != groupScore) {
        releaseGroup();
        groupScore = score;
        groupSeen = 0;
      }
      groupSeen++;
      // rows come back in key order, without the keys that have no hash
      Object[] row = r < rows.size() && t.getElement().equals(rows.get(r)[keyAt])
          ? rows.get(r++) : null;
      if (row == null || !fresh(row, score)) {
        continue;
      }
      if (tieOrder == null
          || redisOrderIsTieOrder && held.isEmpty() && !beyondBasicOrder(t.getElement())) {
        ready.add(row);
      } else {
        held.add(row);
      }
    }
  }

  private void releaseGroup() {
    if (!held.isEmpty()) {
      held.sort(tieOrder);
      ready.addAll(held);
      held.clear();
    }
  }

  /** Whether UTF-8 byte order and UTF-16 order may disagree about this key. */
  private static boolean beyondBasicOrder(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= '\uD800') {
        return true;
      }
    }
    return false;
  }

  /** Whether the hash's value is the one the zset scored (Calcite's internal representation). */
  private boolean fresh(Object[] row, double score) {
    Object v = row[scoreAt];
    if (v == null) {
      return false;
    }
    ValueType type = field.type();
    if (scores.uncertain(field)) {
      return true; // scored in an unknown zone: the range search is widened and re-checked
    }
    switch (type) {
      case INT:
      case FLOAT:
        return ((Number) v).doubleValue() == score;
      case DECIMAL:
        return ((BigDecimal) v).doubleValue() == score;
      case DATE:
        return scores.score(field, java.time.LocalDate.ofEpochDay(((Number) v).longValue()))
            == score;
      case TIME:
      case DATETIME:
        // millisecond values against microsecond scores
        return Math.abs(((Number) v).longValue() / 1000.0 - score) < 0.001;
      default:
        return true;
    }
  }

  @Override
  public void reset() {
    throw new UnsupportedOperationException("reset");
  }

  @Override
  public void close() {
    if (jedis != null) {
      jedis.close();
      jedis = null;
    }
  }
}
