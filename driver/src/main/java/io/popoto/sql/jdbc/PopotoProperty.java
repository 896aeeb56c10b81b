package io.popoto.sql.jdbc;

import java.sql.DriverPropertyInfo;
import java.util.Locale;
import java.util.Properties;

/**
 * Every connection property the driver understands, with its default and a description (the
 * role pgjdbc's {@code PGProperty} plays). Values come from the URL query string and from the
 * {@link Properties} given to {@code connect}; the URL wins, as in pgjdbc.
 */
public enum PopotoProperty {
  CATALOG("catalog", null,
      "Catalog file: a file path or classpath:resource. Without it the models are discovered by "
          + "sampling the database at connect time (a warning says so)."),
  USER("user", null, "Redis ACL user name (Redis 6+); omit for the default user."),
  PASSWORD("password", null, "Redis password (AUTH)."),
  SCHEMA("schema", "popoto", "Name of the SQL schema that holds one table per model."),
  STRICT("strict", "false",
      "true: a value that cannot be decoded fails the query; false: NULL and a warning.",
      "true", "false"),
  BATCH_SIZE("batchSize", "500",
      "Keys in a read's first pipelined Redis fetch; later fetches take up to four times as many."),
  CONNECT_TIMEOUT("connectTimeout", "10",
      "Seconds to wait for the TCP connection to Redis; 0 waits forever."),
  SOCKET_TIMEOUT("socketTimeout", "60",
      "Seconds to wait for one Redis reply; 0 waits forever."),
  PUSHDOWN("pushdown", "true",
      "false turns every index access path off, so every table is scanned (for comparison).",
      "true", "false"),
  OVERLAP("overlap", "true",
      "true: Redis answers the next batch while the driver decodes the current one (one "
          + "connection, same commands); false: one batch at a time, for comparison.",
      "true", "false"),
  DIRECT_LOOKUPS("directLookups", "true",
      "false runs prepared key lookups (WHERE _key = ?, IN, every key field equal) through "
          + "Calcite's executor like other statements, instead of the driver's direct call "
          + "(for comparison).",
      "true", "false"),
  DISCOVERY_SAMPLE("discoverySample", "1000",
      "Without a catalog: at most this many hashes are sampled per model to discover it."),
  APPLICATION_NAME("applicationName", null,
      "Names the application in Redis's CLIENT LIST as popoto-sql:<name> (as "
          + "setClientInfo(\"ApplicationName\", name) does)."),
  SSLMODE("sslmode", null,
      "TLS, as in pgjdbc: disable (plain TCP), require (TLS, any certificate), verify-ca "
          + "(certificate signed by sslrootcert, else by the JVM truststore), verify-full "
          + "(verify-ca and the certificate names the host). Default: verify-full for rediss://, "
          + "disable for redis://.",
      SslMode.CHOICES),
  SSLROOTCERT("sslrootcert", null,
      "PEM file of the CA certificate(s) that sign the Redis server's certificate "
          + "(verify-ca, verify-full); without it the JVM truststore is used."),
  SSLCERT("sslcert", null,
      "PEM file of the client certificate, for a Redis with tls-auth-clients yes (mutual TLS)."),
  SSLKEY("sslkey", null,
      "PEM (PKCS#8) or DER .pk8 file of the client certificate's private key."),
  SSLPASSWORD("sslpassword", null,
      "Password of an encrypted sslkey (BEGIN ENCRYPTED PRIVATE KEY).");

  private final String name;
  private final String defaultValue;
  private final String description;
  private final String[] choices;

  PopotoProperty(String name, String defaultValue, String description, String... choices) {
    this.name = name;
    this.defaultValue = defaultValue;
    this.description = description;
    this.choices = choices.length == 0 ? null : choices;
  }

  public String getName() {
    return name;
  }

  public String getDefaultValue() {
    return defaultValue;
  }

  public String getDescription() {
    return description;
  }

  public String[] getChoices() {
    return choices == null ? null : choices.clone();
  }

  /** The value in {@code props}, else the default; blank counts as absent (tools send ""). */
  public String get(Properties props) {
    String v = props.getProperty(name);
    return v == null || v.isBlank() ? defaultValue : v.strip();
  }

  public boolean getBoolean(Properties props) throws java.sql.SQLException {
    String v = get(props).toLowerCase(Locale.ROOT);
    if (!v.equals("true") && !v.equals("false")) {
      throw invalid(v, "true or false");
    }
    return Boolean.parseBoolean(v);
  }

  /** An integer of at least {@code min}. */
  public int getInt(Properties props, int min) throws java.sql.SQLException {
    String v = get(props);
    try {
      int n = Integer.parseInt(v);
      if (n >= min) {
        return n;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    throw invalid(v, "an integer of at least " + min);
  }

  private java.sql.SQLException invalid(String value, String expected) {
    // The password is never validated here, so echoing the value is safe.
    return new java.sql.SQLException("Invalid value for connection property " + name + ": '"
        + value + "'; expected " + expected, SqlStates.INVALID_PARAMETER_VALUE);
  }

  public DriverPropertyInfo toDriverPropertyInfo(Properties props) {
    DriverPropertyInfo info = new DriverPropertyInfo(name,
        secret() ? null : props.getProperty(name, defaultValue));
    info.description = description;
    info.required = false;
    info.choices = getChoices();
    return info;
  }

  /** Values never shown: in getPropertyInfo, toString() or messages. */
  public boolean secret() {
    return this == PASSWORD || this == SSLPASSWORD;
  }

  public static PopotoProperty forName(String name) {
    for (PopotoProperty p : values()) {
      if (p.name.equals(name)) {
        return p;
      }
    }
    return null;
  }
}
