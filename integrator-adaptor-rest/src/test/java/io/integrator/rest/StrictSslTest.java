package io.integrator.rest;

import static io.integrator.rest.ExportFixture.ids;
import static io.integrator.rest.ExportFixture.records;
import static org.assertj.core.api.Assertions.assertThat;

import io.integrator.spi.AdaptorException;
import io.integrator.spi.Classification;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** disableStrictSSL: a self-signed server is refused unless the connection sets it. */
class StrictSslTest {
  @TempDir static Path dir;
  static SSLContext tls;
  MockWebServer server;
  ExportFixture f;

  @BeforeAll
  static void certificate() throws Exception {
    Path store = dir.resolve("server.p12");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC",
        "-groupname", "secp256r1", "-dname", "CN=self-signed.test", "-validity", "2",
        "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit",
        "-keypass", "changeit").redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor()).as("keytool").isZero();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      ks.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, "changeit".toCharArray());
    tls = SSLContext.getInstance("TLS");
    tls.init(kmf.getKeyManagers(), null, null);
  }

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.useHttps(tls.getSocketFactory());
    server.start(InetAddress.getLoopbackAddress(), 0);
    f = new ExportFixture(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aSelfSignedCertificateIsRefusedByDefault() {
    server.enqueue(Json.ok(records("a", 0, 1)));
    try {
      f.pages("{\"_id\": \"e1\", \"rest\": {\"relativeURI\": \"/x\"}}");
      throw new AssertionError("the self-signed certificate was accepted");
    } catch (AdaptorException e) {
      assertThat(e.classification()).isEqualTo(Classification.CONNECTION);
      assertThat(e.code()).isEqualTo("tls");
      assertThat(e.getMessage()).contains("export 'e1' page 1: GET https://");
    }
  }

  @Test
  void disableStrictSslAcceptsItForThatConnection() throws Exception {
    f.connectionExtra = "\"disableStrictSSL\": true";
    server.enqueue(Json.ok(records("a", 0, 2)));
    assertThat(ids(f.pages("{\"rest\": {\"relativeURI\": \"/x\"}}"))).containsExactly("a0", "a1");
    // another connection over the same root client still checks certificates
    f.connectionExtra = "";
    server.enqueue(Json.ok(records("b", 0, 1)));
    try {
      f.pages("{\"rest\": {\"relativeURI\": \"/x\"}}");
      throw new AssertionError("the self-signed certificate was accepted");
    } catch (AdaptorException e) {
      assertThat(e.code()).isEqualTo("tls");
    }
  }
}
