package io.integrator.rest;

import static io.integrator.rest.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrator.spi.AdaptorException;
import io.integrator.spi.Classification;
import org.junit.jupiter.api.Test;

class RestConnectionTest {

  @Test
  void resolveJoinsWithExactlyOneSlash() throws Exception {
    for (String base : new String[] {"https://api.test/v1", "https://api.test/v1/"}) {
      RestConnection c = RestConnection.of(Json.connection("c1", base, ""));
      assertThat(c.resolve("/items").toString()).isEqualTo("https://api.test/v1/items");
      assertThat(c.resolve("items?a=1").toString()).isEqualTo("https://api.test/v1/items?a=1");
      assertThat(c.resolve("//items").toString()).isEqualTo("https://api.test/v1/items");
      assertThat(c.resolve("").toString()).isEqualTo("https://api.test/v1");
      assertThat(c.resolve("https://other.test/x?p=2").toString())
          .isEqualTo("https://other.test/x?p=2");
    }
  }

  @Test
  void httpConnectionsReadTheHttpSection() throws Exception {
    RestConnection c = RestConnection.of(obj("""
        {"_id": "h1", "type": "http",
         "http": {"baseURI": "https://api.test", "mediaType": "urlencoded", "concurrencyLevel": "3",
                  "headers": [{"name": "X-A", "value": "1"}], "retryHeader": "X-Wait",
                  "ping": {"relativeURI": "/me", "successPath": "ok"}}}"""));
    assertThat(c.section()).isEqualTo("http");
    assertThat(c.bodyType()).isEqualTo(BodyType.URLENCODED);
    assertThat(c.concurrencyLevel()).isEqualTo(3);
    assertThat(c.headers()).containsEntry("X-A", "1");
    assertThat(c.retryHeader()).isEqualTo("X-Wait");
    assertThat(c.ping().relativeUri()).isEqualTo("/me");
    assertThat(c.ping().successPath()).isEqualTo("ok");
  }

  @Test
  void legacyPingFieldsMapOntoThePingSettings() throws Exception {
    RestConnection c = RestConnection.of(Json.connection("c1", "https://api.test",
        "\"pingRelativeURI\": \"/status\", \"pingSuccessPath\": \"up\","
            + " \"pingSuccessValues\": [\"yes\"]"));
    assertThat(c.ping().relativeUri()).isEqualTo("/status");
    assertThat(c.ping().method()).isEqualTo("GET");
    assertThat(c.ping().successValues()).containsExactly("yes");
    assertThat(c.retryHeader()).isEqualTo("Retry-After");
    assertThat(c.headers()).isEmpty();
  }

  @Test
  void authIsInferredWhenAuthTypeIsAbsent() throws Exception {
    assertThat(RestConnection.of(Json.connection("c", "https://a.test",
        "\"basicAuth\": {\"username\": \"u\", \"password\": \"p\"}")).auth().type())
        .isEqualTo(AuthSettings.Type.BASIC);
    assertThat(RestConnection.of(Json.connection("c", "https://a.test",
        "\"bearerToken\": \"t\"")).auth().type()).isEqualTo(AuthSettings.Type.TOKEN);
    assertThat(RestConnection.of(Json.connection("c", "https://a.test",
        "\"bearerToken\": \"t\", \"refreshToken\": \"r\", \"authURI\": \"https://a.test/token\""))
        .auth().type()).isEqualTo(AuthSettings.Type.OAUTH);
    assertThat(RestConnection.of(Json.connection("c", "https://a.test", "")).auth().type())
        .isEqualTo(AuthSettings.Type.NONE);
    AuthSettings explicit = RestConnection.of(Json.connection("c", "https://a.test",
        "\"authType\": \"token\", \"bearerToken\": \"t\", \"authScheme\": \"\","
            + " \"tokenLocation\": \"url\"")).auth();
    assertThat(explicit.authScheme()).isEmpty();
    assertThat(explicit.inUrl()).isTrue();
    assertThat(explicit.tokenParam()).isEqualTo("access_token");
    assertThat(explicit.toString()).doesNotContain("\"t\"").contains("********");
  }

  @Test
  void badInputNamesTheConnectionAndTheField() {
    assertThatThrownBy(() -> RestConnection.of(Json.connection("c9", "", "")))
        .isInstanceOf(AdaptorException.class)
        .hasMessageContaining("connection 'c9'").hasMessageContaining("rest.baseURI")
        .satisfies(e -> assertThat(((AdaptorException) e).classification())
            .isEqualTo(Classification.VALUE));
    assertThatThrownBy(() -> RestConnection.of(Json.connection("c9", "not a url", "")))
        .hasMessageContaining("rest.baseURI 'not a url' is not an absolute");
    assertThatThrownBy(() -> RestConnection.of(obj("""
        {"_id": "c9", "type": "rest", "rest": {"baseURI": "https://a.test", "mediaType": "xml"}}""")))
        .hasMessageContaining("rest.mediaType 'xml' is not supported");
    assertThatThrownBy(() -> RestConnection.of(Json.connection("c9", "https://a.test",
        "\"authType\": \"oauth\", \"authURI\": \"https://a.test/t\"")))
        .hasMessageContaining("rest._iClientId must name an IClient");
    assertThatThrownBy(() -> RestConnection.of(Json.connection("c9", "https://a.test",
        "\"authType\": \"token\"")))
        .hasMessageContaining("rest.bearerToken is required");
    assertThatThrownBy(() -> RestConnection.of(Json.connection("c9", "https://a.test",
        "\"headers\": [{\"value\": \"x\"}]")))
        .hasMessageContaining("rest.headers[0].name is required");
    assertThatThrownBy(() -> RestConnection.of(obj("""
        {"_id": "c9", "type": "http", "rest": {"baseURI": "https://a.test"}}""")))
        .hasMessageContaining("connection 'c9': http is missing");
  }

  @Test
  void safeUrlMasksATokenInTheQuery() throws Exception {
    RestConnection c = RestConnection.of(Json.connection("c", "https://a.test",
        "\"bearerToken\": \"s3cret\", \"tokenLocation\": \"url\", \"tokenParam\": \"key\""));
    String safe = c.safeUrl(c.resolve("/x?key=s3cret&a=1"));
    assertThat(safe).doesNotContain("s3cret").contains("key=********").contains("a=1");
  }

  @Test
  void fingerprintChangesWithSettings() throws Exception {
    String a = RestConnection.of(Json.connection("c", "https://a.test", "")).fingerprint();
    String b = RestConnection.of(Json.connection("c", "https://b.test", "")).fingerprint();
    assertThat(a).isNotEqualTo(b).hasSize(64);
    assertThat(RestConnection.of(Json.connection("c", "https://a.test", "")).fingerprint())
        .isEqualTo(a);
  }
}
