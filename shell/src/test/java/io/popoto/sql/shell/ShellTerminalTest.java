package io.popoto.sql.shell;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.popoto.sql.redis.PrivateRedis;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * The shell as a person meets it: {@code --demo} in a pseudo-terminal (util-linux
 * {@code script}), keys typed, the screen read. First screen, completion of a table and a
 * column, EXPLAIN in table mode, and Ctrl-C on a long query (the shell and the demo's Redis
 * survive it).
 */
@Timeout(240)
class ShellTerminalTest {
  private static final Duration WAIT = Duration.ofSeconds(90);

  private Process shell;
  private final StringBuffer screen = new StringBuffer();
  private OutputStream keys;
  private int demoPort = -1;

  @AfterEach
  void stop() throws Exception {
    if (shell == null) {
      return;
    }
    // The JVM's shutdown hook stops the demo Redis; SHUTDOWN covers a JVM that could not.
    shell.descendants().forEach(ProcessHandle::destroy);
    shell.destroy();
    shell.waitFor(20, java.util.concurrent.TimeUnit.SECONDS);
    if (demoPort > 0 && alive(demoPort)) {
      try (Jedis j = jedis(demoPort)) {
        j.shutdown();
      } catch (RuntimeException gone) {
        // stopped meanwhile
      }
    }
    shell.descendants().forEach(ProcessHandle::destroyForcibly);
    shell.destroyForcibly();
  }

  @Test
  void demoSessionInATerminal() throws Exception {
    start();
    String first = waitFor("popoto> ");
    Matcher port = Pattern.compile("Demo Redis on 127\\.0\\.0\\.1:(\\d+)").matcher(first);
    assertTrue(port.find(), first);
    demoPort = Integer.parseInt(port.group(1));
    assertTrue(first.contains("Popoto SQL " + ShellApplication.version()), first);
    for (String noise : List.of("Exception", "\tat ", "\n  at ", "isolation", "read-only",
        "readOnly", "SLF4J", "WARN", "Error")) {
      assertFalse(first.contains(noise), "first screen shows '" + noise + "':\n" + first);
    }

    // Completion: a column, then a table after FROM.
    type("select rati\t");
    waitFor("rating");
    type(" from rest\t");
    waitFor("Restaurant");
    type(";\r");
    String result = waitFor("seconds)");
    assertTrue(result.matches("(?s).*\\| rating +\\|.*"), result);
    assertTrue(result.matches("(?s).*rows? selected \\(\\d+(\\.\\d+)? seconds?\\).*"), result);

    // EXPLAIN: one plan line per line of the table.
    type("explain plan for select name from restaurant where rating > 4;\r");
    String plan = waitFor("PopotoTableScan");
    plan += waitFor("seconds)");
    assertTrue(plan.matches("(?s).*\\n\\| +PopotoToEnumerableConverter.*"), plan);
    assertTrue(plan.matches("(?s).*\\n\\| EnumerableCalc.*"), plan);

    // Did you mean, and the reserved model name.
    type("select * from restaurnt;\r");
    assertTrue(waitFor("(state=").contains("did you mean 'Restaurant'?"));
    type("select * from Order;\r");
    assertTrue(waitFor("(state=").contains("write the table name in double quotes, \"Order\""));

    // Ctrl-C on a long query: never the end of the shell or of the demo's Redis.
    type("select count(*) from MenuItem a, MenuItem b, MenuItem c, MenuItem d, MenuItem e, "
        + "MenuItem f, MenuItem g where a.name || b.name || c.name <> d.name || e.name || f.name "
        + "|| g.name;\r");
    waitFor("|| g.name;");
    Thread.sleep(1500); // let it run
    type("\u0003");
    Thread.sleep(3000);
    assertTrue(shell.isAlive(), "the shell died of Ctrl-C:\n" + screen);
    assertTrue(alive(demoPort), "the demo's Redis died of Ctrl-C");
    // How soon the statement ends is the driver's cancel (sqlline's Ctrl-C handler calls
    // Statement.cancel()); what the shell owns is checked here: it and its Redis survive.
  }

  private void start() throws IOException {
    Path script = Path.of("/usr/bin/script");
    assumeTrue(Files.isExecutable(script), "needs util-linux script for a pseudo-terminal");
    assumeTrue(PrivateRedis.findBinary() != null, "needs redis-server on the PATH");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String command = "stty cols 100 rows 50; exec " + quote(java) + " -cp "
        + quote(System.getProperty("java.class.path")) + " io.popoto.sql.shell.Main --demo";
    ProcessBuilder pb = new ProcessBuilder(script.toString(), "-q", "-e", "-c", command,
        "/dev/null").redirectErrorStream(true);
    pb.environment().put("TERM", "xterm");
    pb.environment().put("HOME", Files.createTempDirectory("popoto-shell-home").toString());
    shell = pb.start();
    keys = shell.getOutputStream();
    Thread reader = new Thread(() -> copy(shell.getInputStream()), "pty-reader");
    reader.setDaemon(true);
    reader.start();
  }

  private void copy(InputStream in) {
    byte[] buf = new byte[8192];
    try {
      for (int n; (n = in.read(buf)) > 0; ) {
        screen.append(new String(buf, 0, n, StandardCharsets.UTF_8));
      }
    } catch (IOException closed) {
      // the terminal went away
    }
  }

  private int consumed;

  /** Waits until {@code text} appears after what was consumed; returns the text up to it. */
  private String waitFor(String text) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      String s = plain(screen.toString());
      int at = s.indexOf(text, consumed);
      if (at >= 0) {
        String seen = s.substring(consumed, at + text.length());
        consumed = at + text.length();
        return seen;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no '" + text + "' on the screen within " + WAIT + ":\n"
        + plain(screen.toString()).substring(consumed));
  }

  /** The screen without ANSI escapes and carriage returns. */
  private static String plain(String s) {
    return s.replaceAll("\u001B\\[[0-9;?]*[ -/]*[@-~]", "").replaceAll("\u001B[()][A-Z0-9]", "")
        .replaceAll("\u001B[=>]", "").replace("\r", "");
  }

  private void type(String s) throws IOException, InterruptedException {
    for (char c : s.toCharArray()) {
      keys.write(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      keys.flush();
      Thread.sleep(c == '\t' ? 400 : 5);
    }
  }

  private static boolean alive(int port) {
    try (Jedis j = jedis(port)) {
      return "PONG".equals(j.ping());
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static Jedis jedis(int port) {
    return new Jedis(new HostAndPort("127.0.0.1", port), DefaultJedisClientConfig.builder()
        .serverDefaultProtocol().timeoutMillis(2000).build());
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
