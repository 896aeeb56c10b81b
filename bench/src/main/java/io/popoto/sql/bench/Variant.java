package io.popoto.sql.bench;

/** The ways each workload is answered in one run. */
public enum Variant {
  POPOTO("Popoto SQL"),
  NO_PUSHDOWN("no pushdown"),
  FLOOR("Jedis floor"),
  PER_ROW("per-row traversal"),
  POSTGRES("PostgreSQL");

  private final String label;

  Variant(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
