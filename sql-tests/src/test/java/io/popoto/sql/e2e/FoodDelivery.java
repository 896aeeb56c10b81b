package io.popoto.sql.e2e;

import io.popoto.sql.catalog.Catalog;
import io.popoto.sql.catalog.CatalogException;
import io.popoto.sql.catalog.CatalogReader;
import io.popoto.sql.redis.PrivateRedis;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Connections to the food-delivery sample through our JDBC driver. */
final class FoodDelivery {
  static final String CATALOG = "classpath:popoto-sql/samples/food-delivery/catalog.json";

  private FoodDelivery() {}

  static Catalog catalog() {
    try {
      return CatalogReader.load(CATALOG);
    } catch (CatalogException e) {
      throw new IllegalStateException(e);
    }
  }

  static String url(PrivateRedis redis, boolean pushdown) {
    return Differential.url(redis, CATALOG, pushdown);
  }

  static Connection connect(PrivateRedis redis, boolean pushdown) throws SQLException {
    return DriverManager.getConnection(url(redis, pushdown));
  }
}
