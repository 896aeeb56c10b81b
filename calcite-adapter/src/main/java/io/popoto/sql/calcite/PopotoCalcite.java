package io.popoto.sql.calcite;

import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.CalciteJdbc41Factory;
import org.apache.calcite.jdbc.Driver;
import org.apache.calcite.rel.type.RelDataTypeSystem;

/**
 * Opens the Calcite connection every Popoto connection runs on, with {@link PopotoTypeFactory}
 * (Unicode literals) and {@link PopotoTypeSystem}. Calcite's JDBC URL cannot name a type
 * factory, so the connection is made through Calcite's public connection factory, the way its
 * own driver does, passing the factory in.
 */
public final class PopotoCalcite {
  private static final String CHARSET_PROPERTY = "calcite.default.charset";
  private static final String NATIONAL_CHARSET_PROPERTY = "calcite.default.nationalcharset";
  private static final String COLLATION_PROPERTY = "calcite.default.collation.name";
  /** {@link PopotoTypeFactory#UNICODE}'s name, spelled out so as not to load Calcite yet. */
  private static final String UNICODE = "UTF-16LE";
  /** Calcite's default collation ({@code ISO-8859-1$en_US}) over the Unicode set. */
  private static final String UNICODE_COLLATION = UNICODE + "$en_US";

  static {
    preferUnicodeDefault();
  }

  /**
   * Cosmetic only (correctness comes from {@link PopotoTypeFactory}): Calcite prints a literal
   * whose charset is not the JVM-wide default with the charset spelled out
   * ({@code _UTF-16LE'x'}), and a character type whose charset is not that of the default
   * collation with it too ({@code 'x':VARCHAR CHARACTER SET "UTF-16LE"}), which makes EXPLAIN
   * lines long and noisy. Both defaults are read once, when Calcite's
   * {@code CalciteSystemProperty} class loads; those nobody set are asked for the same Unicode
   * set, so plans print {@code 'x'} (and {@code N'x'} literals take any character too). When the
   * host application loaded Calcite earlier, or set its own defaults, only the printing differs.
   */
  public static void preferUnicodeDefault() {
    try {
      preferIfUnset(CHARSET_PROPERTY, UNICODE);
      preferIfUnset(NATIONAL_CHARSET_PROPERTY, UNICODE);
      // a collation over another set than the default charset would disagree with every type
      if (UNICODE.equals(System.getProperty(CHARSET_PROPERTY))) {
        preferIfUnset(COLLATION_PROPERTY, UNICODE_COLLATION);
      }
    } catch (SecurityException e) {
      // a locked-down host: plans keep the spelled-out charsets
    }
  }

  private static void preferIfUnset(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }

  private PopotoCalcite() {}

  public static CalciteConnection connect(Properties info) throws SQLException {
    // ragged texts are VARCHAR whatever the conformance (PopotoTypeSystem)
    RelDataTypeSystem typeSystem = PopotoTypeSystem.INSTANCE;
    CalciteJdbc41Factory factory = new CalciteJdbc41Factory();
    // our preparation: the statement's cancel flag reaches the planner and the operators
    Driver driver = new Driver().withPrepareFactory(PopotoPrepare::new);
    return (CalciteConnection) factory.newConnection(driver, factory,
        Driver.CONNECT_STRING_PREFIX, info, null, new PopotoTypeFactory(typeSystem));
  }
}
