package io.popoto.sql.jdbc;

import io.popoto.sql.calcite.RedisSource;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Builds the TLS socket factory and parameters Jedis connects with, from {@code sslmode},
 * {@code sslrootcert}, {@code sslcert}, {@code sslkey} and {@code sslpassword}, as pgjdbc's
 * LibPQFactory does for PostgreSQL: the JDK's PKIX trust manager over the given CA file, its
 * HTTPS endpoint identification for {@code verify-full}, its key manager for a client
 * certificate.
 */
final class TlsSetup {
  private TlsSetup() {}

  /** @return null for {@code sslmode=disable} */
  static RedisSource.Tls of(ConnectionUrl url) throws SQLException {
    SslMode mode = SslMode.of(url);
    if (!mode.tls()) {
      return null;
    }
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers(url), trustManagers(mode, url.get(PopotoProperty.SSLROOTCERT)),
          null);
      SSLParameters parameters = new SSLParameters();
      if (mode == SslMode.VERIFY_FULL) {
        // The JDK checks the certificate's subjectAltName (DNS or IP) against the URL's host.
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
      }
      return new RedisSource.Tls(context.getSocketFactory(), parameters);
    } catch (GeneralSecurityException e) {
      throw new SQLException("Cannot set up TLS (sslmode=" + mode.value() + "): " + e.getMessage(),
          SqlStates.INVALID_PARAMETER_VALUE, e);
    }
  }

  private static TrustManager[] trustManagers(SslMode mode, String rootCert)
      throws GeneralSecurityException, SQLException {
    if (!mode.verifiesChain()) {
      return new TrustManager[] {new AcceptAny()};
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(
        TrustManagerFactory.getDefaultAlgorithm());
    if (rootCert == null) {
      tmf.init((KeyStore) null); // the JVM's truststore, as rediss:// always used
    } else {
      KeyStore roots = emptyKeyStore();
      int i = 0;
      for (X509Certificate ca : PemFiles.certificates(PopotoProperty.SSLROOTCERT, rootCert)) {
        roots.setCertificateEntry("ca" + i++, ca);
      }
      tmf.init(roots);
    }
    return tmf.getTrustManagers();
  }

  private static KeyManager[] keyManagers(ConnectionUrl url)
      throws GeneralSecurityException, SQLException {
    String certFile = url.get(PopotoProperty.SSLCERT);
    String keyFile = url.get(PopotoProperty.SSLKEY);
    if (certFile == null && keyFile == null) {
      return null;
    }
    if (certFile == null || keyFile == null) {
      throw new SQLException("Invalid connection properties: a client certificate needs both "
          + "sslcert and sslkey; only " + (certFile == null ? "sslkey" : "sslcert") + " is given",
          SqlStates.INVALID_PARAMETER_VALUE);
    }
    List<X509Certificate> chain = PemFiles.certificates(PopotoProperty.SSLCERT, certFile);
    PrivateKey key = PemFiles.privateKey(keyFile, chain.get(0).getPublicKey().getAlgorithm(),
        url.get(PopotoProperty.SSLPASSWORD));
    char[] none = "in-memory".toCharArray(); // guards nothing: the store never leaves memory
    KeyStore store = emptyKeyStore();
    store.setKeyEntry("client", key, none, chain.toArray(new X509Certificate[0]));
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(store, none);
    return kmf.getKeyManagers();
  }

  private static KeyStore emptyKeyStore() throws GeneralSecurityException {
    KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
    try {
      ks.load(null, null);
    } catch (java.io.IOException cannotHappen) {
      throw new GeneralSecurityException(cannotHappen);
    }
    return ks;
  }

  /** sslmode=require: encrypt, but take any certificate (pgjdbc's NonValidatingFactory). */
  private static final class AcceptAny extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket s) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket s) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine e) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine e) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
