package io.popoto.sql.e2e;

import java.util.Map;

/**
 * Corpus queries that currently give a wrong answer in code this module does not own. They stay
 * in the corpus and are skipped with the reason, so fixing the bug only means deleting the line
 * here. Keys are "mode|sql" with mode "pushdown" or "scan", or "*|sql" for both.
 */
final class KnownIssues {
  // Add "mode|sql" entries (mode "pushdown", "scan" or "*") only for a bug that is reported
  // and not yet fixed.
  private static final Map<String, String> ISSUES = Map.of();

  private KnownIssues() {}

  /** The reason a known failure is skipped, or null when the case must pass. */
  static String reason(String mode, String sql) {
    String r = ISSUES.get(mode + "|" + sql);
    return r != null ? r : ISSUES.get("*|" + sql);
  }
}
