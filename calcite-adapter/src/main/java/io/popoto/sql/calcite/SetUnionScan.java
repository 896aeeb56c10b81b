package io.popoto.sql.calcite;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.util.SafeEncoder;

/**
 * The members of several sets (an IN list's value sets, a batched join's reverse sets), each
 * once, the first seen first, in {@link BatchSizes} batches, read a group of sets at a time:
 * SMEMBERS for the first {@value #FIRST_GROUP} sets, then, ahead of each batch's fetch
 * ({@link #ahead}), for as many more sets as the members per set so far say that batch needs.
 * Read all at once, the 10,000 members of a join batch's 100 reverse sets came back as half a
 * megabyte the client parsed while nothing else was asked of Redis on the connection, the
 * longest of Redis's waits in a join over all parents; read in groups, each group's reply comes
 * behind the fetch in flight, and only the members not fetched yet are held.
 */
final class SetUnionScan implements KeySource {
  /** Sets whose members the first round trip asks for, before anything else is in flight. */
  static final int FIRST_GROUP = 8;

  private final RedisSource source;
  private final List<String> setKeys;
  private final int batchSize;
  /** Members seen, to hand out each once; null for one set, whose members are distinct. */
  private final Set<String> seen;
  /** Members read and not handed out yet: their text and the bytes Redis listed them in. */
  private final ArrayDeque<String> texts = new ArrayDeque<>();
  private final ArrayDeque<byte[]> raws = new ArrayDeque<>();
  /** Sets read so far (a group's position moves when its replies are read). */
  private int setsRead;
  private long membersRead;
  private int batches;

  SetUnionScan(RedisSource source, List<String> setKeys, int batchSize) {
    this.source = source;
    this.setKeys = setKeys;
    this.batchSize = batchSize;
    this.seen = setKeys.size() < 2 ? null : new HashSet<>();
  }

  @Override
  public List<String> next(Jedis jedis) {
    while (true) {
      List<String> batch = ReplyStream.within(jedis, stream -> ahead(stream).keys());
      if (batch == null || !batch.isEmpty()) {
        return batch;
      }
    }
  }

  @Override
  public boolean drained() {
    return texts.isEmpty() && setsRead == setKeys.size();
  }

  /**
   * The next batch: from the members held when they are enough (or no set is left), else after
   * the SMEMBERS of the next group, written now. Its keys may be fewer than a batch, or none
   * while sets are left; null at the end.
   */
  @Override
  public Ahead ahead(ReplyStream stream) {
    int want = BatchSizes.of(batchSize, batches);
    if (texts.size() >= want || setsRead == setKeys.size()) {
      return () -> take(want);
    }
    int from = setsRead;
    int to = Math.min(setKeys.size(), from + groupSize(want - texts.size()));
    for (int i = from; i < to; i++) {
      stream.send(new CommandArguments(Protocol.Command.SMEMBERS).key(setKeys.get(i)));
    }
    return () -> {
      for (int i = from; i < to; i++) {
        Object reply = stream.next();
        if (reply instanceof JedisDataException e) {
          throw RedisReplies.refused(source, "SMEMBERS", setKeys.get(i), e);
        }
        add((List<?>) reply);
      }
      source.recordRoundTrips(1);
      source.recordCommand("SMEMBERS", to - from);
      setsRead = to;
      return take(want);
    };
  }

  /** Sets to ask for next: the first group, then as many as {@code missing} members take. */
  private int groupSize(int missing) {
    if (setsRead == 0 || membersRead == 0) {
      return FIRST_GROUP;
    }
    double perSet = (double) membersRead / setsRead;
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.ceil(missing / perSet)));
  }

  private void add(List<?> members) {
    membersRead += members.size();
    for (Object m : members) {
      byte[] raw = (byte[]) m;
      String key = SafeEncoder.encode(raw);
      if (seen == null || seen.add(key)) {
        texts.add(key);
        raws.add(raw);
      }
    }
  }

  private List<String> take(int want) {
    if (texts.isEmpty()) {
      return setsRead == setKeys.size() ? null : List.of();
    }
    int n = Math.min(want, texts.size());
    RawKeys batch = new RawKeys(n);
    for (int i = 0; i < n; i++) {
      batch.add(texts.poll(), raws.poll());
    }
    batches++;
    return batch;
  }
}
