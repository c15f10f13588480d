package io.integrator.ftp;

import static io.integrator.ftp.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.AdaptorException;
import io.integrator.spi.Classification;
import io.integrator.spi.PingResult;
import io.integrator.testkit.FtpTestServer;
import io.integrator.testkit.SftpTestServer;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** Connection parsing and ping against real servers. */
class ConnectionTest {
  private final FtpAdaptor adaptor = new FtpAdaptor();

  @Test
  void defaultsAndHostUriStripping() throws Exception {
    FtpSettings s =
        FtpSettings.of(obj("{\"type\":\"ftp\",\"ftp\":{\"hostURI\":\"ftp://files.example.com/in/\",\"username\":\"u\",\"password\":\"p\"}}"));
    assertThat(s.host()).isEqualTo("files.example.com");
    assertThat(s.port()).isEqualTo(21);
    assertThat(s.passive()).isTrue();
    assertThat(s.protocol()).isEqualTo(Protocol.FTP);
    assertThat(s.toString()).doesNotContain("p@").isEqualTo("ftp://u@files.example.com:21");

    assertThat(FtpSettings.of(obj("{\"type\":\"sftp\",\"ftp\":{\"hostURI\":\"sftp://h:2222\",\"username\":\"u\",\"authKey\":\"k\"}}")).port())
        .isEqualTo(22);
    FtpSettings implicit =
        FtpSettings.of(obj("{\"type\":\"ftp\",\"ftp\":{\"type\":\"ftps\",\"useImplicitFtps\":true,\"hostURI\":\"h\",\"username\":\"u\",\"password\":\"p\"}}"));
    assertThat(implicit.port()).isEqualTo(990);
    assertThat(FtpSettings.of(obj("{\"type\":\"ftp\",\"ftp\":{\"type\":\"ftps\",\"hostURI\":\"h\",\"username\":\"u\",\"password\":\"p\"}}")).port())
        .isEqualTo(21);
  }

  @Test
  void userDirectoryIsRootDropsTheLeadingSlash() throws Exception {
    FtpSettings s =
        FtpSettings.of(obj("{\"type\":\"ftp\",\"ftp\":{\"hostURI\":\"h\",\"username\":\"u\",\"password\":\"p\",\"userDirectoryIsRoot\":true}}"));
    assertThat(s.resolve("/in/orders")).isEqualTo("in/orders");
    FtpSettings t =
        FtpSettings.of(obj("{\"type\":\"ftp\",\"ftp\":{\"hostURI\":\"h\",\"username\":\"u\",\"password\":\"p\"}}"));
    assertThat(t.resolve("/in/orders")).isEqualTo("/in/orders");
  }

  @Test
  void badConnectionsNameTheField() {
    assertThatThrownBy(() -> FtpSettings.of(obj("{\"type\":\"ftp\",\"ftp\":{\"hostURI\":\"h\",\"username\":\"u\"}}")))
        .hasMessageContaining("ftp.password is required");
    assertThatThrownBy(() -> FtpSettings.of(obj("{\"type\":\"sftp\",\"ftp\":{\"hostURI\":\"h\",\"username\":\"u\"}}")))
        .hasMessageContaining("ftp.password, ftp.authKey");
    assertThatThrownBy(() -> FtpSettings.of(obj("{\"type\":\"ftp\",\"ftp\":{\"username\":\"u\",\"password\":\"p\"}}")))
        .hasMessageContaining("ftp.hostURI is required");
    assertThatThrownBy(() -> FtpSettings.of(obj("{\"type\":\"ftp\",\"ftp\":{\"hostURI\":\"h\",\"username\":\"u\",\"password\":\"p\",\"authKey\":\"k\"}}")))
        .hasMessageContaining("ftp.authKey is for sftp only");
    assertThatThrownBy(() -> FtpSettings.of(obj("{\"type\":\"ftp\",\"ftp\":{\"hostURI\":\"h\",\"username\":\"u\",\"password\":\"p\",\"entryParserFtpClientConfig\":\"SYST_X\"}}")))
        .hasMessageContaining("ftp.entryParserFtpClientConfig must be one of");
  }

  @Test
  void ftpPingSucceedsAndFailuresAreClassified() throws Exception {
    try (FtpTestServer ftp = FtpTestServer.start()) {
      assertThat(adaptor.ping(Json.ftp(ftp))).isEqualTo(PingResult.success());
      ObjectNode forcedParser = Json.ftp(ftp);
      ((ObjectNode) forcedParser.get("ftp")).put("entryParserFtpClientConfig", "SYST_UNIX").put("usePassiveMode", true);
      assertThat(adaptor.ping(forcedParser).ok()).isTrue();

      ObjectNode wrong = Json.ftp(ftp);
      ((ObjectNode) wrong.get("ftp")).put("password", "wrong-pw");
      PingResult refused = adaptor.ping(wrong);
      assertThat(refused.ok()).isFalse();
      assertThat(refused.code()).isEqualTo("unauthorized");
      assertThat(refused.message()).doesNotContain("wrong-pw").contains("login refused");
      AdaptorException e = catchAdaptor(() -> Sessions.open(FtpSettings.of(wrong)));
      assertThat(e.classification()).isEqualTo(Classification.CONNECTION);
    }
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    ObjectNode nobody = obj("{\"type\":\"ftp\",\"ftp\":{\"hostURI\":\"127.0.0.1\",\"username\":\"u\",\"password\":\"p\"}}");
    ((ObjectNode) nobody.get("ftp")).put("port", closed);
    PingResult unreachable = adaptor.ping(nobody);
    assertThat(unreachable.code()).isEqualTo("unreachable");
    assertThat(unreachable.message()).contains("connection refused");
    assertThat(catchAdaptor(() -> Sessions.open(FtpSettings.of(nobody))).classification())
        .isEqualTo(Classification.CONNECTION);
  }

