package io.popoto.sql.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem of a catalog so the user can fix them all in one go. */
final class Problems {
  private final List<CatalogException.Problem> list = new ArrayList<>();

  void add(SourcePosition position, String message) {
    list.add(new CatalogException.Problem(position, message));
  }

  void throwIfAny() throws CatalogException {
    if (!list.isEmpty()) {
      // Checks run pass by pass; the user reads the file top to bottom.
      list.sort(Comparator.comparingInt((CatalogException.Problem p) -> p.position().line())
          .thenComparingInt(p -> p.position().column()));
      throw new CatalogException(list);
    }
  }
}
