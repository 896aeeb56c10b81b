package io.popoto.sql.calcite;

/**
 * A value in an access path: a literal already rendered for Redis at plan time (an index key
 * segment or key string in {@code text}, or a zset score), or a {@code ?} parameter rendered the
 * same way when the statement executes.
 */
public record Operand(String text, Double score, Integer param) {
  static Operand text(String text) {
    return new Operand(text, null, null);
  }

  static Operand score(double score) {
    return new Operand(null, score, null);
  }

  static Operand param(int index) {
    return new Operand(null, null, index);
  }

  boolean isParam() {
    return param != null;
  }
}
