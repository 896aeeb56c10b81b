package io.popoto.sql.bench.gen;

/** Told how far generation got; the command line draws a bar, library callers may ignore it. */
@FunctionalInterface
public interface Progress {
  Progress NONE = (phase, done, total) -> { };

  void update(String phase, long done, long total);
}
