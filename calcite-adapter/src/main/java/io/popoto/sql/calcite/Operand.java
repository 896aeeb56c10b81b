package io.popoto.sql.calcite;

/**
 * A value in an access path: a literal already rendered for Redis at plan time (an index key
 * segment or key string in {@code text}, or a zset score), or a value bound when the statement
 * runs and rendered the same way then. Bound values sit in one array: the statement's {@code ?}
 * parameters first, then the fields of the outer rows of a batched join ({@code outer} names
 * such a field for EXPLAIN).
 */
public record Operand(String text, Double score, Integer param, String outer) {
  static Operand text(String text) {
    return new Operand(text, null, null, null);
  }

  static Operand score(double score) {
    return new Operand(null, score, null, null);
  }

  static Operand param(int index) {
    return new Operand(null, null, index, null);
  }

  /** A field of an outer row of a batched join, bound at slot {@code slot}. */
  static Operand outer(int slot, String field) {
    return new Operand(null, null, slot, field);
  }

  boolean isParam() {
    return param != null;
  }

  boolean isOuter() {
    return outer != null;
  }
}
