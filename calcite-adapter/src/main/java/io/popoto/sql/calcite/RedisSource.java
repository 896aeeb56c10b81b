package io.popoto.sql.calcite;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocketFactory;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The pooled connection to one Redis database, with counters of what the driver sent: commands
 * by name and round trips (a pipeline sync or a single command is one round trip). The counters
 * make command counts assertable in tests without reading the server's INFO.
 *
 * <p>Reads go through {@link #read}: a connection is borrowed for one batch of round trips and
 * returned at once, so a failure anywhere above a scan (a bad cast, a cancel, an abandoned
 * ResultSet) never holds a pooled connection. The pool never validates with PING: a
 * least-privilege ACL user may not run it.
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
  /**
   * The connections statements' reads wait on now, each with its statement's cancel flag (a
   * statement may have two: a read ahead and the reader's own). Keyed by connection so that a
   * read registers without allocating more than the entry: a point lookup makes one per run.
   */
  private final Map<Jedis, AtomicBoolean> inFlight = new ConcurrentHashMap<>();
  /**
   * The connection the last read gave back, kept out of the pool for the next: commons-pool's
   * borrow and return (its clocks, statistics and locks) were a twentieth of a point lookup's
   * client time. The pool still counts it as lent, so {@link #borrowed} leaves it out, and
   * {@link #borrow} takes it first, so it never waits on the pool while this one idles.
   */
  private final AtomicReference<Jedis> spare = new AtomicReference<>();
  /** Borrows served by {@link #spare}: {@link #borrows} counts them as the pool's own. */
  private final AtomicLong reused = new AtomicLong();
  private volatile boolean closed;

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
    GenericObjectPoolConfig<Jedis> poolConfig = new GenericObjectPoolConfig<>();
    // A bounded wait: every borrower holds a connection for one round trip at most, so a pool
    // that stays exhausted this long is reported instead of hanging the caller.
    long wait = config.socketTimeoutMillis() == 0 ? -1
        : (long) config.socketTimeoutMillis() + config.connectTimeoutMillis();
    poolConfig.setMaxWait(Duration.ofMillis(wait));
    poolConfig.setJmxEnabled(false);
    this.pool = new JedisPool(poolConfig, new HostAndPort(config.host(), config.port()),
        b.build()) {
      /**
       * commons-pool replaces a discarded (broken) connection at once, on the thread that
       * discards it: against a frozen server that is another full socketTimeout of waiting
       * after the one that broke it. A borrower makes its own when it needs one.
       */
      @Override
      public void addObject() {
        // nothing made ahead
      }
    };
  }

  /** {@code host:port}, as messages name the server. */
  public String address() {
    return config.host() + ":" + config.port();
  }

  public Config config() {
    return config;
  }

  /** The TLS setup, or null for plain TCP or the JVM's defaults. */
  public Tls tls() {
    return tls;
  }

  /**
   * A pooled connection, with the current {@link #settings()}; close it to return it. Prefer
   * {@link #read}.
   */
  public Jedis borrow() {
    Jedis jedis = spare.getAndSet(null);
    if (jedis == null) {
      jedis = pool.getResource();
    } else {
      reused.incrementAndGet();
    }
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

  /**
   * Runs one step of reading on a pooled connection and returns the connection at once, success
   * or failure (a broken connection is discarded, not pooled). A connection that turns out dead
   * (Redis restarted, the socket reset) is replaced once: the idle ones are dropped too, as they
   * are as stale, and the step runs again on a fresh connection; the driver only reads, so a
   * repeated step is harmless, as long as {@code step} keeps what it took before failing. A
   * timeout is not retried: the server is frozen or overloaded, and a second wait would double
   * the delay the socket timeout promises.
   *
   * @throws PopotoReadException {@value PopotoReadException#CONNECTION_FAILURE} naming host and
   *     port when the connection is lost; other failures as {@link RedisReplies} reports them
   */
  public <T> T read(Function<Jedis, T> step) {
    return read(step, null);
  }

  /**
   * {@link #read(Function)} for a statement: while the step waits for Redis, {@link #interrupt}
   * with the statement's cancel flag breaks the wait, so a cancel or a query timeout need not
   * wait for a frozen server's reply (socketTimeout).
   *
   * @param cancel the statement's cancel flag; null outside a statement
   */
  public <T> T read(Function<Jedis, T> step, AtomicBoolean cancel) {
    for (int attempt = 0; ; attempt++) {
      try {
        Jedis jedis = borrow();
        try {
          if (cancel == null) {
            return step.apply(jedis);
          }
          inFlight.put(jedis, cancel);
          try {
            return step.apply(jedis);
          } finally {
            inFlight.remove(jedis); // before the connection goes back to the pool
          }
        } finally {
          giveBack(jedis);
        }
      } catch (JedisException e) {
        Cancellation.check(cancel); // the wait was broken on purpose
        if (!RedisReplies.isConnectionFailure(e)) {
          if (e.getCause() instanceof java.util.NoSuchElementException) {
            throw new PopotoReadException(PopotoReadException.TOO_MANY_CONNECTIONS,
                "All " + pool.getMaxTotal() + " connections to Redis at " + address()
                    + " stayed busy for " + pool.getMaxWaitDuration().toMillis() + " ms", e);
          }
          throw RedisReplies.refused(this, null, null, e);
        }
        if (attempt == 0 && !RedisReplies.isTimeout(e)) {
          dropSpare(); // as stale as the idle ones
          pool.clear();
          continue;
        }
        throw RedisReplies.lost(this, e);
      }
    }
  }

  /**
   * Returns a connection {@link #read} borrowed: kept as the spare when it is sound and no
   * borrower waits for the pool, else to the pool (a broken one is discarded there).
   */
  private void giveBack(Jedis jedis) {
    if (jedis.isBroken() || pool.getNumWaiters() > 0 || !spare.compareAndSet(null, jedis)) {
      jedis.close();
    } else if (closed) {
      dropSpare(); // closed meanwhile: nothing may stay open after close()
    }
  }

  private void dropSpare() {
    Jedis jedis = spare.getAndSet(null);
    if (jedis != null) {
      jedis.close();
    }
  }

  /**
   * Breaks the round trip the statement with this cancel flag is waiting for, if any: its
   * socket is closed (the connection is discarded, not pooled) and the read fails at once. The
   * flag must be set first, so the read reports the cancel rather than a lost connection.
   */
  public void interrupt(AtomicBoolean cancel) {
    for (Jedis jedis : inFlight.keySet()) {
      // atomic with the removal in read(): never breaks a connection another statement now uses
      inFlight.computeIfPresent(jedis, (held, flag) -> {
        if (flag == cancel) {
          try {
            held.getConnection().forceDisconnect();
          } catch (java.io.IOException | RuntimeException ignored) {
            // already closed: the read fails anyway
          }
        }
        return flag;
      });
    }
  }

  /** Connections borrowed from the pool since it was made (each one a pool round trip of ours). */
  public long borrows() {
    return pool.getBorrowedCount() + reused.get();
  }

  /** Pooled connections borrowed right now (0 between statements: nothing may stay out). */
  public int borrowed() {
    return Math.max(0, pool.getNumActive() - (spare.get() == null ? 0 : 1));
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
    closed = true;
    dropSpare();
    pool.close();
  }
}
