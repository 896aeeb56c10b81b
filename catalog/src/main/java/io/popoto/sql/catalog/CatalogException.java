package io.popoto.sql.catalog;

import java.util.List;

/** A catalog that cannot be used; carries every problem found, each with its position. */
public class CatalogException extends Exception {
  private static final long serialVersionUID = 1L;

  /** One problem: where, and a sentence a user understands. */
  public record Problem(SourcePosition position, String message) {
    @Override
    public String toString() {
      return position + ": " + message;
    }
  }

  private final List<Problem> problems;

  public CatalogException(List<Problem> problems) {
    super(render(problems));
    this.problems = List.copyOf(problems);
  }

  public CatalogException(SourcePosition position, String message) {
    this(List.of(new Problem(position, message)));
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String render(List<Problem> problems) {
    if (problems.size() == 1) {
      return "Invalid catalog: " + problems.get(0);
    }
    StringBuilder sb = new StringBuilder("Invalid catalog (" + problems.size() + " problems):");
    for (Problem p : problems) {
      sb.append("\n  ").append(p);
    }
    return sb.toString();
  }
}
