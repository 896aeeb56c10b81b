package io.popoto.sql.catalog;

import java.util.Locale;

/**
 * Which Popoto code line wrote the data. The two lines differ in key escaping, datetime key
 * rendering, datetime/time envelopes and sorted-score semantics (spec section 9).
 */
public enum FormatLine {
  /** Popoto 0.8.x, the April 2024 snapshot. */
  V0_8("0.8"),
  /**
   * Popoto 1.x (1.10.1 and the newest code read); written {@code "1"}, with {@code "newest"}
   * kept as an alias.
   */
  NEWEST("1");

  private final String label;

  FormatLine(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /**
   * Accepts {@code 0.8}, {@code 0.8.3}, {@code 0.8.x}, {@code 1}, {@code 1.x}, {@code 1.10.1},
   * {@code newest}; null when unknown.
   */
  public static FormatLine parse(String text) {
    if (text == null) {
      return null;
    }
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("0.8") || t.startsWith("0.8.") || t.equals("0.8.x")) {
      return V0_8;
    }
    if (t.equals("newest") || t.equals("latest") || t.matches("1(\\.[0-9x]+)*")) {
      return NEWEST;
    }
    return null;
  }
}
