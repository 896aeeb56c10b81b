package io.popoto.sql.shell;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

/**
 * Run by {@link PackagingTest} in a JVM whose class path is the shaded driver jar and this class
 * alone, as a BI tool would load it: java.sql only, the driver found by DriverManager.
 */
public final class JdbcJarProbe {
  private JdbcJarProbe() {}

  public static void main(String[] args) throws Exception {
    try (Connection c = DriverManager.getConnection(args[0]);
         ResultSet rs = c.createStatement().executeQuery(args[1])) {
      while (rs.next()) {
        System.out.println("row: " + rs.getString(1) + " | " + rs.getString(2));
      }
      System.out.println("driver: " + c.getMetaData().getDriverName());
    }
  }
}
