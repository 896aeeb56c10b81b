package io.popoto.sql.jdbc;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Properties;
import java.util.StringJoiner;

/**
 * A parsed {@code jdbc:popoto:redis[s]://[user[:password]@]host[:port][/db][?name=value&...]}
 * URL merged with the caller's {@link Properties}. As in pgjdbc, a property given in the URL
 * overrides the same property given in {@code Properties}.
 */
public final class ConnectionUrl {
  public static final String PREFIX = "jdbc:popoto:";
  public static final int DEFAULT_PORT = 6379;

  private final String host;
  private final int port;
  private final int database;
  private final boolean ssl;
  private final Properties props;

  private ConnectionUrl(String host, int port, int database, boolean ssl, Properties props) {
    this.host = host;
    this.port = port;
    this.database = database;
    this.ssl = ssl;
    this.props = props;
  }

  public static boolean accepts(String url) {
    return url != null && url.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
  }

  /** @throws SQLException (22023) naming what is wrong; the password is never echoed */
  public static ConnectionUrl parse(String url, Properties info) throws SQLException {
    if (!accepts(url)) {
      throw bad("URL must start with " + PREFIX);
    }
    String rest = url.substring(PREFIX.length());
    boolean ssl;
    if (rest.regionMatches(true, 0, "redis://", 0, 8)) {
      ssl = false;
      rest = rest.substring(8);
    } else if (rest.regionMatches(true, 0, "rediss://", 0, 9)) {
      ssl = true;
      rest = rest.substring(9);
    } else {
      throw bad("expected " + PREFIX + "redis://host[:port][/db] or " + PREFIX
          + "rediss://... after '" + PREFIX + "'");
    }
    Properties props = new Properties();
    if (info != null) {
      for (String name : info.stringPropertyNames()) {
        props.setProperty(name, info.getProperty(name));
      }
    }

    String query = null;
    int q = rest.indexOf('?');
    if (q >= 0) {
      query = rest.substring(q + 1);
      rest = rest.substring(0, q);
    }
    String path = "";
    int slash = rest.indexOf('/');
    if (slash >= 0) {
      path = rest.substring(slash + 1);
      rest = rest.substring(0, slash);
    }
    // The last '@' ends the user info: an unencoded '@' in a password still parses.
    int at = rest.lastIndexOf('@');
    if (at >= 0) {
      String userInfo = rest.substring(0, at);
      rest = rest.substring(at + 1);
      int colon = userInfo.indexOf(':');
      String user = decode(colon >= 0 ? userInfo.substring(0, colon) : userInfo, "user name");
      if (!user.isEmpty()) {
        props.setProperty(PopotoProperty.USER.getName(), user);
      }
      if (colon >= 0) {
        props.setProperty(PopotoProperty.PASSWORD.getName(),
            decode(userInfo.substring(colon + 1), "password"));
      }
    }

    String host;
    String portText = null;
    if (rest.startsWith("[")) {
      int close = rest.indexOf(']');
      if (close < 0) {
        throw bad("unclosed '[' in IPv6 host '" + rest + "'");
      }
      host = rest.substring(1, close);
      String after = rest.substring(close + 1);
      if (after.startsWith(":")) {
        portText = after.substring(1);
      } else if (!after.isEmpty()) {
        throw bad("unexpected '" + after + "' after host [" + host + "]");
      }
    } else {
      int colon = rest.indexOf(':');
      host = colon >= 0 ? rest.substring(0, colon) : rest;
      portText = colon >= 0 ? rest.substring(colon + 1) : null;
    }
    if (host.isEmpty()) {
      throw bad("missing host: expected " + PREFIX + "redis://host[:port][/db]");
    }
    int port = DEFAULT_PORT;
    if (portText != null) {
      port = parseInt(portText, "port", 1, 65535);
    }
    int database = path.isEmpty() ? 0 : parseInt(path, "database number", 0, Integer.MAX_VALUE);

    if (query != null && !query.isEmpty()) {
      for (String pair : query.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = decode(eq >= 0 ? pair.substring(0, eq) : pair, "property name");
        String value = eq >= 0 ? decode(pair.substring(eq + 1), "value of " + name) : "";
        if (PopotoProperty.forName(name) == null) {
          throw bad("unknown property '" + name + "'; known: " + knownNames());
        }
        props.setProperty(name, value);
      }
    }
    return new ConnectionUrl(host, port, database, ssl, props);
  }

  private static String decode(String s, String what) throws SQLException {
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      // Not the text itself: it may be the password.
      throw bad("malformed %-escape in the " + what);
    }
  }

  private static int parseInt(String s, String what, int min, int max) throws SQLException {
    try {
      int n = Integer.parseInt(s);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    throw bad("invalid " + what + " '" + s + "'; expected an integer from " + min + " to " + max);
  }

  private static String knownNames() {
    StringJoiner j = new StringJoiner(", ");
    for (PopotoProperty p : PopotoProperty.values()) {
      j.add(p.getName());
    }
    return j.toString();
  }

  private static SQLException bad(String why) {
    return new SQLException("Invalid Popoto SQL URL: " + why, SqlStates.INVALID_PARAMETER_VALUE);
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public int database() {
    return database;
  }

  public boolean ssl() {
    return ssl;
  }

  /** The merged properties (URL over caller's); includes the password, so never print them. */
  public Properties properties() {
    return props;
  }

  public String get(PopotoProperty p) {
    return p.get(props);
  }

  /** The URL without the password: for getURL(), logs and messages. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(PREFIX).append(ssl ? "rediss://" : "redis://");
    String user = props.getProperty(PopotoProperty.USER.getName());
    if (user != null && !user.isEmpty()) {
      sb.append(URLEncoder.encode(user, StandardCharsets.UTF_8)).append('@');
    }
    sb.append(host.contains(":") ? "[" + host + "]" : host).append(':').append(port)
        .append('/').append(database);
    StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
    for (PopotoProperty p : PopotoProperty.values()) {
      String v = props.getProperty(p.getName());
      if (v != null && !p.secret() && p != PopotoProperty.USER) {
        query.add(p.getName() + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
      }
    }
    return sb.append(query).toString();
  }
}
