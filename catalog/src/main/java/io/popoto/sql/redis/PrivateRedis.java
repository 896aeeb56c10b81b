package io.popoto.sql.redis;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code redis-server} process of our own, on a free loopback port, persisting nothing. Used
 * by the test harness and the demo; it never touches a server it did not start.
 */
public final class PrivateRedis implements AutoCloseable {
  private final Process process;
  private final String host;
  private final int port;
  private final Path dir;
  private final Runnable onClose;

  private PrivateRedis(Process process, String host, int port, Path dir, Runnable onClose) {
    this.process = process;
    this.host = host;
    this.port = port;
    this.dir = dir;
    this.onClose = onClose;
  }

  /** Wraps a server started by something else (a container, an embedded binary). */
  public static PrivateRedis external(String host, int port, Runnable onClose) {
    return new PrivateRedis(null, host, port, null, onClose);
  }

  /** The {@code redis-server} binary on the PATH, or null when there is none. */
  public static Path findBinary() {
    return onPath("redis-server");
  }

  private static Path onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /** Starts the {@code redis-server} on the PATH on a free loopback port. */
  public static PrivateRedis startBinary() throws IOException {
    Path binary = findBinary();
    if (binary == null) {
      throw new IOException("No redis-server binary on the PATH");
    }
    return startBinary(binary);
  }

  /** Starts the given {@code redis-server} binary on a free loopback port. */
  public static PrivateRedis startBinary(Path binary) throws IOException {
    return startBinary(binary, new String[0]);
  }

  /**
   * Starts the given binary with extra server arguments, e.g. {@code "--requirepass", "s3cret"}
   * for authentication tests.
   */
  public static PrivateRedis startBinary(Path binary, String... extraArgs) throws IOException {
    return start(List.of(), binary, extraArgs);
  }

  /**
   * As {@link #startBinary(Path, String...)}, in a session of its own ({@code setsid}, where
   * there is one): the terminal's Ctrl-C, sent to the whole foreground process group, then
   * reaches only the JVM (which cancels the running query), never the server. For the demo.
   */
  public static PrivateRedis startDetached(Path binary) throws IOException {
    Path setsid = onPath("setsid");
    return start(setsid == null ? List.of() : List.of(setsid.toString()), binary);
  }

  private static PrivateRedis start(List<String> launcher, Path binary, String... extraArgs)
      throws IOException {
    IOException last = null;
    // A free port can be taken between probing and binding; try a few.
    for (int attempt = 0; attempt < 5; attempt++) {
      int port = freePort();
      Path dir = Files.createTempDirectory("popoto-redis-");
      List<String> cmd = new ArrayList<>(launcher);
      cmd.addAll(List.of(binary.toString(),
          "--port", Integer.toString(port),
          "--bind", "127.0.0.1",
          "--save", "",
          "--appendonly", "no",
          "--dir", dir.toString(),
          "--daemonize", "no",
          "--protected-mode", "yes",
          "--loglevel", "warning"));
      cmd.addAll(List.of(extraArgs));
      ProcessBuilder pb = new ProcessBuilder(cmd)
          .redirectErrorStream(true)
          .redirectOutput(dir.resolve("redis.log").toFile());
      Process p = pb.start();
      if (awaitListening(p, port, Duration.ofSeconds(10))) {
        return new PrivateRedis(p, "127.0.0.1", port, dir, null);
      }
      p.destroyForcibly();
      String log = Files.exists(dir.resolve("redis.log"))
          ? Files.readString(dir.resolve("redis.log")) : "";
      last = new IOException("redis-server did not start on port " + port + ": " + log.strip());
    }
    throw last;
  }

  private static boolean awaitListening(Process p, int port, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        return false;
      }
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
        return true;
      } catch (IOException notYet) {
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return false;
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    }
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  /** {@code redis://host:port} of this server. */
  public String uri() {
    return "redis://" + host + ":" + port;
  }

  @Override
  public void close() {
    if (process != null) {
      process.destroy();
      try {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    if (onClose != null) {
      onClose.run();
    }
    if (dir != null) {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      } catch (IOException ignored) {
        // a temp dir left behind is harmless
      }
    }
  }
}
