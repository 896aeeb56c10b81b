package io.popoto.sql.calcite;

import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.CommandObject;
import redis.clients.jedis.CommandObjects;
import redis.clients.jedis.Connection;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * One connection used as a queue of replies: commands are written without waiting
 * ({@link #send}), and their replies are read one at a time, in the order the commands were
 * sent ({@link #next}). This is what lets a reader keep Redis busy while it decodes: the next
 * batch's commands are written before the current batch's replies are read, and each reply is
 * decoded as soon as it arrives instead of after the whole pipeline. Jedis's {@code Pipeline}
 * reads every reply of a sync at once, so it cannot do either; its {@link Connection} can
 * (sendCommand, getOne, getUnflushedObject), and the commands and their reply builders come from
 * Jedis's own {@link CommandObjects}: nothing here speaks RESP itself.
 *
 * <p>A connection goes back to the pool only with nothing left to read: {@link #within} drains
 * the replies still in flight when a step fails, and breaks the connection (so the pool discards
 * it) when even that fails.
 */
final class ReplyStream {
  /** Jedis's command builders; they hold no per-connection state. */
  static final CommandObjects COMMANDS = new CommandObjects(RedisProtocol.RESP2);

  private final Connection connection;
  private int outstanding;
  private boolean unflushed;

  ReplyStream(Jedis jedis) {
    this.connection = jedis.getConnection();
  }

  /**
   * Runs a step on a stream over this connection; whatever the step leaves unread, because it
   * failed half-way, is read and dropped before the connection can go back to the pool.
   */
  static <T> T within(Jedis jedis, java.util.function.Function<ReplyStream, T> step) {
    ReplyStream stream = new ReplyStream(jedis);
    try {
      return step.apply(stream);
    } finally {
      if (stream.outstanding > 0) {
        stream.drain();
      }
    }
  }

  /** Writes a command; its reply is read later, after those of the commands sent before it. */
  void send(CommandObject<?> command) {
    send(command.getArguments());
  }

  /** {@link #send(CommandObject)} for a command whose reply is read raw (no builder). */
  void send(CommandArguments arguments) {
    connection.sendCommand(arguments);
    outstanding++;
    unflushed = true;
  }

  /**
   * Pushes what was written to Redis without reading anything: commands sent ahead must reach
   * Redis before the reader turns to decoding, or the last few kilobytes (Jedis buffers 8 KB)
   * would wait until the next read.
   */
  void flush() {
    if (!unflushed) {
      return;
    }
    if (FLUSH != null) {
      try {
        FLUSH.invoke(connection);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new IllegalStateException(e);
      }
      unflushed = false;
    } // else the next read flushes: later, but still correct
  }

  /**
   * Jedis's {@code Connection.flush()}, which Jedis keeps protected (its public reads flush and
   * then wait for a reply; nothing public only flushes). Null where reflection is refused: the
   * overlap then waits for the next read to flush, nothing worse.
   */
  private static final java.lang.invoke.MethodHandle FLUSH = flushHandle();

  private static java.lang.invoke.MethodHandle flushHandle() {
    try {
      java.lang.reflect.Method m = Connection.class.getDeclaredMethod("flush");
      m.setAccessible(true);
      return java.lang.invoke.MethodHandles.lookup().unreflect(m);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /** Replies not read yet. */
  int outstanding() {
    return outstanding;
  }

  /**
   * The next reply, as Jedis's builder for its command makes it; an error reply is returned as
   * the {@link JedisDataException} (not thrown), so one refused command does not leave the
   * replies after it unread. A lost connection throws.
   */
  Object next() {
    if (outstanding == 0) {
      throw new IllegalStateException("no reply in flight");
    }
    Object raw;
    try {
      // the first read after a write flushes it; later reads must not wait for a flush
      raw = unflushed ? connection.getOne() : connection.getUnflushedObject();
      unflushed = false;
    } catch (JedisDataException e) {
      raw = e; // the error line is read: the replies after it stay in step
      unflushed = false;
    }
    // a read that threw for a lost connection leaves the count: the connection is broken then,
    // and draining skips it
    outstanding--;
    return raw;
  }

  /** The next reply built by {@code command}'s builder, or the error reply. */
  <T> Object next(CommandObject<T> command) {
    Object raw = next();
    return raw instanceof JedisDataException ? raw : command.getBuilder().build(raw);
  }

  /** Reads and drops every reply still in flight; breaks the connection when that fails. */
  void drain() {
    if (connection.isBroken()) {
      return;
    }
    try {
      while (outstanding > 0) {
        next();
      }
    } catch (RuntimeException e) {
      connection.setBroken(); // the pool discards it: no stale reply reaches the next borrower
    }
  }
}
