package io.integrator.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class SecretsTest {
  private static final String CONNECTION =
      "{\"type\":\"http\",\"http\":{\"mediaType\":\"json\",\"baseURI\":\"https://x\","
          + "\"bearerToken\":\"tok\",\"refreshToken\":\"\",\"basicAuth\":{\"username\":\"u\",\"password\":\"pw\"}},"
          + "\"rest\":{\"bearerToken\":\"rt\"},"
          + "\"ftp\":{\"hostURI\":\"h\",\"username\":\"u\",\"password\":\"fp\",\"authKey\":\"KEY\",\"passphrase\":\"pp\"},"
          + "\"netsuite\":{\"password\":\"np\",\"tokenId\":\"ti\",\"tokenSecret\":\"ts\",\"email\":\"e@x\"},"
          + "\"encrypted\":{\"apiKey\":\"k1\",\"nested\":{\"a\":\"k2\"}},\"unencrypted\":{\"user\":\"plain\"}}";

  private static ObjectNode doc(String json) {
    return ResourceJson.read(json, "test.json");
  }

  private static java.util.List<String> paths(ResourceKind kind, String json) {
    return Secrets.secretPaths(kind, doc(json)).stream().map(JsonPointer::toString).toList();
  }

  @Test
  void connectionSecretsAreFoundEverywhere() {
    assertThat(paths(ResourceKind.CONNECTION, CONNECTION))
        .containsExactly(
            "/http/bearerToken",
            "/http/basicAuth/password",
            "/rest/bearerToken",
            "/ftp/password",
            "/ftp/authKey",
            "/ftp/passphrase",
            "/netsuite/password",
            "/netsuite/tokenId",
            "/netsuite/tokenSecret",
            "/encrypted/apiKey",
            "/encrypted/nested/a");
  }

  @Test
  void exportAndIClientSecrets() {
    assertThat(paths(ResourceKind.EXPORT,
            "{\"type\":\"webhook\",\"webhook\":{\"verify\":\"hmac\",\"key\":\"k\",\"token\":\"t\",\"password\":\"p\",\"header\":\"X\"},\"distributed\":{\"bearerToken\":\"b\"}}"))
        .containsExactly("/webhook/key", "/webhook/token", "/webhook/password", "/distributed/bearerToken");
    assertThat(paths(ResourceKind.ICLIENT,
            "{\"oauth2\":{\"clientId\":\"i\",\"clientSecret\":\"s\"},\"netsuite\":{\"consumerKey\":\"ck\",\"consumerSecret\":\"cs\"},"
                + "\"shopify\":{\"apiKey\":\"a\",\"accessToken\":\"t\",\"shop\":\"s\",\"deep\":{\"signingSecret\":\"x\"}},\"clientSecret\":\"flat\"}"))
        .containsExactly(
            "/oauth2/clientSecret", "/netsuite/consumerKey", "/netsuite/consumerSecret",
            "/shopify/apiKey", "/shopify/accessToken", "/shopify/deep/signingSecret", "/clientSecret");
  }

  @Test
  void maskReplacesEachPresentSecretAndLeavesTheRest() {
    ObjectNode masked = Secrets.mask(ResourceKind.CONNECTION, doc(CONNECTION));
    assertThat(masked.at("/http/bearerToken").textValue()).isEqualTo("********");
    assertThat(masked.at("/http/refreshToken").textValue()).isEmpty();
    assertThat(masked.at("/http/basicAuth/username").textValue()).isEqualTo("u");
    assertThat(masked.at("/encrypted/nested/a").textValue()).isEqualTo("********");
    assertThat(masked.at("/unencrypted/user").textValue()).isEqualTo("plain");
    assertThat(masked.toString()).doesNotContain("\"tok\"", "\"pw\"", "KEY", "\"k1\"", "\"ts\"");
  }

  @Test
  void isMaskAcceptsAnyRunOfStars() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    assertThat(Secrets.isMask(f.textNode("********"))).isTrue();
    assertThat(Secrets.isMask(f.textNode("*"))).isTrue();
    assertThat(Secrets.isMask(f.textNode(""))).isFalse();
    assertThat(Secrets.isMask(f.textNode("**x*"))).isFalse();
    assertThat(Secrets.isMask(f.numberNode(8))).isFalse();
    assertThat(Secrets.isMask(null)).isFalse();
  }

  @Test
  void keepStoredSecretsTakesTheStoredValueWhereTheMaskCameBack() {
    ObjectNode stored = doc(CONNECTION);
    ObjectNode incoming = Secrets.mask(ResourceKind.CONNECTION, stored);
    incoming.with("netsuite").put("tokenSecret", "new-secret");
    incoming.with("ftp").put("password", "***");
    ObjectNode kept = Secrets.keepStoredSecrets(ResourceKind.CONNECTION, incoming, stored);
    assertThat(kept.at("/http/bearerToken").textValue()).isEqualTo("tok");
    assertThat(kept.at("/ftp/password").textValue()).isEqualTo("fp");
    assertThat(kept.at("/encrypted/nested/a").textValue()).isEqualTo("k2");
    assertThat(kept.at("/netsuite/tokenSecret").textValue()).isEqualTo("new-secret");
    assertThat(incoming.at("/http/bearerToken").textValue()).isEqualTo("********");
  }

  @Test
  void aMaskWithoutAStoredValueStays() {
    ObjectNode incoming = doc("{\"type\":\"ftp\",\"ftp\":{\"hostURI\":\"h\",\"username\":\"u\",\"password\":\"********\"}}");
    ObjectNode kept = Secrets.keepStoredSecrets(ResourceKind.CONNECTION, incoming, doc("{\"type\":\"ftp\"}"));
    assertThat(kept.at("/ftp/password").textValue()).isEqualTo("********");
  }

  @Test
  void resourceToStringMasksSecrets() {
    Resource c = Resources.parse(ResourceKind.CONNECTION, CONNECTION, "c.json");
    assertThat(c.toString())
        .startsWith("Connection {\"type\":\"http\"")
        .contains("\"bearerToken\":\"********\"", "\"user\":\"plain\"")
        .doesNotContain("tok\"", "\"pw\"", "KEY", "k1");
    assertThat(c.json().at("/http/bearerToken").textValue()).isEqualTo("tok");
  }

  @Test
  void secretPathsFitTheStoreInterfaceShape() {
    java.util.function.BiFunction<ResourceKind, com.fasterxml.jackson.databind.JsonNode, java.util.List<JsonPointer>> f =
        Secrets::secretPaths;
    assertThat(f.apply(ResourceKind.JOB, doc("{\"status\":\"running\"}"))).isEmpty();
  }

  @Test
  void readOnlyPathsAreListed() {
    assertThat(Schemas.readOnlyPaths(ResourceKind.FLOW,
            doc("{\"_id\":\"f\",\"name\":\"n\",\"pageGenerators\":[{\"_id\":\"g\",\"_exportId\":\"e\"}],\"lastModified\":\"t\"}")))
        .containsExactly("_id", "pageGenerators[0]._id", "lastModified");
  }

  @Test
  void toStringAlsoMasksMisspelledSecretFields() {
    Resource c = Resources.parse(ResourceKind.CONNECTION,
        "{\"type\":\"ftp\",\"ftp\":{\"hostURI\":\"h\",\"username\":\"u\",\"passwrd\":\"oops\"},\"apiKey\":\"k9\"}", "c");
    assertThat(c.toString())
        .isEqualTo("Connection {\"type\":\"ftp\",\"ftp\":{\"hostURI\":\"h\",\"username\":\"u\",\"passwrd\":\"********\"},\"apiKey\":\"********\"}");
    assertThat(Secrets.secretPaths(ResourceKind.CONNECTION, c.json())).isEmpty();
  }
}
