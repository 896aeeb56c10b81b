package io.popoto.sql.bench;

import io.popoto.sql.bench.gen.GeneratedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes {@code <out>/<yyyy-MM-dd>.md}: one table per workload. */
final class Report {
  private final StringBuilder md = new StringBuilder();

  Report(double scale, GeneratedData data, String redis, boolean postgres) {
    md.append("# Popoto SQL benchmark, ").append(LocalDate.now()).append("\n\n");
    md.append(String.format(Locale.ROOT, "Scale %s: %s rows per model, generated in %.1f s"
        + " (%,d Redis commands). Redis: %s. PostgreSQL baseline: %s. Java %s, max heap %d MiB."
        + "%n%n", scale, data.rowsPerModel(), data.millis() / 1000.0, data.commands(), redis,
        postgres ? "yes" : "skipped", System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() >> 20));
    md.append("Times are milliseconds per query (median, p10-p90 over the runs). Ratios divide"
        + " the row's median by the floor's, the no-pushdown run's, PostgreSQL's and, for"
        + " joins, that of a per-row traversal (one round trip per related object, as"
        + " Popoto's own API loads relationships)."
        + " See docs/performance.md.\n\n");
  }

  void add(Workload w, Map<Variant, Measurement> results) {
    md.append("## ").append(w.id()).append(": ").append(w.title()).append("\n\n");
    md.append("```sql\n").append(w.popotoSql()).append("\n```\n\n");
    md.append("| variant | median ms | p10-p90 ms | runs | x floor | x no-pushdown"
        + " | x PostgreSQL | x per-row | cmds/query | round trips/query | rows |");
    boolean heap = w.id().equals(Workloads.FULL_SCAN);
    md.append(heap ? " peak heap MiB |\n" : "\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|").append(heap ? "---:|\n"
        : "\n");
    for (Variant v : Variant.values()) {
      Measurement m = results.get(v);
      if (m == null) {
        continue;
      }
      if (!m.ok()) {
        md.append("| ").append(v.label()).append(" | failed: ")
            .append(m.error().replace('|', '/').replace('\n', ' ')).append(" |\n");
        continue;
      }
      md.append(String.format(Locale.ROOT,
          "| %s | %s | %s-%s | %d | %s | %s | %s | %s | %s | %s | %d |",
          v.label(), ms(m.stats().median()), ms(m.stats().p10()), ms(m.stats().p90()),
          m.stats().runs(), ratio(m, results.get(Variant.FLOOR)),
          ratio(m, results.get(Variant.NO_PUSHDOWN)), ratio(m, results.get(Variant.POSTGRES)),
          ratio(m, results.get(Variant.PER_ROW)),
          count(m.commandsPerQuery()), count(m.roundTripsPerQuery()), m.rows()));
      md.append(heap ? String.format(Locale.ROOT, " %s |%n", m.peakHeapBytes() < 0 ? "-"
          : String.valueOf(m.peakHeapBytes() >> 20)) : "\n");
    }
    md.append('\n');
  }

  void footer(List<String> notes, double totalSeconds) {
    for (String note : notes) {
      md.append("- ").append(note).append('\n');
    }
    md.append(String.format(Locale.ROOT, "%nWhole suite: %.1f s.%n", totalSeconds));
  }

  Path write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve(LocalDate.now() + ".md");
    Files.writeString(file, md);
    return file;
  }

  private static String ms(double v) {
    return String.format(Locale.ROOT, v < 1 ? "%.3f" : v < 100 ? "%.2f" : "%.0f", v);
  }

  private static String ratio(Measurement m, Measurement base) {
    if (base == null || !base.ok() || base.stats().median() <= 0) {
      return "-";
    }
    return String.format(Locale.ROOT, "%.2f", m.stats().median() / base.stats().median());
  }

  private static String count(double v) {
    return v < 0 ? "-" : String.format(Locale.ROOT, v == Math.rint(v) ? "%.0f" : "%.1f", v);
  }
}
