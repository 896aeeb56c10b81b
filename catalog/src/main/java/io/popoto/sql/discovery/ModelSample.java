package io.popoto.sql.discovery;

import io.popoto.sql.codec.KeyCodec;
import io.popoto.sql.codec.ValueCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/** Up to n live instance hashes of one model, read through its class set (spec 4.1). */
final class ModelSample {

  /** One instance: its key and its hash fields, in the order Redis returned them. */
  record Row(String key, Map<String, SampledValue> values, long ttlSeconds) {
    /** The key's segments after the model name, still escaped (clean() never emits ':'). */
    List<String> segments() {
      List<String> parts = KeyCodec.split(key);
      return parts.subList(1, parts.size());
    }
  }

  private ModelSample() {}

  static List<Row> read(Jedis jedis, String model, int limit) {
    List<String> keys = new ArrayList<>();
    ScanParams params = new ScanParams().count(Math.max(10, limit));
    String cursor = ScanParams.SCAN_POINTER_START;
    // The class set may list stale keys, so read a margin beyond the limit.
    do {
      ScanResult<String> page = jedis.sscan("$Class:" + model, cursor, params);
      keys.addAll(page.getResult());
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START) && keys.size() < 2 * limit);
    if (keys.size() > 2 * limit) {
      keys = keys.subList(0, 2 * limit);
    }
    List<Response<Map<byte[], byte[]>>> responses = new ArrayList<>();
    List<Response<Long>> ttls = new ArrayList<>();
    try (Pipeline p = jedis.pipelined()) {
      for (String key : keys) {
        responses.add(p.hgetAll(key.getBytes(StandardCharsets.UTF_8)));
        ttls.add(p.ttl(key)); // Meta.ttl (1.x) expires the hash
      }
      p.sync();
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < keys.size() && rows.size() < limit; i++) {
      Map<byte[], byte[]> hash = responses.get(i).get();
      if (hash == null || hash.isEmpty()) {
        continue; // a stale class-set member, not a row
      }
      Map<String, SampledValue> values = new LinkedHashMap<>();
      hash.forEach((name, bytes) -> {
        String field = new String(name, StandardCharsets.UTF_8);
        if (!ValueCodec.isInternalField(field)) {
          values.put(field, SampledValue.of(bytes));
        }
      });
      rows.add(new Row(keys.get(i), values, ttls.get(i).get()));
    }
    return rows;
  }
}
