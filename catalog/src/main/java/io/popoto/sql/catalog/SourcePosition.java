package io.popoto.sql.catalog;

/** Where something was declared in a catalog file, for error messages. */
public record SourcePosition(String file, int line, int column) {

  public static final SourcePosition UNKNOWN = new SourcePosition("<unknown>", 0, 0);

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
