package io.popoto.sql.jdbc;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one daemon thread that fires query timeouts for every statement of the JVM. A fired
 * timeout only sets the statement's cancel flag; the query stops at its next check.
 */
final class QueryTimer {
  private static final ScheduledThreadPoolExecutor TIMER = create();

  private QueryTimer() {}

  private static ScheduledThreadPoolExecutor create() {
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "popoto-sql-query-timeout");
      t.setDaemon(true);
      return t;
    });
    timer.setRemoveOnCancelPolicy(true); // finished queries leave nothing behind
    return timer;
  }

  static ScheduledFuture<?> schedule(Runnable task, long seconds) {
    return TIMER.schedule(task, seconds, TimeUnit.SECONDS);
  }
}
