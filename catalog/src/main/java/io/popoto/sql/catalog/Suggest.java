package io.popoto.sql.catalog;

import java.util.Collection;
import java.util.Locale;

/**
 * Finds the closest known name to a misspelled one, for "did you mean" hints (catalog errors,
 * and the driver's unknown-table and unknown-column messages).
 */
public final class Suggest {
  private Suggest() {}

  /** "; did you mean 'X'?" when a candidate is close enough, else "". */
  public static String didYouMean(String wrong, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(wrong.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    // Beyond a third of the word the "suggestion" is noise rather than a typo fix.
    if (best == null || bestDistance > Math.max(2, wrong.length() / 3)) {
      return "";
    }
    return "; did you mean '" + best + "'?";
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
