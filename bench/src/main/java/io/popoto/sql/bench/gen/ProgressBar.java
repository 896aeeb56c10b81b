package io.popoto.sql.bench.gen;

import java.io.PrintStream;

/** A one-line text progress bar, redrawn in place with '\r' at most once per percent. */
public final class ProgressBar implements Progress {
  private static final int WIDTH = 40;
  private final PrintStream out;
  private String lastPhase = "";
  private int lastPercent = -1;

  public ProgressBar(PrintStream out) {
    this.out = out;
  }

  @Override
  public synchronized void update(String phase, long done, long total) {
    int percent = total == 0 ? 100 : (int) (done * 100 / total);
    if (phase.equals(lastPhase) && percent == lastPercent) {
      return;
    }
    if (!phase.equals(lastPhase) && !lastPhase.isEmpty()) {
      out.println();
    }
    lastPhase = phase;
    lastPercent = percent;
    int filled = percent * WIDTH / 100;
    out.printf("\r%-12s [%s%s] %3d%% %,d/%,d", phase, "#".repeat(filled),
        " ".repeat(WIDTH - filled), percent, done, total);
    out.flush();
  }

  public synchronized void end() {
    out.println();
  }
}
