package io.popoto.sql.e2e;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Compares two results the way the differential test defines equality: numbers by value
 * (doubles with relative tolerance 1e-9, exact numbers by compareTo, because the two engines
 * legitimately pick different integer/decimal widths for aggregates), byte arrays by content,
 * and unordered results as multisets.
 */
final class RowMatcher {
  private static final double RELATIVE_TOLERANCE = 1e-9;

  private RowMatcher() {}

  /** Null when equal, else a readable description of the difference. */
  static String difference(List<List<Object>> expected, List<List<Object>> actual,
      boolean ordered) {
    List<List<Object>> e = ordered ? expected : sorted(expected);
    List<List<Object>> a = ordered ? actual : sorted(actual);
    if (e.size() == a.size()) {
      boolean same = true;
      for (int i = 0; i < e.size() && same; i++) {
        same = sameRow(e.get(i), a.get(i));
      }
      if (same) {
        return null;
      }
    }
    return "expected " + e.size() + " rows:\n" + render(e) + "\nbut got " + a.size()
        + " rows:\n" + render(a);
  }

  static boolean sameRow(List<Object> e, List<Object> a) {
    if (e.size() != a.size()) {
      return false;
    }
    for (int i = 0; i < e.size(); i++) {
      if (!sameValue(e.get(i), a.get(i))) {
        return false;
      }
    }
    return true;
  }

  static boolean sameValue(Object e, Object a) {
    if (e == null || a == null) {
      return e == a;
    }
    if (e instanceof Number x && a instanceof Number y) {
      if (isFloating(x) || isFloating(y)) {
        double dx = x.doubleValue();
        double dy = y.doubleValue();
        return dx == dy
            || Math.abs(dx - dy) <= RELATIVE_TOLERANCE * Math.max(Math.abs(dx), Math.abs(dy));
      }
      return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
    }
    if (e instanceof byte[] x && a instanceof byte[] y) {
      return Arrays.equals(x, y);
    }
    return e.equals(a);
  }

  private static boolean isFloating(Number n) {
    return n instanceof Double || n instanceof Float;
  }

  private static List<List<Object>> sorted(List<List<Object>> rows) {
    List<List<Object>> copy = new ArrayList<>(rows);
    copy.sort(RowMatcher::compareRows);
    return copy;
  }

  private static int compareRows(List<Object> x, List<Object> y) {
    for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
      int c = VALUE_ORDER.compare(x.get(i), y.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.size(), y.size());
  }

  // Any total order works for multiset comparison, as long as equal values sort together.
  private static final Comparator<Object> VALUE_ORDER = Comparator.nullsFirst(
      (Object x, Object y) -> {
        if (x instanceof Number nx && y instanceof Number ny) {
          return Double.compare(nx.doubleValue(), ny.doubleValue());
        }
        return show(x).compareTo(show(y));
      });

  private static String render(List<List<Object>> rows) {
    StringBuilder sb = new StringBuilder();
    for (List<Object> row : rows) {
      sb.append("  ");
      for (Object v : row) {
        sb.append(show(v)).append(" | ");
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  static String show(Object v) {
    if (v instanceof byte[] b) {
      return "0x" + HexFormat.of().formatHex(b);
    }
    return Objects.toString(v);
  }
}
