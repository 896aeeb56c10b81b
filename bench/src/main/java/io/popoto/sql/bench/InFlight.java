package io.popoto.sql.bench;

import java.util.ArrayDeque;
import java.util.Deque;
import redis.clients.jedis.Connection;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.commands.ProtocolCommand;

/**
 * Pipelines on one Redis connection with up to {@code depth} of them written and not yet read.
 * Depth 1 is the classic pipeline (write a batch, read all its replies, then write the next);
 * depth 2 writes batch k+1 before reading batch k's replies, so Redis works on one batch while
 * this thread parses and decodes the other.
 *
 * <p>Written by hand because Jedis's {@code Pipeline} reads every outstanding reply on
 * {@code sync()} and has no way to read only the oldest batch; this uses the calls it makes
 * underneath ({@link Connection#sendCommand} buffers, {@link Connection#getOne} flushes what
 * is buffered and reads one reply).
 */
final class InFlight {
  /** Reads a closed pipeline's replies in order; it may write and close further pipelines. */
  @FunctionalInterface
  interface Replies {
    void read(Reader replies);
  }

  /** The replies of one pipeline, read one at a time off the socket. */
  final class Reader {
    private int left;

    private Reader(int replies) {
      this.left = replies;
    }

    Object next() {
      if (left <= 0) {
        throw new IllegalStateException("read past the pipeline's replies");
      }
      left--;
      return connection.getOne();
    }
  }

  private record Pending(int replies, Replies then) {}

  private final Connection connection;
  private final int depth;
  private final Deque<Pending> pending = new ArrayDeque<>();
  private int written;

  InFlight(Jedis jedis, int depth) {
    if (depth < 1) {
      throw new IllegalArgumentException("depth must be at least 1: " + depth);
    }
    this.connection = jedis.getConnection();
    this.depth = depth;
  }

  int depth() {
    return depth;
  }

  /** Adds one command to the pipeline being written. */
  void send(ProtocolCommand command, byte[]... args) {
    connection.sendCommand(command, args);
    written++;
  }

  /** Ends the pipeline being written; {@code then} reads its replies when their turn comes. */
  void close(Replies then) {
    pending.add(new Pending(written, then));
    written = 0;
  }

  /** Reads the oldest pipelines until fewer than {@code depth} are in flight. */
  void settle() {
    while (pending.size() >= depth) {
      readOldest();
    }
  }

  /** Reads every pipeline written, including those the readers write on the way. */
  void drain() {
    while (!pending.isEmpty()) {
      readOldest();
    }
  }

  private void readOldest() {
    Pending p = pending.poll();
    Reader reader = new Reader(p.replies());
    p.then().read(reader);
    // Replies a reader did not want must still leave the socket before the next pipeline's.
    while (reader.left > 0) {
      reader.next();
    }
  }
}
