package io.integrator.ftp;

import static io.integrator.ftp.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.testkit.FtpTestServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.net.ssl.SSLSocket;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPSClient;
import org.apache.commons.net.util.TrustManagerUtils;
import org.junit.jupiter.api.Test;

/**
 * {@code ftp.requireSocketReUse}: FTPS data connections resume the control connection's TLS
 * session (the same session id), which the JDK's own TLS client does not do.
 */
class SocketReuseTest {

  private static ObjectNode ftps(FtpTestServer server, boolean implicit, boolean reuse) {
    ObjectNode c = Json.ftp(server);
    ((ObjectNode) c.get("ftp"))
        .put("type", "ftps")
        .put("useImplicitFtps", implicit)
        .put("requireSocketReUse", reuse)
        .put("hostKeyFingerprint", server.certificateFingerprint());
    return c;
  }

  private static String read(RemoteFiles files, String path) throws Exception {
    try (InputStream in = files.read(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void dataConnectionsResumeTheControlSessionExplicitAndImplicit() throws Exception {
    try (FtpTestServer explicit = FtpTestServer.startExplicitTls();
        FtpTestServer implicit = FtpTestServer.startImplicitTls()) {
      for (FtpTestServer server : new FtpTestServer[] {explicit, implicit}) {
        Path in = Files.createDirectories(server.home().resolve("in"));
        Files.writeString(in.resolve("a.csv"), "id\n1\n");
        FtpSettings settings = FtpSettings.of(ftps(server, server == implicit, true));
        try (FtpRemoteFiles files = FtpRemoteFiles.open(settings)) {
          assertThat(files.list("in")).extracting(RemoteFile::name).containsExactly("a.csv");
          assertThat(files.lastDataSessionResumed()).isTrue();
          assertThat(read(files, "in/a.csv")).isEqualTo("id\n1\n");
          assertThat(files.lastDataSessionResumed()).isTrue();
          try (var out = files.write("in/b.csv")) {
            out.write("id\n2\n".getBytes(StandardCharsets.UTF_8));
          }
          assertThat(files.lastDataSessionResumed()).isTrue();
        }
        assertThat(Files.readString(in.resolve("b.csv"))).isEqualTo("id\n2\n");
      }
    }
  }

  @Test
  void anExportReadsThroughResumedSessions() throws Exception {
    try (FtpTestServer server = FtpTestServer.startExplicitTls()) {
      Path in = Files.createDirectories(server.home().resolve("tls"));
      Files.writeString(in.resolve("a.csv"), "id,name\n1,Ann\n2,Bob\n");
      assertThat(
              Json.records(
                  Json.pages(
                      Json.export(
                          ftps(server, false, true), "{\"ftp\": {\"directoryPath\": \"tls\"}}"))))
          .containsExactly(obj("{\"id\":\"1\",\"name\":\"Ann\"}"), obj("{\"id\":\"2\",\"name\":\"Bob\"}"));
    }
  }

  /** The control: commons-net on the JDK's TLS gets a fresh session on every data connection. */
  @Test
  void withoutItTheJdkClientStartsANewSessionPerDataConnection() throws Exception {
    try (FtpTestServer server = FtpTestServer.startExplicitTls()) {
      Files.writeString(server.home().resolve("a.txt"), "x");
      boolean[] same = new boolean[1];
      FTPSClient client =
          new FTPSClient(false) {
            @Override
            protected Socket _openDataConnection_(String command, String arg) throws IOException {
              Socket s = super._openDataConnection_(command, arg);
              same[0] =
                  Arrays.equals(
                      ((SSLSocket) s).getSession().getId(),
                      ((SSLSocket) _socket_).getSession().getId());
              return s;
            }
          };
      client.setTrustManager(TrustManagerUtils.getAcceptAllTrustManager());
      client.connect(server.host(), server.port());
      try {
        assertThat(client.login(server.username(), server.password())).isTrue();
        client.execPBSZ(0);
        client.execPROT("P");
        client.enterLocalPassiveMode();
        client.setFileType(FTP.BINARY_FILE_TYPE);
        assertThat(client.listFiles()).isNotEmpty();
        assertThat(same[0]).isFalse();
      } finally {
        client.disconnect();
      }
    }
  }

  @Test
  void itIsForFtpsOnlyAndIgnoredElsewhere() throws Exception {
    ObjectNode plain = obj("{\"type\":\"ftp\",\"ftp\":{\"hostURI\":\"h\",\"username\":\"u\",\"password\":\"p\",\"requireSocketReUse\":true}}");
    assertThat(FtpSettings.of(plain).requireSocketReUse()).isFalse();
    ObjectNode tls = plain.deepCopy();
    ((ObjectNode) tls.get("ftp")).put("type", "ftps");
    assertThat(FtpSettings.of(tls).requireSocketReUse()).isTrue();
  }
}
