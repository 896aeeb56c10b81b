package io.popoto.sql.calcite;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads done ahead of the consumer, on daemon threads ({@code popoto-sql-read-ahead}, made on
 * demand, gone after a minute idle): a scan's next batches ({@link RowEnumerator}), the inner
 * sides of a batched join's next batches ({@link KeyedBatchJoin}). Each task is ordinary reads
 * on a connection it borrows and returns with nothing in flight, and it stops on its own (a
 * scan's once a few batches wait unclaimed), so a task holds nothing once it ends, and nobody
 * needs to wait for a task nobody asks for any more.
 */
final class ReadAhead {
  private static final ExecutorService THREADS = Executors.newCachedThreadPool(task -> {
    Thread t = new Thread(task, "popoto-sql-read-ahead");
    t.setDaemon(true);
    return t;
  });

  private ReadAhead() {}

  static <T> Future<T> start(Callable<T> read) {
    return THREADS.submit(read);
  }

  /**
   * The task's result, its failure rethrown as it was; a cancel or timeout of the statement
   * ({@code cancel}, may be null) stops the wait (its reads are broken by the cancel itself).
   */
  static <T> T await(Future<T> task, AtomicBoolean cancel) {
    try {
      while (true) {
        try {
          return task.get(20, TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillReading) {
          Cancellation.check(cancel);
        }
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new PopotoReadException(String.valueOf(cause.getMessage()), cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Cancellation.canceled();
    }
  }
}
