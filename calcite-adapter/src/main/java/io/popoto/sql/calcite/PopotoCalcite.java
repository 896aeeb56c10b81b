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
