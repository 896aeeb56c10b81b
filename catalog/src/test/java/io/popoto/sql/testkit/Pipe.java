package io.popoto.sql.testkit;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

/**
 * A Jedis pipeline that syncs every {@code batchSize} commands, so a large load costs one round
 * trip per batch while the client never buffers more than one batch of replies.
 */
public final class Pipe implements AutoCloseable {
  public static final int DEFAULT_BATCH = 1000;

  private final Jedis jedis;
  private final int batchSize;
  private Pipeline pipeline;
  private int pending;
  private long sent;

  public Pipe(Jedis jedis, int batchSize) {
    this.jedis = jedis;
    this.batchSize = batchSize;
    this.pipeline = jedis.pipelined();
  }

  /** The pipeline to queue one command on; call {@link #counted()} after each. */
  public Pipeline p() {
    return pipeline;
  }

  public void counted() {
    sent++;
    if (++pending >= batchSize) {
      flush();
    }
  }

  public void flush() {
    pipeline.sync();
    pending = 0;
  }

  public long commandsSent() {
    return sent;
  }

  @Override
  public void close() {
    // Closing syncs what is still queued; the Jedis connection belongs to the caller.
    pipeline.close();
    pending = 0;
  }
}
