package io.popoto.sql.bench;

import io.popoto.sql.bench.gen.GeneratedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code <out>/<yyyy-MM-dd>[-scale<X>].md}: a summary table in the README's layout (copy
 * it over as it is), then one table per workload.
 */
final class Report {
  /** The README's performance table header; {@link #summaryRow} fills one row per workload. */
  static final String SUMMARY_HEADER = "| workload | Popoto SQL ms | Jedis floor ms | x floor"
      + " | overlapped floor ms | x overlapped floor | PostgreSQL ms | x PostgreSQL"
      + " | no pushdown ms | per-row traversal ms | cmds / round trips per query |\n"
      + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
  private static final Variant[] BASES = {Variant.FLOOR, Variant.OVERLAPPED_FLOOR,
      Variant.POSTGRES, Variant.NO_PUSHDOWN, Variant.PER_ROW};

  private final double scale;
  private final StringBuilder header = new StringBuilder();
  private final StringBuilder summary = new StringBuilder();
  private final StringBuilder details = new StringBuilder();
  private final List<String> heapNotes = new ArrayList<>();
  private final List<String> mismatches = new ArrayList<>();

  Report(double scale, GeneratedData data, String redis, boolean postgres) {
    this.scale = scale;
    header.append("# Popoto SQL benchmark, ").append(LocalDate.now()).append("\n\n");
    header.append(String.format(Locale.ROOT, "Scale %s: %s rows per model, generated in %.1f s"
        + " (%,d Redis commands). Redis: %s. PostgreSQL baseline: %s. Java %s, max heap %d MiB."
        + "%n%n", scale, data.rowsPerModel(), data.millis() / 1000.0, data.commands(), redis,
        postgres ? "yes" : "skipped", System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() >> 20));
    header.append("Each workload's variants are warmed up twice, then run in interleaved"
        + " rounds (every variant once per round, the order rotated by one each round); no"
        + " pushdown and per-row traversal run " + Harness.SLOW_RUNS + " times after those"
        + " rounds. Times are milliseconds per query (median, p10-p90 over the rounds). A ratio"
        + " `x B` is the median of the per-round ratios of the row's time to B's time in the"
        + " same round (for no pushdown and per-row: in the round of the same number), with"
        + " their p10-p90. See docs/performance.md.\n\n");
  }

  void add(Workload w, Map<Variant, Measurement> results) {
    Measurement reference = results.get(Variant.FLOOR);
    summary.append(summaryRow(w, results));
    details.append("## ").append(w.id()).append(": ").append(w.title()).append("\n\n");
    details.append("```sql\n").append(w.popotoSql()).append("\n```\n\n");
    boolean heap = w.id().equals(Workloads.FULL_SCAN);
    details.append("| variant | median ms | p10-p90 ms | runs | x floor | x overlapped floor"
        + " | x PostgreSQL | x no-pushdown | x per-row | cmds/query | round trips/query | rows |");
    details.append(heap ? " peak heap MiB |\n" : "\n");
    details.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        .append(heap ? "---:|\n" : "\n");
    for (Variant v : Variant.values()) {
      Measurement m = results.get(v);
      if (m == null) {
        continue;
      }
      if (!m.ok()) {
        details.append("| ").append(v.label()).append(" | failed: ")
            .append(m.error().replace('|', '/').replace('\n', ' ')).append(" |\n");
        continue;
      }
      Stats s = m.stats();
      details.append(String.format(Locale.ROOT, "| %s | %s | %s-%s | %d |", v.label(),
          ms(s.median()), ms(s.p10()), ms(s.p90()), s.runs()));
      for (Variant base : BASES) {
        details.append(' ').append(base == v ? "-" : ratio(m, results.get(base), true))
            .append(" |");
      }
      details.append(String.format(Locale.ROOT, " %s | %s | %d |", count(m.commandsPerQuery()),
          count(m.roundTripsPerQuery()), m.rows()));
      details.append(heap ? String.format(Locale.ROOT, " %s |%n", m.peakHeapBytes() < 0 ? "-"
          : String.valueOf(m.peakHeapBytes() >> 20)) : "\n");
      if (heap && m.peakHeapBytes() >= 0) {
        heapNotes.add(v.label() + " " + (m.peakHeapBytes() >> 20));
      }
      if (reference != null && reference.ok() && m.rows() != reference.rows()) {
        mismatches.add("ROWS DIFFER in " + w.id() + ": " + v.label() + " returned " + m.rows()
            + " rows, the Jedis floor " + reference.rows());
      }
    }
    details.append('\n');
  }

