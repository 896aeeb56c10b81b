package io.popoto.sql.calcite;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

  /**
   * How to speak TLS: the socket factory (trust and client key material) and the parameters
   * (host name verification) built from the connection's sslmode properties.
   */
  public record Tls(SSLSocketFactory socketFactory, SSLParameters parameters) {}

  /**
   * Logs each round trip's commands at DEBUG, so that a user can see what a query sends
   * (e.g. {@code -Dorg.slf4j.simpleLogger.log.io.popoto.sql.redis=debug} with slf4j-simple).
   */
  private static final Logger COMMANDS = LoggerFactory.getLogger("io.popoto.sql.redis");

  private final Config config;
  private final Tls tls;
  private final JedisPool pool;
  private final SessionSettings settings;
  private final AtomicLong roundTrips = new AtomicLong();
  private final Map<String, AtomicLong> commands = new ConcurrentHashMap<>();

  /** Plain TCP, or for {@code config.ssl()} TLS verified by the JVM's default truststore. */
  public RedisSource(Config config) {
    this(config, null);
  }

  /** @param tls null for the JVM's defaults (when {@code config.ssl()}) */
  public RedisSource(Config config, Tls tls) {
    this.config = config;
    this.tls = tls;
    this.settings = new SessionSettings(CLIENT_NAME, config.socketTimeoutMillis());
    DefaultJedisClientConfig.Builder b = DefaultJedisClientConfig.builder()
        .database(config.database())
        // No HELLO: a connection starts in RESP2, the protocol our decoders read, and plain AUTH
        // works for every server version and ACL user. Left to its default, Jedis 8 warns on
        // every connection that it will not negotiate RESP3.
        .serverDefaultProtocol()
        .ssl(config.ssl() || tls != null)
        .connectionTimeoutMillis(config.connectTimeoutMillis())
        .socketTimeoutMillis(config.socketTimeoutMillis())
        .clientName(CLIENT_NAME);
    if (tls != null) {
      b.sslSocketFactory(tls.socketFactory()).sslParameters(tls.parameters());
    }
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

  /** The TLS setup, or null for plain TCP or the JVM's defaults. */
  public Tls tls() {
    return tls;
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
    if (COMMANDS.isDebugEnabled()) {
      COMMANDS.debug("{} round trip: {}", config, String.join(" ", commandNames));
    }
    for (String c : commandNames) {
      recordCommand(c, 1);
    }
  }

  /** Records {@code n} commands of one name (their round trip is recorded separately). */
  public void recordCommand(String commandName, long n) {
    if (COMMANDS.isDebugEnabled()) {
      COMMANDS.debug("{} {} x{}", config, commandName, n);
    }
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
