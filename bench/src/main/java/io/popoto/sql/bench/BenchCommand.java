package io.popoto.sql.bench;

import io.popoto.sql.bench.gen.FoodDeliveryGenerator;
import io.popoto.sql.bench.gen.GeneratedData;
import io.popoto.sql.bench.gen.GenerationOptions;
import io.popoto.sql.bench.gen.ProgressBar;
import io.popoto.sql.catalog.Catalog;
import io.popoto.sql.redis.PrivateRedis;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import redis.clients.jedis.Jedis;

/**
 * {@code BenchCommand [--scale X] [--redis URL] [--out DIR] [--budget SECONDS] [--seed S]
 * [--postgres JDBC-URL] [--only Q4,Q5]}: starts a private Redis (unless --redis names an empty
 * one), generates the food-delivery data, runs Q1-Q10 (or the --only ones) every way in
 * interleaved rounds and writes the report.
 */
public final class BenchCommand {
  private BenchCommand() {}

  public static void main(String[] args) throws Exception {
    double scale = 1.0;
    String redisUrl = null;
    Path out = Path.of("bench", "results");
    double budget = 60.0;
    long seed = GenerationOptions.DEFAULT_SEED;
    String postgresUrl = PostgresBaseline.DEFAULT_URL;
    List<String> only = List.of();
    String driverOptions = "";
    for (int i = 0; i < args.length; i += 2) {
      if (i + 1 == args.length) {
        throw new IllegalArgumentException("option " + args[i] + " needs a value; options: "
            + "--scale --redis --out --budget --seed --postgres --only --driver-options");
      }
      switch (args[i]) {
        case "--scale" -> scale = Double.parseDouble(args[i + 1]);
        case "--redis" -> redisUrl = args[i + 1];
        case "--out" -> out = Path.of(args[i + 1]);
        case "--budget" -> budget = Double.parseDouble(args[i + 1]);
        case "--seed" -> seed = Long.parseLong(args[i + 1]);
        case "--postgres" -> postgresUrl = args[i + 1];
        case "--only" -> only = List.of(args[i + 1].split(","));
        // e.g. "overlap=false": the driver's URL properties, to compare its modes in one report
        case "--driver-options" -> driverOptions = "&" + args[i + 1];
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    long start = System.nanoTime();
    try (PrivateRedis redis = redisUrl == null ? PrivateRedis.startBinary()
        : external(URI.create(redisUrl))) {
      run(redis, new GenerationOptions(seed, scale, 0.0), out, budget, postgresUrl, only,
          driverOptions, start);
    }
  }

  private static PrivateRedis external(URI uri) {
    try (Jedis jedis = new Jedis(uri)) {
      // The generator only adds keys; mixing them into someone's data would skew both.
      if (jedis.dbSize() > 0) {
        throw new IllegalStateException(uri + " is not empty; give an empty Redis database");
      }
    }
    return PrivateRedis.external(uri.getHost(), uri.getPort(), () -> { });
  }

  private static void run(PrivateRedis redis, GenerationOptions options, Path out,
      double budget, String postgresUrl, List<String> only, String driverOptions, long start)
      throws Exception {
    List<String> notes = new ArrayList<>();
    if (!driverOptions.isEmpty()) {
      notes.add("Popoto SQL ran with the URL options `" + driverOptions.substring(1) + "`.");
    }
    PostgresBaseline postgres = PostgresBaseline.connect(postgresUrl);
    if (postgres == null) {
      notes.add("PostgreSQL did not answer at " + postgresUrl + ": its column is empty.");
    }
    try {
      ProgressBar bar = new ProgressBar(System.err);
      FoodDeliveryGenerator generator = new FoodDeliveryGenerator(options, bar);
      if (postgres != null) {
        generator.alsoTo(postgres);
      }
      GeneratedData data;
      try (Jedis jedis = new Jedis(redis.host(), redis.port())) {
        data = generator.generate(jedis);
      }
      bar.end();
      System.err.printf(Locale.ROOT, "generated %s in %.1f s%n", data.rowsPerModel(),
          data.millis() / 1000.0);
      Report report = new Report(options.scale(), data, redis.uri(), postgres != null);
      measureAll(redis, data, postgres, new Harness(budget), report, only, driverOptions,
          notes, out);
      double seconds = (System.nanoTime() - start) / 1e9;
      report.footer(notes, seconds);
      Path file = report.write(out);
      System.err.printf(Locale.ROOT, "report: %s (whole suite %.1f s)%n", file, seconds);
    } finally {
      if (postgres != null) {
        postgres.close();
      }
    }
  }

  private static void measureAll(PrivateRedis redis, GeneratedData data,
      PostgresBaseline postgres, Harness harness, Report report, List<String> only,
      String driverOptions, List<String> notes, Path out) throws Exception {
    String base = "jdbc:popoto:redis://" + redis.host() + ":" + redis.port() + "?catalog="
        + FoodDeliveryGenerator.CATALOG + driverOptions;
    Catalog catalog = FoodDeliveryGenerator.loadCatalog();
    try (Connection popoto = DriverManager.getConnection(base);
         Connection fullScans = DriverManager.getConnection(base + "&pushdown=false");
         Jedis jedis = new Jedis(redis.host(), redis.port());
         Jedis overlappedJedis = new Jedis(redis.host(), redis.port())) {
      FloorQueries floor = FloorQueries.sequential(jedis, catalog);
      FloorQueries overlapped = FloorQueries.overlapped(overlappedJedis, catalog);
      for (Workload w : selected(Workloads.all(data, floor, overlapped), only)) {
        Map<Variant, Measurement> results = measure(harness, w, popoto, fullScans, postgres);
        report.add(w, results);
        report.write(out); // so far: a run cut short still leaves the workloads it finished
        if (w.id().equals("Q7")) {
          Map<Variant, Measurement> scard = harness.run(w, List.of(Harness.handWritten(
              Variant.FLOOR, w, p -> floor.unsafeCount((String) p[0]))));
          Measurement m = scard.get(Variant.FLOOR);
          notes.add(String.format(Locale.ROOT, "Q7: a bare SCARD of the reverse set takes %.3f ms"
              + " but counts stale members too, so it is not a floor for a correct COUNT(*).",
              m.ok() ? m.stats().median() : Double.NaN));
        }
        if (w.id().equals("Q6")) {
          Map<Variant, Measurement> trusting = harness.run(w, List.of(Harness.handWritten(
              Variant.FLOOR, w, p -> floor.revenueFromIndexes())));
          Measurement m = trusting.get(Variant.FLOOR);
          notes.add(String.format(Locale.ROOT, "Q6: trusting the indexes (every reverse-set"
              + " member counted, its total from the total zset by ZMSCORE) takes %.1f ms but"
              + " counts stale members too, so it is not a floor for a correct SUM.",
              m.ok() ? m.stats().median() : Double.NaN));
        }
        if (w.id().equals("Q9")) {
          notes.add("Q9: " + floor.tieBoundary(Workloads.TOP_N) + ".");
        }
        System.err.printf(Locale.ROOT, "%-4s %s%n", w.id(), summary(results));
      }
    }
  }

  /** All workloads in their order, or the --only ones in the order given (case-insensitive). */
  private static List<Workload> selected(List<Workload> all, List<String> only) {
    if (only.isEmpty()) {
      return all;
    }
    List<Workload> out = new ArrayList<>();
    for (String id : only) {
      Workload w = all.stream().filter(x -> x.id().equalsIgnoreCase(id.trim())).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no workload " + id));
      out.add(w);
    }
    return out;
  }

  /**
   * Every variant of one workload, in the order each round starts from: floor, overlapped floor,
   * ours, PostgreSQL, then the slow ones.
   */
  static Map<Variant, Measurement> measure(Harness harness, Workload w, Connection popoto,
      Connection fullScans, PostgresBaseline postgres) throws Exception {
    List<Harness.Contender> contenders = new ArrayList<>();
    try {
      contenders.add(Harness.handWritten(Variant.FLOOR, w, w.floor()));
      if (w.overlapped() != null) {
        contenders.add(Harness.handWritten(Variant.OVERLAPPED_FLOOR, w, w.overlapped()));
      }
      contenders.add(Harness.jdbc(Variant.POPOTO, w, popoto, w.popotoSql()));
      if (postgres != null) {
        contenders.add(Harness.jdbc(Variant.POSTGRES, w, postgres.connection(),
            w.postgresSql()));
      }
      contenders.add(Harness.jdbc(Variant.NO_PUSHDOWN, w, fullScans, w.popotoSql()));
      if (w.perRow() != null) {
        contenders.add(Harness.handWritten(Variant.PER_ROW, w, w.perRow()));
      }
      return harness.run(w, contenders);
    } finally {
      for (Harness.Contender c : contenders) {
        c.close();
      }
    }
  }

  private static String summary(Map<Variant, Measurement> results) {
    StringBuilder s = new StringBuilder();
    results.forEach((v, m) -> s.append(v.label()).append('=')
        .append(m.ok() ? String.format(Locale.ROOT, "%.3fms/%d rows", m.stats().median(),
            m.rows()) : "FAILED").append("  "));
    return s.toString();
  }
}
