package io.popoto.sql.calcite;

import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.CalciteJdbc41Factory;
import org.apache.calcite.jdbc.Driver;
import org.apache.calcite.rel.type.DelegatingTypeSystem;
import org.apache.calcite.rel.type.RelDataTypeSystem;

/**
 * Opens the Calcite connection every Popoto connection runs on, with {@link PopotoTypeFactory}
 * (Unicode literals) and {@link PopotoTypeSystem}. Calcite's JDBC URL cannot name a type
 * factory, so the connection is made through Calcite's public connection factory, the way its
 * own driver does, passing the factory in.
 */
public final class PopotoCalcite {
  private static final String CHARSET_PROPERTY = "calcite.default.charset";
  /** {@link PopotoTypeFactory#UNICODE}'s name, spelled out so as not to load Calcite yet. */
  private static final String UNICODE = "UTF-16LE";

  static {
    preferUnicodeDefault();
  }

  /**
   * Cosmetic only (correctness comes from {@link PopotoTypeFactory}): Calcite prints a literal whose charset
   * is not the JVM-wide default with the charset spelled out
   * ({@code _UTF-16LE'x':VARCHAR CHARACTER SET "UTF-16LE"}), which makes EXPLAIN lines long.
   * That default is read once, when Calcite's {@code CalciteSystemProperty} class loads; if
   * nobody set it, ask for the same Unicode set, so plans print {@code 'x'}. When the host
   * application loaded Calcite earlier, or set the property, only the printing differs.
   */
  public static void preferUnicodeDefault() {
    try {
      if (System.getProperty(CHARSET_PROPERTY) == null) {
        System.setProperty(CHARSET_PROPERTY, UNICODE);
      }
    } catch (SecurityException e) {
      // a locked-down host: plans keep the spelled-out charsets
    }
  }

  private PopotoCalcite() {}

  public static CalciteConnection connect(Properties info) throws SQLException {
    RelDataTypeSystem typeSystem = PopotoTypeSystem.INSTANCE;
    // what Calcite does for a connection without a type factory of its own
    if (new CalciteConnectionConfigImpl(info).conformance()
        .shouldConvertRaggedUnionTypesToVarying()) {
      typeSystem = new DelegatingTypeSystem(typeSystem) {
        @Override
        public boolean shouldConvertRaggedUnionTypesToVarying() {
          return true;
        }
      };
    }
    CalciteJdbc41Factory factory = new CalciteJdbc41Factory();
    return (CalciteConnection) factory.newConnection(new Driver(), factory, Driver.CONNECT_STRING_PREFIX,
        info, null, new PopotoTypeFactory(typeSystem));
  }
}
