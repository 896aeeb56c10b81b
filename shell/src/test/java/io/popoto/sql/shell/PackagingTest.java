package io.popoto.sql.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.popoto.sql.redis.PrivateRedis;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The jars as shipped (built by the driver and shell modules' package phase, before these
 * tests run in a reactor build): the shaded driver for BI tools holds our classes, the slf4j
 * API and relocated libraries only, no logging binding and no redis-server binaries, and runs
 * a query from a class path of its own; the thin driver jar carries no shell, no binaries.
 */
class PackagingTest {
  private static final Path JDBC_JAR = Path.of(System.getProperty("popoto.jdbcJar",
      "../driver/target/popoto-sql-driver-" + ShellApplication.version() + "-jdbc.jar"));
  private static final Path THIN_JAR = Path.of(System.getProperty("popoto.thinJar",
      "../driver/target/popoto-sql-driver-" + ShellApplication.version() + ".jar"));

  private static List<String> entries(Path jar) throws IOException {
    assertTrue(Files.isRegularFile(jar), jar + " is missing: package the driver module first");
    List<String> names = new ArrayList<>();
    try (ZipFile z = new ZipFile(jar.toFile())) {
      z.stream().map(ZipEntry::getName).forEach(names::add);
    }
    return names;
  }

  @Test
  void shadedDriverHoldsNoUnrelocatedLibraryAndNoBinding() throws IOException {
    Set<String> unrelocated = new TreeSet<>();
    for (String e : entries(JDBC_JAR)) {
      if (e.endsWith("/")) {
        continue;
      }
      if (e.endsWith(".class") && !e.startsWith("io/popoto/sql/")
          && !e.startsWith("org/slf4j/")) {
        unrelocated.add(e.contains("/") ? e.substring(0, e.lastIndexOf('/')) : e);
      }
      assertTrue(!e.startsWith("org/slf4j/") || e.startsWith("org/slf4j/helpers/")
          || e.startsWith("org/slf4j/spi/") || e.startsWith("org/slf4j/event/")
          || e.matches("org/slf4j/[A-Za-z0-9$]+\\.class"), "an slf4j binding: " + e);
      assertTrue(!e.equals("META-INF/services/org.slf4j.spi.SLF4JServiceProvider"),
          "the jar registers an slf4j provider");
      assertTrue(!e.contains("redis-server"), "demo binaries in the driver: " + e);
    }
    assertEquals(Set.of(), unrelocated, "packages outside io.popoto.sql and org.slf4j");
    try (ZipFile z = new ZipFile(JDBC_JAR.toFile())) {
      String drivers = new String(z.getInputStream(z.getEntry("META-INF/services/java.sql.Driver"))
          .readAllBytes(), StandardCharsets.UTF_8).strip();
      assertEquals("io.popoto.sql.jdbc.PopotoDriver", drivers);
    }
  }

  @Test
  void thinDriverJarCarriesNoShellAndNoBinaries() throws IOException {
    for (String e : entries(THIN_JAR)) {
      assertTrue(e.startsWith("io/popoto/sql/jdbc/") || e.startsWith("META-INF/")
          || e.endsWith("/"), "unexpected in the thin driver jar: " + e);
    }
  }

  @Test
  void shadedDriverRunsAQueryOnItsOwnClassPath() throws Exception {
    assumeTrue(PrivateRedis.findBinary() != null, "needs redis-server on the PATH");
    try (PrivateRedis redis = DemoRedis.start()) {
      Path testClasses = Path.of(JdbcJarProbe.class.getProtectionDomain().getCodeSource()
          .getLocation().toURI());
      Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
          .toString(), "-cp", JDBC_JAR.toAbsolutePath() + java.io.File.pathSeparator + testClasses,
          JdbcJarProbe.class.getName(), DemoRedis.url(redis),
          "select r.name, count(*) from \"Order\" o join restaurant r on o.restaurant = r._key "
              + "group by r.name order by r.name")
          .redirectErrorStream(true).start();
      String out;
      try {
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the probe did not finish");
        out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      } finally {
        p.destroyForcibly();
      }
      assertEquals(0, p.exitValue(), out);
      assertTrue(out.contains("row: Sushi Zen | 2"), out);
      assertTrue(out.contains("driver: Popoto SQL"), out);
    }
  }
}
