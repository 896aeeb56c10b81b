package io.popoto.sql.calcite;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.CommandObject;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.args.Rawable;
import redis.clients.jedis.args.RawableFactory;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Fetches the rows of a batch of candidate keys in one pipeline: HMGET of just the needed hash
 * fields per key. A key whose hash does not exist is not a row (spec 8.1): HMGET answers all
 * nils for it, and since Popoto writes every field on a full save, only an all-nil answer needs
 * the follow-up HLEN round trip to tell a missing hash from a partial one. A key that holds
 * something other than a hash (Redis answers WRONGTYPE) is not a row either: it is skipped with
 * a warning naming it, never failing the scan. A 1.x capped list column is an LRANGE of
 * {@code <key>::<field>} in the same pipeline.
 *
 * <p>A fetch is a {@link Batch} in three steps, so that a reader can overlap Redis's work with
 * its own: {@link #send} writes the commands, {@link #decode} reads the replies and decodes each
 * row as soon as its reply is in (Redis answers the later commands meanwhile), straight from the
 * reply bytes, and {@link #finish} settles the all-nil answers with HLEN once nothing else is in
 * flight. {@link #readAll} reads a batch's replies without decoding them, for a batch sent ahead
 * of the one being decoded. With {@code overlap=false} every reply is read before any is decoded,
 * as a plain pipeline sync does.
 */
final class HashFetcher {
  private final RedisSource source;
  private final RowDecoder decoder;
  /** The fields to HMGET as Jedis's arguments, made once: Jedis wraps a byte[] per command. */
  private final Rawable[] fields;
  private final List<byte[]> listSuffixes = new ArrayList<>();
  private final boolean streaming;

  HashFetcher(RedisSource source, RowDecoder decoder) {
    this(source, decoder, true);
  }

  /** @param streaming decode each reply as it arrives (overlap); false: after the last one */
  HashFetcher(RedisSource source, RowDecoder decoder, boolean streaming) {
    this.source = source;
    this.decoder = decoder;
    this.streaming = streaming;
    List<String> names = decoder.hashFields();
    this.fields = new Rawable[names.size()];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = RawableFactory.from(names.get(i).getBytes(StandardCharsets.UTF_8));
    }
    for (io.popoto.sql.catalog.FieldDef f : decoder.listFields()) {
      listSuffixes.add(("::" + f.name()).getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The rows of the keys whose hash exists, in key order: send, decode, finish. */
  List<Object[]> fetch(Jedis jedis, List<String> candidates) {
    return ReplyStream.within(jedis, stream -> {
      Batch b = batch(candidates);
      send(stream, b);
      if (!streaming) {
        readAll(stream, b);
      }
      decode(stream, b);
      return finish(stream, b);
    });
  }

  /** A batch of candidates, nothing sent yet; candidates that cannot be rows are dropped. */
  Batch batch(List<String> candidates) {
    return new Batch(rowKeys(candidates));
  }

  /** Whether each reply is decoded as it arrives (the {@code overlap} option). */
  boolean streaming() {
    return streaming;
  }

  /**
   * Writes the batch's commands (nothing is read); a batch whose replies were lost with their
   * connection is sent again from scratch.
   */
  void send(ReplyStream stream, Batch b) {
    b.reset();
    PerKeyCommand hmget = fields.length > 0 ? new PerKeyCommand(Protocol.Command.HMGET, fields)
        : null;
    for (int i = 0; i < b.keys.size(); i++) {
      sendFor(stream, hmget, RawKeys.bytesOf(b.keys, i));
    }
    b.sent = true;
  }

  /**
   * One key's commands, written as their arguments alone (their replies are read raw): the
   * batch's one HMGET with this key swapped in.
   */
  private void sendFor(ReplyStream stream, PerKeyCommand hmget, byte[] key) {
    if (hmget != null) {
      stream.send(hmget.of(key));
    } else if (listSuffixes.isEmpty()) {
      stream.send(ReplyStream.COMMANDS.hlen(key)); // only _key selected: whether the hash exists
    }
    for (byte[] suffix : listSuffixes) {
      byte[] listKey = java.util.Arrays.copyOf(key, key.length + suffix.length);
      System.arraycopy(suffix, 0, listKey, key.length, suffix.length);
      stream.send(ReplyStream.COMMANDS.lrange(listKey, 0, -1));
    }
  }

  /** Replies per key: the HMGET (or HLEN), then one LRANGE per capped list. */
  private int perKey() {
    return (fields.length > 0 || listSuffixes.isEmpty() ? 1 : 0) + listSuffixes.size();
  }

  /** Reads the rest of the batch's replies, undecoded. */
  void readAll(ReplyStream stream, Batch b) {
    while (b.read < b.replies.length) {
      b.replies[b.read++] = stream.next();
    }
    record(b);
  }

  /**
   * Decodes the batch's rows, reading each key's replies as it comes to them. Keys whose answer
   * was all nils wait for {@link #finish}.
   */
  void decode(ReplyStream stream, Batch b) {
    int n = perKey();
    for (int i = b.decoded; i < b.keys.size(); i++) {
      while (b.read < (i + 1) * n) {
        b.replies[b.read++] = stream.next();
      }
      b.rows[i] = decodeKey(b, i, n);
      b.decoded = i + 1;
    }
    record(b);
  }

  /** One key's row, null when it is not one, or when it is unsure (all nils) for now. */
  private Object[] decodeKey(Batch b, int i, int n) {
    String key = b.keys.get(i);
    if (fields.length == 0 && listSuffixes.isEmpty()) {
      Long len = reply(b.replies[i], "HLEN", key);
      return len != null && len > 0 ? decoder.decode(key, List.of()) : null;
    }
    List<byte[]> values;
    if (fields.length > 0) {
      values = reply(b.replies[i * n], "HMGET", key);
      if (values == null) {
        return null; // not a hash
      }
    } else {
      values = List.of();
    }
    if (allNil(values)) {
      b.unsure.add(i);
      return null;
    }
    return decodeRow(b, i, n, values);
  }

  private Object[] decodeRow(Batch b, int i, int n, List<byte[]> values) {
    String key = b.keys.get(i);
    if (listSuffixes.isEmpty()) {
      return decoder.decode(key, values, b.repeats);
    }
    int first = i * n + (fields.length > 0 ? 1 : 0);
    List<List<byte[]>> items = new ArrayList<>(listSuffixes.size());
    for (int j = 0; j < listSuffixes.size(); j++) {
      Object r = b.replies[first + j];
      if (r instanceof JedisDataException e) {
        throw RedisReplies.refused(source, "LRANGE", key + "::"
            + decoder.listFields().get(j).name(), e);
      }
      @SuppressWarnings("unchecked")
      List<byte[]> list = (List<byte[]>) r;
      items.add(list);
    }
    return decoder.decode(key, values, items);
  }

  private static boolean allNil(List<byte[]> values) {
    for (byte[] v : values) {
      if (v != null) {
        return false;
      }
    }
    return true;
  }

  /** Whether the batch has all-nil answers that {@link #finish} must settle with HLEN. */
  boolean unsettled(Batch b) {
    return !b.unsure.isEmpty();
  }

  /**
   * The batch's rows in key order, once its all-nil answers are settled: one HLEN round trip
   * for those keys, sent only when nothing else is in flight on the stream (their replies would
   * come after the other commands'). HLEN rather than EXISTS: a key of another type exists but
   * is not a row (Redis never keeps an empty hash).
   */
  List<Object[]> finish(ReplyStream stream, Batch b) {
    if (!b.unsure.isEmpty()) {
      if (stream.outstanding() > 0) {
        throw new IllegalStateException("HLEN behind replies in flight");
      }
      List<CommandObject<Long>> sent = new ArrayList<>(b.unsure.size());
      for (int i : b.unsure) {
        CommandObject<Long> c = ReplyStream.COMMANDS.hlen(b.keys.get(i));
        stream.send(c);
        sent.add(c);
      }
      List<Object> lens = new ArrayList<>(sent.size());
      for (CommandObject<Long> c : sent) {
        lens.add(stream.next(c));
      }
      source.recordRoundTrips(1);
      source.recordCommand("HLEN", sent.size());
      int n = perKey();
      for (int u = 0; u < b.unsure.size(); u++) {
        int i = b.unsure.get(u);
        Long len = reply(lens.get(u), "HLEN", b.keys.get(i));
        if (len != null && len > 0) {
          List<byte[]> values = fields.length > 0 ? reply(b.replies[i * n], "HMGET",
              b.keys.get(i)) : List.of();
          b.rows[i] = decodeRow(b, i, n, values);
        }
      }
      b.unsure.clear();
    }
    List<Object[]> rows = new ArrayList<>(b.keys.size());
    for (Object[] row : b.rows) {
      if (row != null) {
        rows.add(row);
      }
    }
    return rows;
  }

  /** The round trip and its commands, counted once when the batch's last reply is in. */
  private void record(Batch b) {
    if (b.recorded || b.read < b.replies.length || b.keys.isEmpty()) {
      return;
    }
    b.recorded = true;
    source.recordRoundTrips(1);
    int keys = b.keys.size();
    if (fields.length > 0) {
      source.recordCommand("HMGET", keys);
    } else if (listSuffixes.isEmpty()) {
      source.recordCommand("HLEN", keys);
    }
    if (!listSuffixes.isEmpty()) {
      source.recordCommand("LRANGE", (long) keys * listSuffixes.size());
    }
  }

  /** Drops candidates that cannot be rows (list and pointer keys inside the model's glob). */
  private List<String> rowKeys(List<String> candidates) {
    for (String k : candidates) {
      if (!decoder.isRowKey(k)) {
        List<String> kept = new ArrayList<>(candidates.size());
        for (String c : candidates) {
          if (decoder.isRowKey(c)) {
            kept.add(c);
          }
        }
        return kept;
      }
    }
    return candidates;
  }

  /** A reply about one key; null, with a warning, when the key is not a hash. */
  @SuppressWarnings("unchecked")
  private <T> T reply(Object reply, String command, String key) {
    if (reply instanceof JedisDataException e) {
      if (RedisReplies.isWrongType(e)) {
        decoder.warn("Key '" + key + "' is not a hash (" + command + " answered WRONGTYPE): "
            + "not a row, skipped");
        return null;
      }
      throw RedisReplies.refused(source, command, key, e);
    }
    return (T) reply;
  }

  /**
   * One batch: its keys, the replies read so far (raw, or the error reply) and the rows decoded
   * from them. A batch whose connection was lost before all its replies were read is sent again
   * whole; once read, its replies are kept, so a retried read neither repeats nor drops a row.
   */
  final class Batch {
    final List<String> keys;
    private final Object[] replies;
    private final Object[][] rows;
    private final List<Integer> unsure = new ArrayList<>();
    /**
     * The batch's last text values (decoding is in key order, on one thread at a time); none
     * for a point lookup's one key.
     */
    private final RowDecoder.Repeats repeats;
    private int read;
    private int decoded;
    private boolean sent;
    private boolean recorded;

    private Batch(List<String> keys) {
      this.keys = keys;
      this.repeats = keys.size() > 1 ? decoder.repeats() : null;
      this.replies = new Object[keys.size() * perKey()];
      this.rows = new Object[keys.size()][];
    }

    /** Whether its commands are written and some of their replies are not read yet. */
    boolean inFlight() {
      return sent && read < replies.length;
    }

    /** Whether every reply is in. */
    boolean complete() {
      return read == replies.length;
    }

    /** Forgets replies that never came (their connection is gone): everything is sent again. */
    private void reset() {
      if (read < replies.length) {
        java.util.Arrays.fill(replies, null);
        java.util.Arrays.fill(rows, null);
        unsure.clear();
        read = 0;
        decoded = 0;
        recorded = false;
      }
    }

    void unsent() {
      if (inFlight()) {
        sent = false;
      }
    }
  }
}
