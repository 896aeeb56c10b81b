package io.popoto.sql.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.popoto.sql.catalog.Catalog;
import io.popoto.sql.catalog.FormatLine;
import io.popoto.sql.jdbc.PopotoDriver;
import io.popoto.sql.redis.PrivateRedis;
import io.popoto.sql.testkit.RedisExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RedisExtension.class)
class MainTest {
  private static final Catalog EMPTY = new Catalog(FormatLine.V0_8, null, List.of());
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Main main, String... args) {
    return main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static Main withEmptyCatalog() {
    return new Main(url -> PopotoDriver.connect(url, new Properties(), EMPTY));
  }

  private static String url(PrivateRedis redis) {
    return "jdbc:popoto:redis://" + redis.host() + ":" + redis.port();
  }

  @Test
  void badSqlExitsOneWithMessageAndSqlState(PrivateRedis redis) {
    int code = run(withEmptyCatalog(), url(redis), "-e", "select * from \"Nope\"");
    assertEquals(1, code);
    String e = err.toString(StandardCharsets.UTF_8);
    assertTrue(e.contains("Table 'Nope' not found"), e);
    assertTrue(e.contains("(SQLState 42S02)"), e);
    assertEquals("", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void writeExitsOneWithReadOnlyState(PrivateRedis redis) {
    assertEquals(1, run(withEmptyCatalog(), url(redis), "-e", "drop table x"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("25006"));
  }

  @Test
  void goodSqlPrintsAnAlignedTableAndRowCount(PrivateRedis redis) {
    int code = run(withEmptyCatalog(), url(redis), "-e",
        "select * from (values (1, 'ab'), (22, 'c')) as t(n, s)");
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    String o = out.toString(StandardCharsets.UTF_8);
    assertTrue(o.contains("| n  | s  |"), o);
    assertTrue(o.contains("| 22 | c  |"), o);
    assertTrue(o.contains("2 rows"), o);
  }

  @Test
  void discoverSubcommandPrintsADraftCatalog(PrivateRedis redis) {
    RedisExtension.loadFixture(redis);
    int code = run(withEmptyCatalog(), "discover",
        "redis://" + redis.host() + ":" + redis.port() + "/0", "--sample", "10");
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"Restaurant\""));
  }

  @Test
  void helpAndUsageErrors() {
    assertEquals(0, run(withEmptyCatalog(), "--help"));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("--demo"));
    assertEquals(2, run(withEmptyCatalog()));
    assertEquals(2, run(withEmptyCatalog(), "--bogus"));
  }

  @Test
  void versionPrintsTheDriverVersion() {
    assertEquals(0, run(withEmptyCatalog(), "--version"));
    assertEquals("Popoto SQL " + ShellApplication.version(),
        out.toString(StandardCharsets.UTF_8).strip());
  }

  @Test
  void nullIsWrittenTheSameForEveryTypeAndPlansTakeOneLinePerLine(PrivateRedis redis) {
    int code = run(withEmptyCatalog(), url(redis), "-e", "select cast(null as varchar) as s, "
        + "cast(null as integer) as i, cast(null as double) as d, cast(null as date) as dt, "
        + "cast(null as boolean) as b, cast(null as varbinary) as v, 'a\nb' as t");
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    String o = out.toString(StandardCharsets.UTF_8);
    assertTrue(o.contains("| NULL | NULL | NULL | NULL | NULL | NULL | a |"), o);
    assertTrue(o.contains("|      |      |      |      |      |      | b |"), o);
  }

  @Test
  void demoAnswersAQuery() {
    int code = run(new Main(DriverManager::getConnection), "--demo", "-e",
        "select count(*) as n from \"Restaurant\"");
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("1 row"));
  }
}
