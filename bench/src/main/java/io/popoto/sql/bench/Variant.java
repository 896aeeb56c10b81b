package io.popoto.sql.bench;

/** The ways each workload is answered; the report lists them in this order. */
public enum Variant {
  POPOTO("Popoto SQL"),
  FLOOR("Jedis floor"),
  OVERLAPPED_FLOOR("overlapped floor"),
  POSTGRES("PostgreSQL"),
  NO_PUSHDOWN("no pushdown"),
  PER_ROW("per-row traversal");

  private final String label;

  Variant(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
