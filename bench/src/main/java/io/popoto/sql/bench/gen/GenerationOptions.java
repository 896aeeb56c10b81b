package io.popoto.sql.bench.gen;

/**
 * What to generate: the seed makes a run reproducible, scale multiplies the default row counts
 * (1.0 = 100,000 orders), faultRate is the share of orders that get one injected fault.
 */
public record GenerationOptions(long seed, double scale, double faultRate) {
  public static final long DEFAULT_SEED = 42L;

  public GenerationOptions {
    if (scale <= 0) {
      throw new IllegalArgumentException("scale must be positive: " + scale);
    }
    if (faultRate < 0 || faultRate > 1) {
      throw new IllegalArgumentException("fault rate must be within [0, 1]: " + faultRate);
    }
  }

  public static GenerationOptions defaults() {
    return new GenerationOptions(DEFAULT_SEED, 1.0, 0.0);
  }

  public int restaurants() {
    return count(1_000);
  }

  public int customers() {
    return count(10_000);
  }

  public int drivers() {
    return count(500);
  }

  public int menuItems() {
    return count(20_000);
  }

  public int orders() {
    return count(100_000);
  }

  private int count(int atScaleOne) {
    return Math.max(1, (int) Math.round(atScaleOne * scale));
  }
}