  @Test
  void ftpsExplicitAndImplicitWithAPinnedCertificate() throws Exception {
    try (FtpTestServer explicit = FtpTestServer.startExplicitTls();
        FtpTestServer implicit = FtpTestServer.startImplicitTls()) {
      ObjectNode c = Json.ftp(explicit);
      ((ObjectNode) c.get("ftp")).put("type", "ftps").put("hostKeyFingerprint", explicit.certificateFingerprint());
      assertThat(adaptor.ping(c)).isEqualTo(PingResult.success());

      ObjectNode i = Json.ftp(implicit);
      ((ObjectNode) i.get("ftp")).put("type", "ftps").put("useImplicitFtps", true)
          .put("hostKeyFingerprint", implicit.certificateFingerprint());
      assertThat(adaptor.ping(i)).isEqualTo(PingResult.success());

      // the self-signed certificate is not trusted by the JVM, and another pin does not match
      ObjectNode unpinned = Json.ftp(explicit);
      ((ObjectNode) unpinned.get("ftp")).put("type", "ftps");
      assertThat(adaptor.ping(unpinned).ok()).isFalse();
      ObjectNode other = Json.ftp(explicit);
      ((ObjectNode) other.get("ftp")).put("type", "ftps").put("hostKeyFingerprint", "00".repeat(32));
      assertThat(adaptor.ping(other).ok()).isFalse();

      // verification off accepts it
      ObjectNode trusting = Json.ftp(explicit);
      ((ObjectNode) trusting.get("ftp")).put("type", "ftps").put("enableHostVerification", false);
      assertThat(adaptor.ping(trusting).ok()).isTrue();
    }
  }

  @Test
  void sftpWithAPinnedHostKeyPasswordOrEncryptedKey() throws Exception {
    try (SftpTestServer sftp = SftpTestServer.start()) {
      assertThat(adaptor.ping(Json.sftp(sftp))).isEqualTo(PingResult.success());

      String pem = sftp.addKeyUser("robot", "key-pass");
      ObjectNode key = obj("{\"type\":\"sftp\",\"ftp\":{}}");
      ((ObjectNode) key.get("ftp")).put("hostURI", "sftp://" + sftp.host()).put("port", sftp.port())
          .put("username", "robot").put("authKey", pem).put("passphrase", "key-pass")
          .put("hostKeyFingerprint", sftp.hostKeyFingerprint());
      assertThat(adaptor.ping(key)).isEqualTo(PingResult.success());

      ObjectNode badPassphrase = key.deepCopy();
      ((ObjectNode) badPassphrase.get("ftp")).put("passphrase", "nope");
      PingResult p = adaptor.ping(badPassphrase);
      assertThat(p.code()).isEqualTo("invalid_key");
      assertThat(p.message()).contains("ftp.authKey").doesNotContain("nope").doesNotContain("PRIVATE KEY");

      ObjectNode unknownHost = Json.sftp(sftp);
      ((ObjectNode) unknownHost.get("ftp")).remove("hostKeyFingerprint");
      PingResult refused = adaptor.ping(unknownHost);
      assertThat(refused.code()).isEqualTo("host_not_verified");
      assertThat(refused.message()).contains("unknown host key " + sftp.hostKeyFingerprint());

      ObjectNode wrongPin = Json.sftp(sftp);
      ((ObjectNode) wrongPin.get("ftp")).put("hostKeyFingerprint", "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
      assertThat(adaptor.ping(wrongPin).message()).contains("does not match ftp.hostKeyFingerprint");

      ObjectNode trusting = Json.sftp(sftp);
      ((ObjectNode) trusting.get("ftp")).remove("hostKeyFingerprint");
      ((ObjectNode) trusting.get("ftp")).put("enableHostVerification", false);
      assertThat(adaptor.ping(trusting).ok()).isTrue();

      ObjectNode wrongPassword = Json.sftp(sftp);
      ((ObjectNode) wrongPassword.get("ftp")).put("password", "nope");
      PingResult denied = adaptor.ping(wrongPassword);
      assertThat(denied.code()).isEqualTo("unauthorized");
    }
  }

  interface Open {
    RemoteFiles open() throws AdaptorException;
  }

  private static AdaptorException catchAdaptor(Open open) {
    try (RemoteFiles ignored = open.open()) {
      throw new AssertionError("expected a failure");
    } catch (AdaptorException e) {
      return e;
    }
  }
}
