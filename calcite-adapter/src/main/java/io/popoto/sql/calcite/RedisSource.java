package io.popoto.sql.calcite;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * The pooled connection to one Redis database, with counters of what the driver sent: commands
 * by name and round trips (a pipeline sync or a single command is one round trip). The counters
 * make command counts assertable in tests without reading the server's INFO.
 */
public final class RedisSource implements AutoCloseable {
  /** What CLIENT LIST shows for our sockets until the application names itself. */
  public static final String CLIENT_NAME = "popoto-sql";

  /** Where and how to connect. The password is never part of toString(). */
  public record Config(String host, int port, int database, boolean ssl, String user,
      String password, int connectTimeoutMillis, int socketTimeoutMillis) {
    @Override
    public String toString() {
      return (ssl ? "rediss://" : "redis://") + (user == null ? "" : user + "@") + host + ":" + port
          + "/" + database;
    }
  }

  private final Config config;
  private final JedisPool pool;
  private final SessionSettings settings;
  private final AtomicLong roundTrips = new AtomicLong();
  private final Map<String, AtomicLong> commands = new ConcurrentHashMap<>();

  public RedisSource(Config config) {
    this.config = config;
    this.settings = new SessionSettings(CLIENT_NAME, config.socketTimeoutMillis());
    DefaultJedisClientConfig.Builder b = DefaultJedisClientConfig.builder()
        .database(config.database())
        .ssl(config.ssl())
        .connectionTimeoutMillis(config.connectTimeoutMillis())
        .socketTimeoutMillis(config.socketTimeoutMillis())
        .clientName(CLIENT_NAME);
    if (config.password() != null) {
      b.password(config.password());
      if (config.user() != null) {
        b.user(config.user());
      }
    }
    this.pool = new JedisPool(new HostAndPort(config.host(), config.port()), b.build());
  }

  public Config config() {
    return config;
  }

  /** A pooled connection, with the current {@link #settings()}; close it to return it. */
  public Jedis borrow() {
    Jedis jedis = pool.getResource();
    try {
      settings.apply(jedis, this);
    } catch (redis.clients.jedis.exceptions.JedisDataException refused) {
      // CLIENT SETNAME refused (ACL): the name is cosmetic; setClientName reported it already.
    } catch (RuntimeException e) {
      jedis.close();
      throw e;
    }
    return jedis;
  }

  /** The client name and socket timeout in force (JDBC may change them after connecting). */
  public SessionSettings settings() {
    return settings;
  }

  /**
   * Renames this source's sockets ({@code CLIENT SETNAME}): one now, the others as they are
   * next borrowed.
   *
   * @throws redis.clients.jedis.exceptions.JedisDataException when Redis refuses the name
   */
  public void clientName(String name) {
    settings.clientName(name);
    try (Jedis jedis = pool.getResource()) {
      settings.apply(jedis, this);
    }
  }

  /** The socket timeout for every socket of this source from its next borrow on; 0 waits forever. */
  public void socketTimeoutMillis(int millis) {
    settings.socketTimeoutMillis(millis);
  }

  /** Records one round trip that carried the given commands. */
  public void recordRoundTrip(String... commandNames) {
    roundTrips.incrementAndGet();
    for (String c : commandNames) {
      recordCommand(c, 1);
    }
  }

  /** Records {@code n} commands of one name (their round trip is recorded separately). */
  public void recordCommand(String commandName, long n) {
    commands.computeIfAbsent(commandName, k -> new AtomicLong()).addAndGet(n);
  }

  public void recordRoundTrips(long n) {
    roundTrips.addAndGet(n);
  }

  public long roundTrips() {
    return roundTrips.get();
  }

  /** Commands sent so far, by upper-case name. */
  public Map<String, Long> commandCounts() {
    Map<String, Long> copy = new java.util.TreeMap<>();
    commands.forEach((k, v) -> copy.put(k, v.get()));
    return copy;
  }

  public long commandCount(String name) {
    AtomicLong n = commands.get(name);
    return n == null ? 0 : n.get();
  }

  public void resetCounters() {
    roundTrips.set(0);
    commands.clear();
  }

  @Override
  public void close() {
    pool.close();
  }
}
