package io.popoto.sql.bench.gen;

import java.net.URI;

/**
 * {@code GenerateCommand redis://host:port [--scale N] [--seed S] [--faults RATE]}: fills a
 * Redis with the food-delivery sample. It only adds keys; point it at a server you own.
 */
public final class GenerateCommand {
  private GenerateCommand() {}

  public static void main(String[] args) {
    if (args.length == 0 || args[0].startsWith("--")) {
      System.err.println("usage: GenerateCommand redis://host:port[/db] [--scale N] [--seed S]"
          + " [--faults RATE]");
      System.exit(2);
    }
    URI redis = URI.create(args[0]);
    double scale = 1.0;
    long seed = GenerationOptions.DEFAULT_SEED;
    double faults = 0.0;
    for (int i = 1; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--scale" -> scale = Double.parseDouble(args[i + 1]);
        case "--seed" -> seed = Long.parseLong(args[i + 1]);
        case "--faults" -> faults = Double.parseDouble(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    ProgressBar bar = new ProgressBar(System.err);
    GeneratedData data = new FoodDeliveryGenerator(new GenerationOptions(seed, scale, faults),
        bar).generate(redis);
    bar.end();
    System.err.printf("generated %s, %d faults, %,d commands in %.1f s%n", data.rowsPerModel(),
        data.faults(), data.commands(), data.millis() / 1000.0);
  }
}
