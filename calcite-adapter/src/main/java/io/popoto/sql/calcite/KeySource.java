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

  /**
   * Whether {@link #next} is known to answer null without asking Redis: a reader can then end
   * without borrowing a connection only to learn that (a point lookup's second borrow).
   */
  default boolean drained() {
    return false;
  }

  /**
   * For an overlapped read ({@link RowEnumerator}): starts on the next batch without waiting
   * for anything: a source that pages through Redis writes its next page's command on the
   * stream (its reply is read after those of the commands written before it), one that holds
   * its keys in memory writes nothing. The source's position moves only when the returned
   * handle reads the reply, so a page whose reply was lost with its connection is asked for
   * again.
   *
   * @return null when the next batch cannot be had without a blocking read (then {@link #next}
   *     is called with nothing in flight)
   */
  default Ahead ahead(ReplyStream stream) {
    return null;
  }

  /** A batch asked for ahead. */
  interface Ahead {
    /**
     * Its keys (reading the reply, if a command was sent): possibly empty, null at the end.
     */
    List<String> keys();
  }

  /** The {@link #ahead} of a source whose remaining batches are in memory. */
  static Ahead inMemory(KeySource source) {
    return () -> source.next(null);
  }
}
