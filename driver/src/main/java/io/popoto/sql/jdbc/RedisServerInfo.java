package io.popoto.sql.jdbc;

/** Reads the server version out of the text INFO server returns. */
final class RedisServerInfo {
  static final String UNKNOWN = "unknown";

  private RedisServerInfo() {
  }

  /** The redis_version field; Redis-compatible servers lacking it report "unknown". */
  static String version(String info) {
    for (String line : info.split("\r?\n")) {
      if (line.startsWith("redis_version:")) {
        return line.substring("redis_version:".length()).strip();
      }
    }
    return UNKNOWN;
  }

  /** The leading number of the dotted part at {@code index} (0 major, 1 minor), else 0. */
  static int versionPart(String version, int index) {
    String[] parts = version.split("\\.");
    if (index >= parts.length) {
      return 0;
    }
    String digits = parts[index].replaceAll("^(\\d*).*$", "$1");
    return digits.isEmpty() ? 0 : Integer.parseInt(digits);
  }
}
