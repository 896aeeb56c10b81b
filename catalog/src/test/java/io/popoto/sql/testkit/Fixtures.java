package io.popoto.sql.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The food-delivery fixture files, from the classpath. */
public final class Fixtures {
  /** Test resources: the dump and the expected facts. */
  public static final String TEST_DIR = "/fixtures/popoto-food-delivery/";
  /** Main resources: the sample the demo also uses (load.redis and its catalog). */
  public static final String SAMPLE_DIR = "/popoto-sql/samples/food-delivery/";

  private Fixtures() {}

  public static InputStream open(String name) throws IOException {
    InputStream in = Fixtures.class.getResourceAsStream(SAMPLE_DIR + name);
    if (in == null) {
      in = Fixtures.class.getResourceAsStream(TEST_DIR + name);
    }
    if (in == null) {
      throw new IOException("fixture file not on the classpath: " + name);
    }
    return in;
  }

  public static String text(String name) {
    try (InputStream in = open(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
