package io.popoto.sql.jdbc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Reads the PEM files of the TLS properties with the JDK alone: certificates (X.509, one or
 * more per file) and a PKCS#8 private key, plain ({@code BEGIN PRIVATE KEY}), encrypted
 * ({@code BEGIN ENCRYPTED PRIVATE KEY}, with {@code sslpassword}) or DER (pgjdbc's {@code .pk8}).
 * Errors are 22023 naming the property and the file; a password is never echoed.
 */
final class PemFiles {
  private static final Pattern BLOCK = Pattern.compile(
      "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");

  private PemFiles() {}

  static List<X509Certificate> certificates(PopotoProperty property, String file)
      throws SQLException {
    byte[] bytes = read(property, file);
    try {
      List<X509Certificate> certs = new ArrayList<>();
      for (var c : CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(bytes))) {
        certs.add((X509Certificate) c);
      }
      if (certs.isEmpty()) {
        throw bad(property, file, "it holds no certificate");
      }
      return certs;
    } catch (GeneralSecurityException e) {
      throw bad(property, file, "it is not a PEM certificate file (" + e.getMessage() + ")");
    }
  }

  /** The key of {@code sslkey}, of the algorithm of the certificate it belongs to. */
  static PrivateKey privateKey(String file, String algorithm, String password)
      throws SQLException {
    PopotoProperty property = PopotoProperty.SSLKEY;
    byte[] bytes = read(property, file);
    String text = new String(bytes, StandardCharsets.US_ASCII);
    Matcher m = BLOCK.matcher(text);
    byte[] der;
    boolean encrypted = false;
    if (m.find()) {
      String type = m.group(1);
      if (type.equals("ENCRYPTED PRIVATE KEY")) {
        encrypted = true;
      } else if (!type.equals("PRIVATE KEY")) {
        throw bad(property, file, "it holds a '" + type + "' block; convert it to PKCS#8 with "
            + "'openssl pkcs8 -topk8 -nocrypt -in " + file + " -out key.pk8.pem'");
      }
      der = Base64.getMimeDecoder().decode(m.group(2));
    } else {
      der = bytes; // DER PKCS#8, as pgjdbc's .pk8 files
    }
    try {
      PKCS8EncodedKeySpec spec;
      if (!encrypted) {
        spec = new PKCS8EncodedKeySpec(der);
      } else {
        if (password == null) {
          throw bad(property, file, "the key is encrypted; give sslpassword");
        }
        spec = decrypt(der, password, file);
      }
      return KeyFactory.getInstance(algorithm).generatePrivate(spec);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw bad(property, file, "it is not a PKCS#8 " + algorithm + " private key matching "
          + "sslcert (" + e.getMessage() + ")");
    }
  }

  private static PKCS8EncodedKeySpec decrypt(byte[] der, String password, String file)
      throws SQLException {
    try {
      EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
      // For PBES2 getAlgName() says only "PBES2"; the parameters name the real cipher
      // (e.g. PBEWithHmacSHA256AndAES_256), which SecretKeyFactory and Cipher know.
      String algorithm = info.getAlgParameters() != null
          ? info.getAlgParameters().toString() : info.getAlgName();
      Cipher cipher = Cipher.getInstance(algorithm);
      cipher.init(Cipher.DECRYPT_MODE, SecretKeyFactory.getInstance(algorithm)
          .generateSecret(new PBEKeySpec(password.toCharArray())), info.getAlgParameters());
      return info.getKeySpec(cipher);
    } catch (IOException | GeneralSecurityException e) {
      throw bad(PopotoProperty.SSLKEY, file, "it cannot be decrypted with sslpassword (bad "
          + "password or unsupported cipher: " + e.getClass().getSimpleName() + ")");
    }
  }

  private static byte[] read(PopotoProperty property, String file) throws SQLException {
    try {
      return Files.readAllBytes(Path.of(file));
    } catch (IOException | RuntimeException e) {
      throw bad(property, file, "it cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static SQLException bad(PopotoProperty property, String file, String why) {
    return new SQLException("Invalid value for connection property " + property.getName()
        + ": '" + file + "': " + why, SqlStates.INVALID_PARAMETER_VALUE);
  }
}
