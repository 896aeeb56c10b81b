package io.popoto.sql.reliability;

import io.popoto.sql.redis.PrivateRedis;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;

/**
 * A redis-server of the test's own that the test can freeze (SIGSTOP), thaw (SIGCONT), kill
 * (SIGKILL) and bring back on the same port. Always the binary on the PATH, never a container:
 * the signals need the process. It never signals a process it did not start.
 */
final class ControlledRedis implements AutoCloseable {
  private final Path binary;
  private final String[] args;
  private PrivateRedis server;
  private int port;
  private boolean frozen;

  private ControlledRedis(Path binary, String[] args) {
    this.binary = binary;
    this.args = args;
  }

  static ControlledRedis start(String... args) throws IOException {
    Path binary = PrivateRedis.findBinary();
    if (binary == null) {
      throw new IllegalStateException("The reliability tests need redis-server on the PATH "
          + "(they signal the process); install it (apt-get install redis-server)");
    }
    ControlledRedis r = new ControlledRedis(binary, args);
    r.server = PrivateRedis.startBinary(binary, args);
    r.port = r.server.port();
    return r;
  }

  String host() {
    return "127.0.0.1";
  }

  int port() {
    return port;
  }

  String address() {
    return host() + ":" + port;
  }

  Jedis admin() {
    return new Jedis(host(), port);
  }

  void freeze() throws Exception {
    signal("STOP");
    frozen = true;
  }

  void thaw() throws Exception {
    signal("CONT");
    frozen = false;
  }

  /** SIGKILL: the server vanishes mid-reply, as on a crash. */
  void kill() throws Exception {
    if (frozen) {
      thaw();
    }
    signal("KILL");
    ProcessHandle.of(server.pid()).ifPresent(h -> {
      try {
        h.onExit().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException("redis-server " + server.pid() + " did not exit", e);
      }
    });
    server.close(); // removes its directory
    server = null;
  }

  /** A fresh, empty server on the same port (nothing is persisted). */
  void restart() throws IOException {
    if (server != null) {
      server.close();
    }
    IOException last = null;
    for (int attempt = 0; attempt < 50; attempt++) { // the port may linger briefly
      try {
        server = PrivateRedis.startBinaryOnPort(binary, port, args);
        return;
      } catch (IOException e) {
        last = e;
        try {
          Thread.sleep(100);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new IOException(ie);
        }
      }
    }
    throw last;
  }

  private void signal(String name) throws Exception {
    Process p = new ProcessBuilder("kill", "-" + name, Long.toString(server.pid()))
        .redirectErrorStream(true).start();
    if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("kill -" + name + " " + server.pid() + " failed");
    }
  }

  @Override
  public void close() throws Exception {
    if (server != null) {
      if (frozen) {
        thaw();
      }
      server.close();
      server = null;
    }
  }
}