  /** One README row: our median, each baseline's, and our per-round ratio to it. */
  static String summaryRow(Workload w, Map<Variant, Measurement> results) {
    Measurement ours = results.get(Variant.POPOTO);
    StringBuilder row = new StringBuilder("| ").append(w.id()).append(": ").append(w.title());
    row.append(" | ").append(median(ours));
    for (Variant base : new Variant[] {Variant.FLOOR, Variant.OVERLAPPED_FLOOR,
        Variant.POSTGRES}) {
      row.append(" | ").append(median(results.get(base)))
          .append(" | ").append(ours == null || !ours.ok() ? "-"
              : ratio(ours, results.get(base), false));
    }
    row.append(" | ").append(median(results.get(Variant.NO_PUSHDOWN)))
        .append(" | ").append(median(results.get(Variant.PER_ROW)));
    row.append(" | ").append(ours == null || !ours.ok() ? "-"
        : count(ours.commandsPerQuery()) + " / " + count(ours.roundTripsPerQuery()));
    return row.append(" |\n").toString();
  }

  void footer(List<String> notes, double totalSeconds) {
    notes = new ArrayList<>(notes);
    notes.addAll(mismatches);
    if (!heapNotes.isEmpty()) {
      notes.add(0, Workloads.FULL_SCAN + " peak heap (MiB, sampled every 5 ms): "
          + String.join(", ", heapNotes) + ".");
    }
    for (String note : notes) {
      summary.append("\n- ").append(note);
    }
    summary.append(String.format(Locale.ROOT, "%n%nWhole suite: %.1f s.%n%n", totalSeconds));
  }

  Path write(Path dir) throws IOException {
    Files.createDirectories(dir);
    String name = LocalDate.now() + (scale == 1.0 ? "" : "-scale" + fmtScale()) + ".md";
    Path file = dir.resolve(name);
    Files.writeString(file, header + "## Summary\n\n" + SUMMARY_HEADER + summary + details);
    return file;
  }

  private String fmtScale() {
    return scale == Math.rint(scale) ? String.valueOf((long) scale) : String.valueOf(scale);
  }

  private static String median(Measurement m) {
    return m == null || !m.ok() ? "-" : ms(m.stats().median());
  }

  private static String ms(double v) {
    return String.format(Locale.ROOT, v < 1 ? "%.3f" : v < 100 ? "%.2f" : "%.0f", v);
  }

  /** The median per-round ratio, with its p10-p90 when {@code spread}. */
  private static String ratio(Measurement m, Measurement base, boolean spread) {
    if (base == null || !base.ok()) {
      return "-";
    }
    Stats r = m.ratioTo(base);
    if (r.runs() == 0) {
      return "-";
    }
    return spread && r.runs() > 1
        ? String.format(Locale.ROOT, "%s (%s-%s)", x(r.median()), x(r.p10()), x(r.p90()))
        : x(r.median());
  }

  private static String x(double v) {
    return String.format(Locale.ROOT, v >= 100 ? "%,.0f" : "%.2f", v);
  }

  private static String count(double v) {
    return v < 0 ? "-" : String.format(Locale.ROOT, v == Math.rint(v) ? "%.0f" : "%.1f", v);
  }
}
