package io.popoto.sql.calcite;

import io.popoto.sql.catalog.CatalogReader;
import io.popoto.sql.redis.PrivateRedis;
import java.sql.Connection;
import java.util.Properties;
import org.apache.calcite.jdbc.CalciteConnection;

/** A plain Calcite connection with the sample's Popoto schema as default (no JDBC driver). */
final class CalciteOverRedis {
  private CalciteOverRedis() {}

  static RedisSource source(PrivateRedis redis) {
    return new RedisSource(new RedisSource.Config(redis.host(), redis.port(), 0, false, null,
        null, 2000, 10000));
  }

  static Connection open(RedisSource source, ReaderOptions options) throws Exception {
    Properties info = new Properties();
    info.setProperty("caseSensitive", "false");
    info.setProperty("unquotedCasing", "UNCHANGED");
    info.setProperty("quotedCasing", "UNCHANGED");
    CalciteConnection calcite = PopotoCalcite.connect(info);
    Connection connection = calcite;
    calcite.getRootSchema().add("popoto", new PopotoSchema(
        CatalogReader.load("classpath:popoto-sql/samples/food-delivery/catalog.json"), source,
        options));
    calcite.setSchema("popoto");
    return connection;
  }
}
