package io.popoto.sql.jdbc;

import io.popoto.sql.calcite.RedisSource;
import java.nio.charset.StandardCharsets;

/**
 * The Redis client name for a JDBC ApplicationName: {@code popoto-sql:<name>}, so CLIENT LIST
 * tells which application a socket serves. Redis accepts only the printable ASCII characters
 * {@code !} to {@code ~} in a name (no spaces), so every other byte of the UTF-8 name, and
 * {@code %} itself, is percent-encoded: {@code DBeaver 24.1} becomes
 * {@code popoto-sql:DBeaver%2024.1}. The mapping is lossless.
 */
final class ClientName {
  private ClientName() {}

  /** The client name, or the bare {@link RedisSource#CLIENT_NAME} for a null or empty name. */
  static String of(String applicationName) {
    if (applicationName == null || applicationName.isEmpty()) {
      return RedisSource.CLIENT_NAME;
    }
    StringBuilder out = new StringBuilder(RedisSource.CLIENT_NAME).append(':');
    for (byte b : applicationName.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c > ' ' && c <= '~' && c != '%') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
