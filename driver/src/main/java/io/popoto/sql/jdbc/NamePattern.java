package io.popoto.sql.jdbc;

import java.util.regex.Pattern;

/**
 * DatabaseMetaData name matching: null matches everything, "" matches only the absent name
 * (catalogs), and anything else is a LIKE pattern with {@code %}, {@code _} and the
 * {@code \} search-string escape. Names match case-insensitively, as our unquoted SQL does.
 */
final class NamePattern {
  private NamePattern() {
  }

  static boolean matches(String pattern, String name) {
    if (pattern == null) {
      return true;
    }
    if (pattern.isEmpty()) {
      return name == null || name.isEmpty();
    }
    if (name == null) {
      return false;
    }
    return toRegex(pattern).matcher(name).matches();
  }

  private static Pattern toRegex(String like) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < like.length(); i++) {
      char c = like.charAt(i);
      if (c == '\\' && i + 1 < like.length()) {
        regex.append(Pattern.quote(String.valueOf(like.charAt(++i))));
      } else if (c == '%') {
        regex.append(".*");
      } else if (c == '_') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  }
}
