package io.popoto.sql.bench;

import io.popoto.sql.bench.gen.FoodDeliveryGenerator;
import io.popoto.sql.bench.gen.GeneratedData;
import io.popoto.sql.bench.gen.GenerationOptions;
import io.popoto.sql.bench.gen.ProgressBar;
import io.popoto.sql.catalog.Catalog;
import io.popoto.sql.redis.PrivateRedis;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import redis.clients.jedis.Jedis;

/**
 * Two builds of the driver in one JVM, on the same data and Redis, run interleaved with the
 * sequential floor: the way to tell a change of a few percent on a machine whose speed moves
 * by more than that between two runs (docs/performance.md, seventh pass). Each build's shaded
 * jar is loaded in a class loader of its own; every round runs build A, build B and the floor
 * (in reverse order every other round), each as many executions as the workload's timed unit,
 * and the report gives the medians of the per-round ratios of time and of Redis CPU (read from
 * {@code /proc/<pid>/schedstat} of the private Redis).
 *
 * <pre>
 * java -cp bench/target/popoto-sql-bench.jar io.popoto.sql.bench.CompareBuildsCommand \
 *     --a old.jar --b new.jar --only Q6 [--rounds 40] [--scale 1] [--a-options '&amp;k=v']
 *     [--b-options '&amp;k=v']
 * </pre>
 */
public final class CompareBuildsCommand {
  private CompareBuildsCommand() {}

  public static void main(String[] args) throws Exception {
    String jarA = null;
    String jarB = null;
    String optionsA = "";
    String optionsB = null;
    List<String> only = List.of("Q6");
    int rounds = 30;
    double scale = 1.0;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--a" -> jarA = args[i + 1];
        case "--b" -> jarB = args[i + 1];
        case "--a-options" -> optionsA = args[i + 1];
        case "--b-options" -> optionsB = args[i + 1];
        case "--only" -> only = Arrays.asList(args[i + 1].split(","));
        case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
        case "--scale" -> scale = Double.parseDouble(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (jarA == null || jarB == null) {
      throw new IllegalArgumentException("--a <jar> and --b <jar> are required");
    }
    try (PrivateRedis redis = PrivateRedis.startBinary()) {
      GeneratedData data;
      try (Jedis jedis = new Jedis(redis.host(), redis.port())) {
        ProgressBar bar = new ProgressBar(System.err);
        data = new FoodDeliveryGenerator(
            new GenerationOptions(GenerationOptions.DEFAULT_SEED, scale, 0.0), bar).generate(jedis);
        bar.end();
      }
      String url = "jdbc:popoto:redis://" + redis.host() + ":" + redis.port() + "?catalog="
          + FoodDeliveryGenerator.CATALOG;
      Catalog catalog = FoodDeliveryGenerator.loadCatalog();
      try (Connection a = open(jarA, url + optionsA);
           Connection b = open(jarB, url + (optionsB == null ? optionsA : optionsB));
           Jedis jedis = new Jedis(redis.host(), redis.port())) {
        FloorQueries floor = FloorQueries.sequential(jedis, catalog);
        for (Workload w : Workloads.all(data, floor, floor)) {
          if (only.contains(w.id())) {
            compare(w, a, b, redis, rounds);
          }
        }
      }
    }
  }

  /** A connection of the driver in {@code jar}, loaded apart from every other build. */
  private static Connection open(String jar, String url) throws Exception {
    URLClassLoader loader = new URLClassLoader(new URL[] {Path.of(jar).toUri().toURL()},
        ClassLoader.getPlatformClassLoader());
    Driver driver = (Driver) loader.loadClass("io.popoto.sql.jdbc.PopotoDriver")
        .getDeclaredConstructor().newInstance();
    return driver.connect(url, new Properties());
  }

  private static void compare(Workload w, Connection a, Connection b, PrivateRedis redis,
      int rounds) throws Exception {
    // the report's own contenders: each reads every column, its metadata asked once
    try (Harness.Contender buildA = Harness.jdbc(Variant.POPOTO, w, a, w.popotoSql());
         Harness.Contender buildB = Harness.jdbc(Variant.POPOTO, w, b, w.popotoSql())) {
      List<Harness.Contender> order = List.of(buildA, buildB,
          Harness.handWritten(Variant.FLOOR, w, w.floor()));
      double[][] ratios = new double[5][rounds]; // B/A, A/floor, B/floor time; B/A, A/floor CPU
      // Redis's wait in the run queue and its idle time (neither running nor waiting to run), ms
      // per execution, of A, B and the floor
      double[][] waitMs = new double[3][rounds];
      double[][] idleMs = new double[3][rounds];
      for (int r = 0; r < rounds; r++) {
        double[] time = new double[3];
        double[] redisCpu = new double[3];
        for (int k = 0; k < 3; k++) {
          int v = r % 2 == 0 ? k : 2 - k;
          long[] before = schedstat(redis);
          long t0 = System.nanoTime();
          for (int n = 0; n < w.executionsPerRun(); n++) {
            order.get(v).execution().run(n);
          }
          time[v] = System.nanoTime() - t0;
          long[] after = schedstat(redis);
          redisCpu[v] = after[0] - before[0];
          double wait = after[1] - before[1];
          waitMs[v][r] = wait / 1e6 / w.executionsPerRun();
          idleMs[v][r] = (time[v] - redisCpu[v] - wait) / 1e6 / w.executionsPerRun();
        }
        ratios[0][r] = time[1] / time[0];
        ratios[1][r] = time[0] / time[2];
        ratios[2][r] = time[1] / time[2];
        ratios[3][r] = redisCpu[0] > 0 ? redisCpu[1] / redisCpu[0] : Double.NaN;
        ratios[4][r] = redisCpu[2] > 0 ? redisCpu[0] / redisCpu[2] : Double.NaN;
      }
      System.out.printf(Locale.ROOT, "%s, %d rounds: B/A %s; A x floor %s; B x floor %s;"
          + " Redis CPU B/A %s, A x floor %s; Redis run-queue wait ms per execution: A %s,"
          + " B %s, floor %s; Redis idle ms per execution: A %s, B %s, floor %s%n", w.id(),
          rounds, text(ratios[0]), text(ratios[1]), text(ratios[2]), text(ratios[3]),
          text(ratios[4]), text(waitMs[0]), text(waitMs[1]), text(waitMs[2]), text(idleMs[0]),
          text(idleMs[1]), text(idleMs[2]));
    }
  }

  /** The median with its p10-p90 of the per-round ratios. */
  private static String text(double[] ratios) {
    Stats s = Stats.of(ratios);
    return String.format(Locale.ROOT, "%.3f (%.3f-%.3f)", s.median(), s.p10(), s.p90());
  }

  /**
   * Nanoseconds the Redis process has run and has waited in the run queue, or zeros where
   * /proc does not tell.
   */
  private static long[] schedstat(PrivateRedis redis) {
    try {
      String[] f = Files.readString(Path.of("/proc/" + redis.pid() + "/schedstat")).trim()
          .split(" ");
      return new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])};
    } catch (Exception e) {
      return new long[2];
    }
  }
}
