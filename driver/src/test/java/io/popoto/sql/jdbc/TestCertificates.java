package io.popoto.sql.jdbc;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates made on the fly for the TLS tests (EC P-256, valid for a day), written as the
 * PEM files redis-server and the sslrootcert/sslcert/sslkey properties read. No key material
 * is ever checked in.
 */
final class TestCertificates {
  private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

  /** A certificate with its key, and the PEM files holding them. */
  record Issued(X509Certificate certificate, KeyPair keys, Path certFile, Path keyFile) {
    /** The key as an encrypted PKCS#8 PEM file (BEGIN ENCRYPTED PRIVATE KEY). */
    Path encryptedKeyFile(Path dir, String password) {
      try {
        var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
            .setProvider(new BouncyCastleProvider()).setPassword(password.toCharArray()).build();
        return write(dir.resolve(certFile.getFileName() + ".enc.key"),
            new JcaPKCS8Generator(keys.getPrivate(), encryptor));
      } catch (OperatorCreationException | IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private final Path dir;

  TestCertificates(Path dir) {
    this.dir = dir;
  }

  /** A self-signed CA. */
  Issued authority(String name) {
    KeyPair keys = keyPair();
    return issue(name, keys, null, true, null);
  }

  /** A leaf certificate signed by {@code ca}; {@code hosts} become DNS or IP subjectAltNames. */
  Issued leaf(String name, Issued ca, String... hosts) {
    GeneralName[] names = new GeneralName[hosts.length];
    for (int i = 0; i < hosts.length; i++) {
      names[i] = new GeneralName(Character.isDigit(hosts[i].charAt(0))
          ? GeneralName.iPAddress : GeneralName.dNSName, hosts[i]);
    }
    return issue(name, keyPair(), ca, false, names.length == 0 ? null : new GeneralNames(names));
  }

  private Issued issue(String name, KeyPair keys, Issued ca, boolean isCa, GeneralNames sans) {
    try {
      X500Name subject = new X500Name("CN=" + name);
      Instant now = Instant.now();
      var builder = new JcaX509v3CertificateBuilder(
          ca == null ? subject : new X500Name(ca.certificate().getSubjectX500Principal().getName()),
          BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(now.minus(Duration.ofHours(1))),
          Date.from(now.plus(Duration.ofDays(1))), subject, keys.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
      if (isCa) {
        builder.addExtension(Extension.keyUsage, true,
            new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      }
      if (sans != null) {
        builder.addExtension(Extension.subjectAlternativeName, false, sans);
      }
      var signer = new JcaContentSignerBuilder("SHA256withECDSA")
          .build(ca == null ? keys.getPrivate() : ca.keys().getPrivate());
      X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
          builder.build(signer));
      Path certFile = write(dir.resolve(name + ".pem"), cert);
      Path keyFile = write(dir.resolve(name + ".key"),
          new JcaPKCS8Generator(keys.getPrivate(), null));
      return new Issued(cert, keys, certFile, keyFile);
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException("cannot make certificate " + name, e);
    }
  }

  private static KeyPair keyPair() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path write(Path file, Object pemObject) {
    try {
      StringWriter text = new StringWriter();
      try (JcaPEMWriter w = new JcaPEMWriter(text)) {
        w.writeObject(pemObject);
      }
      return Files.writeString(file, text.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
