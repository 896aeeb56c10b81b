package io.popoto.sql.calcite;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Fetches the rows of a batch of candidate keys in one pipeline: HMGET of just the needed hash
 * fields per key. A key whose hash does not exist is not a row (spec 8.1): HMGET answers all
 * nils for it, and since Popoto writes every field on a full save, only an all-nil answer needs
 * the follow-up HLEN round trip to tell a missing hash from a partial one. A key that holds
 * something other than a hash (Redis answers WRONGTYPE) is not a row either: it is skipped with
 * a warning naming it, never failing the scan. A 1.x capped list column is an LRANGE of
 * {@code <key>::<field>} in the same pipeline.
 */
final class HashFetcher {
  private final RedisSource source;
  private final RowDecoder decoder;
  private final byte[][] fields;
  private final List<byte[]> listSuffixes = new ArrayList<>();

  HashFetcher(RedisSource source, RowDecoder decoder) {
    this.source = source;
    this.decoder = decoder;
    List<String> names = decoder.hashFields();
    this.fields = new byte[names.size()][];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = names.get(i).getBytes(StandardCharsets.UTF_8);
    }
    for (io.popoto.sql.catalog.FieldDef f : decoder.listFields()) {
      listSuffixes.add(("::" + f.name()).getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The rows of the keys whose hash exists, in key order. */
  List<Object[]> fetch(Jedis jedis, List<String> candidates) {
    List<String> keys = rowKeys(candidates);
    List<Object[]> rows = new ArrayList<>(keys.size());
    if (keys.isEmpty()) {
      return rows;
    }
    if (!listSuffixes.isEmpty()) {
      return fetchWithLists(jedis, keys);
    }
    if (fields.length == 0) {
      for (String key : existing(jedis, keys)) {
        rows.add(decoder.decode(key, List.of()));
      }
      return rows;
    }
    Pipeline p = jedis.pipelined();
    List<Response<List<byte[]>>> replies = new ArrayList<>(keys.size());
    for (String key : keys) {
      replies.add(p.hmget(key.getBytes(StandardCharsets.UTF_8), fields));
    }
    p.sync();
    source.recordRoundTrips(1);
    source.recordCommand("HMGET", keys.size());
    List<String> unsure = new ArrayList<>();
    List<List<byte[]>> values = new ArrayList<>(keys.size());
    boolean[] allNil = new boolean[keys.size()];
    for (int i = 0; i < keys.size(); i++) {
      List<byte[]> v = reply(replies.get(i), "HMGET", keys.get(i));
      values.add(v);
      if (v == null) {
        continue; // not a hash
      }
      allNil[i] = v.stream().allMatch(b -> b == null);
      if (allNil[i]) {
        unsure.add(keys.get(i));
      }
    }
    java.util.Set<String> confirmed = unsure.isEmpty()
        ? java.util.Set.of() : new java.util.HashSet<>(existing(jedis, unsure));
    for (int i = 0; i < keys.size(); i++) {
      if (values.get(i) == null || allNil[i] && !confirmed.contains(keys.get(i))) {
        continue;
      }
      rows.add(decoder.decode(keys.get(i), values.get(i)));
    }
    return rows;
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

  /**
   * The batch's HMGETs and each capped list's {@code LRANGE <key>::<field> 0 -1} in one
   * pipeline: the list is returned in its stored order, as Popoto loads it.
   */
  private List<Object[]> fetchWithLists(Jedis jedis, List<String> keys) {
    Pipeline p = jedis.pipelined();
    List<Response<List<byte[]>>> hashes = new ArrayList<>(keys.size());
    List<Response<List<byte[]>>> lists = new ArrayList<>(keys.size() * listSuffixes.size());
    for (String key : keys) {
      byte[] raw = key.getBytes(StandardCharsets.UTF_8);
      if (fields.length > 0) {
        hashes.add(p.hmget(raw, fields));
      }
      for (byte[] suffix : listSuffixes) {
        byte[] listKey = java.util.Arrays.copyOf(raw, raw.length + suffix.length);
        System.arraycopy(suffix, 0, listKey, raw.length, suffix.length);
        lists.add(p.lrange(listKey, 0, -1));
      }
    }
    p.sync();
    source.recordRoundTrips(1);
    if (fields.length > 0) {
      source.recordCommand("HMGET", keys.size());
    }
    source.recordCommand("LRANGE", lists.size());
    List<String> unsure = new ArrayList<>();
    List<List<byte[]>> values = new ArrayList<>(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      List<byte[]> v = fields.length > 0 ? reply(hashes.get(i), "HMGET", keys.get(i)) : List.of();
      values.add(v);
      if (v != null && v.stream().allMatch(b -> b == null)) {
        unsure.add(keys.get(i));
      }
    }
    java.util.Set<String> confirmed = unsure.isEmpty()
        ? java.util.Set.of() : new java.util.HashSet<>(existing(jedis, unsure));
    java.util.Set<String> doubtful = new java.util.HashSet<>(unsure);
    List<Object[]> rows = new ArrayList<>(keys.size());
    int n = listSuffixes.size();
    for (int i = 0; i < keys.size(); i++) {
      String key = keys.get(i);
      if (values.get(i) == null || doubtful.contains(key) && !confirmed.contains(key)) {
        continue;
      }
      List<List<byte[]>> items = new ArrayList<>(n);
      for (int j = 0; j < n; j++) {
        items.add(lists.get(i * n + j).get());
      }
      rows.add(decoder.decode(key, values.get(i), items));
    }
    return rows;
  }

  /**
   * The keys that hold a hash, in order; one pipelined round trip. HLEN rather than EXISTS: a
   * key of another type exists but is not a row (Redis never keeps an empty hash).
   */
  private List<String> existing(Jedis jedis, List<String> keys) {
    Pipeline p = jedis.pipelined();
    List<Response<Long>> replies = new ArrayList<>(keys.size());
    for (String key : keys) {
      replies.add(p.hlen(key));
    }
    p.sync();
    source.recordRoundTrips(1);
    source.recordCommand("HLEN", keys.size());
    List<String> found = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      Long fields = reply(replies.get(i), "HLEN", keys.get(i));
      if (fields != null && fields > 0) {
        found.add(keys.get(i));
      }
    }
    return found;
  }

  /** A reply about one key; null, with a warning, when the key is not a hash. */
  private <T> T reply(Response<T> reply, String command, String key) {
    try {
      return reply.get();
    } catch (JedisDataException e) {
      if (RedisReplies.isWrongType(e)) {
        decoder.warn("Key '" + key + "' is not a hash (" + command + " answered WRONGTYPE): "
            + "not a row, skipped");
        return null;
      }
      throw RedisReplies.refused(source, command, key, e);
    }
  }
}
