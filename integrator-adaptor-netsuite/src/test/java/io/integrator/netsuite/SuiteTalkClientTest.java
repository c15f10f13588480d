package io.integrator.netsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrator.spi.Classification;
import io.integrator.testkit.SuiteTalkServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class SuiteTalkClientTest {
  static SuiteTalkServer ns;

  @BeforeAll
  static void start() {
    ns = SuiteTalkServer.start();
  }

  @AfterAll
  static void stop() {
    ns.close();
  }

  private static Element serverTime(SuiteTalkClient client) throws Exception {
    return client.call("getServerTime", null, (op, n) -> { });
  }

  @Test
  void tokenPassportIsSignedAndAccepted() throws Exception {
    SuiteTalkClient client = new SuiteTalkClient(NetSuiteConnection.of(Fixtures.tokenConnection(ns)));
    Element r = serverTime(client);
    assertThat(SoapXml.local(r)).isEqualTo("getServerTimeResponse");
    assertThat(SoapXml.find(r, "serverTime").getTextContent()).isNotBlank();
  }

  @Test
  void aWrongTokenSecretIsARefusedConnectionThatNamesTheAccountButNoSecret() {
    SuiteTalkClient client = new SuiteTalkClient(
        NetSuiteConnection.of(Fixtures.tokenConnection(ns, "wrong-secret", 1)));
    assertThatThrownBy(() -> serverTime(client))
        .isInstanceOfSatisfying(SuiteTalkFault.class, f -> {
          assertThat(f.code()).isEqualTo("INVALID_LOGIN_ATTEMPT");
          assertThat(f.classification()).isEqualTo(Classification.CONNECTION);
          assertThat(f.getMessage()).contains("TSTDRV1234").doesNotContain("wrong-secret")
              .doesNotContain(SuiteTalkServer.CONSUMER_SECRET);
        });
  }

  @Test
  void legacyPassportWorksAndAWrongPasswordIsRefused() throws Exception {
    assertThat(SoapXml.local(serverTime(new SuiteTalkClient(
        NetSuiteConnection.of(Fixtures.basicConnection(ns, SuiteTalkServer.PASSWORD))))))
        .isEqualTo("getServerTimeResponse");
    SuiteTalkClient bad = new SuiteTalkClient(
        NetSuiteConnection.of(Fixtures.basicConnection(ns, "nope")));
    assertThatThrownBy(() -> serverTime(bad)).isInstanceOfSatisfying(SuiteTalkFault.class,
        f -> assertThat(f.classification()).isEqualTo(Classification.CONNECTION));
  }

  @Test
  void signatureIsBase64HmacSha256OfTheDocumentedBaseString() {
    // known answer computed independently: HMAC-SHA256("cs&ts", "A&ck&t&n&1") in base64
    String sig = SuiteTalkClient.sign("A", "ck", "t", "n", "1", "cs", "ts");
    assertThat(sig).isEqualTo(java.util.Base64.getEncoder().encodeToString(hmac("cs&ts", "A&ck&t&n&1")));
  }

  private static byte[] hmac(String key, String data) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(), "HmacSHA256"));
      return mac.doFinal(data.getBytes());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
