package io.popoto.sql.catalog;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A catalog path may point at any file a user can name (a token file, /etc/passwd,
 * /proc/self/environ): the error says where and what was expected, never what the file holds.
 */
class CatalogContentNotEchoedTest {
  static final String SECRET = "sk_live_9fQ2xSECRETzz";

  /** Files that are not catalogs, each holding the secret; some hold it as their first token. */
  static List<byte[]> secretBearingFiles() {
    return List.of(
        bytes(SECRET + "\n"),
        bytes("root:x:0:0:root:/root:/bin/bash\napi:" + SECRET + ":1000:1000::/home/api:/bin/sh\n"),
        bytes("PATH=/usr/bin\0API_TOKEN=" + SECRET + "\0HOME=/root\0"),
        bytes("export API_KEY=" + SECRET + "\n"),
        bytes("{\"api_key\": \"" + SECRET + "\"}"),
        bytes("{\"api_key\": " + SECRET + "}"),
        bytes("{" + SECRET + ": 1}"),
        bytes("[\"" + SECRET + "\""),
        bytes("\"" + SECRET + "\""),
        bytes("12345" + SECRET),
        bytes("it's'" + SECRET + "' \"" + SECRET + "\""),
        bytes("x".repeat(5000) + SECRET),
        bytes("{\"models\": {}, \"popoto\": \"0.8\"} " + SECRET),
        concat(new byte[] {(byte) 0xff, (byte) 0xfe, 0}, bytes(SECRET)),
        bytes("-----BEGIN PRIVATE KEY-----\n" + SECRET + "\n-----END PRIVATE KEY-----\n"));
  }

  @Test
  void noMessageQuotesTheFile(@TempDir Path dir) throws IOException {
    int i = 0;
    for (byte[] content : secretBearingFiles()) {
      Path file = dir.resolve("token-" + i++);
      Files.write(file, content);
      CatalogException e = assertThrows(CatalogException.class,
          () -> CatalogReader.load(file.toString()), file.toString());
      assertFalse(e.getMessage().contains(SECRET), e.getMessage());
      assertFalse(e.getMessage().contains("sk_live"), e.getMessage());
      assertFalse(e.getMessage().contains("root:x"), e.getMessage());
      assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
      for (CatalogException.Problem p : e.problems()) {
        assertTrue(p.position().line() >= 0 && p.position().column() >= 0, p.toString());
      }
      assertTrue(e.getCause() == null, "no cause that could quote the file");
    }
  }

  @Test
  void jacksonQuotesAreDroppedButItsExpectationStays() {
    String m = LocatedJson.withoutContent("Unrecognized token 'root': was expecting (JSON String,"
        + " Number, Array, Object or token 'null', 'true' or 'false')");
    assertTrue(m.equals("Unrecognized token: expected (JSON String, Number, Array, Object or"
        + " token null, true or false)"), m);
    m = LocatedJson.withoutContent("Unexpected character ('s' (code 115)): was expecting comma"
        + " to separate Object entries");
    assertTrue(m.equals("Unexpected character: expected comma to separate Object entries"), m);
    m = LocatedJson.withoutContent("Numeric value (" + "9".repeat(30) + ") out of range of long");
    assertTrue(m.equals("Numeric value out of range"), m);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] r = new byte[a.length + b.length];
    System.arraycopy(a, 0, r, 0, a.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }
}
