package io.popoto.sql.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * This module depends on popoto-sql-driver as a Maven user does, so its class path is the thin
 * driver's dependency tree (plus test libraries that bring no binding): slf4j-api must be there,
 * and no slf4j binding, so that the host application's logging decides.
 */
class NoLoggingBindingTest {
  private static final List<String> BINDINGS = List.of("slf4j-nop", "slf4j-simple",
      "slf4j-jdk14", "slf4j-reload4j", "slf4j-log4j12", "logback-classic", "log4j-slf4j",
      "log4j-slf4j2-impl", "slf4j-jcl");

  @Test
  void theDriverBringsTheApiAndNoBinding() {
    List<String> found = new ArrayList<>();
    boolean api = false;
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String name = new File(entry).getName();
      api |= name.startsWith("slf4j-api-");
      for (String binding : BINDINGS) {
        if (name.startsWith(binding + "-")) {
          found.add(name);
        }
      }
    }
    assertTrue(api, "slf4j-api is not on the class path");
    assertEquals(List.of(), found, "logging bindings on the driver's class path");
    List<String> providers = new ArrayList<>();
    ServiceLoader.load(SLF4JServiceProvider.class).forEach(p -> providers.add(p.getClass()
        .getName()));
    assertEquals(List.of(), providers, "slf4j providers registered");
  }
}
