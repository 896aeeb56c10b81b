package io.popoto.sql.calcite;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import redis.clients.jedis.Jedis;

/**
 * The settings a JDBC connection may change after connecting (the Redis client name and the
 * socket timeout), brought to each pooled Jedis as it is borrowed: the pool holds several
 * sockets, and one opened before the change must not keep the old values. A socket timeout is
 * a local socket option; a new name costs one CLIENT SETNAME per pooled socket, sent only when
 * the name has changed since that socket last had one.
 */
public final class SessionSettings {
  private record Applied(String clientName, int socketTimeoutMillis) {}

  private final Applied initial;
  private volatile Applied wanted;
  private final Map<Jedis, Applied> applied = Collections.synchronizedMap(new WeakHashMap<>());

  SessionSettings(String clientName, int socketTimeoutMillis) {
    this.initial = new Applied(clientName, socketTimeoutMillis);
    this.wanted = initial;
  }

  public String clientName() {
    return wanted.clientName();
  }

  public int socketTimeoutMillis() {
    return wanted.socketTimeoutMillis();
  }

  synchronized void clientName(String name) {
    wanted = new Applied(name, wanted.socketTimeoutMillis());
  }

  synchronized void socketTimeoutMillis(int millis) {
    wanted = new Applied(wanted.clientName(), millis);
  }

  /**
   * Brings one socket up to date. A refused CLIENT SETNAME (an ACL without it) is thrown once
   * and not retried on that socket: the name is cosmetic, the socket still serves queries.
   */
  void apply(Jedis jedis, RedisSource source) {
    Applied want = wanted;
    Applied have = applied.getOrDefault(jedis, initial);
    if (have.equals(want)) {
      return;
    }
    applied.put(jedis, want);
    if (have.socketTimeoutMillis() != want.socketTimeoutMillis()) {
      jedis.getConnection().setSoTimeout(want.socketTimeoutMillis());
    }
    if (!have.clientName().equals(want.clientName())) {
      source.recordRoundTrip("CLIENT");
      jedis.clientSetname(want.clientName());
    }
  }
}
