package io.integrator.rest.webhook;

import static io.integrator.rest.webhook.WebhookFixture.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Each verification mode, accepted and refused, through the standalone server. */
class VerificationTest {
  static final String JSON_TYPE = "application/json";

  static String hmac(String algorithm, String key, byte[] body) throws Exception {
    Mac mac = Mac.getInstance(algorithm);
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
    return HexFormat.of().formatHex(mac.doFinal(body));
  }

  @Test
  void tokenInTheBodyMustMatchExactly() throws Exception {
    try (WebhookFixture f = new WebhookFixture("""
        {"verify": "token", "token": "s3cret", "path": "auth.token"}""")) {
      HttpResponse<String> bad = f.post(JSON_TYPE,
          "{\"auth\": {\"token\": \"S3cret\"}, \"id\": \"1\"}");
      assertError(bad, 401, "unauthorized", "'auth.token' is missing or does not match");
      assertThat(bad.body()).doesNotContain("s3cret");
      assertError(f.post(JSON_TYPE, "{\"id\": \"1\"}"), 401, "unauthorized", "auth.token");
      assertError(f.post(JSON_TYPE, "{\"auth\": {\"token\": \" s3cret\"}}"), 401, "unauthorized",
          "does not match");
      f.assertNothingEntered();

      HttpResponse<String> ok = f.post(JSON_TYPE, "{\"auth\": {\"token\": \"s3cret\"}, \"id\": \"1\"}");
      assertThat(ok.statusCode()).isEqualTo(204);
      assertThat(ok.body()).isEmpty();
      assertThat(f.delivered()).extracting(r -> r.path("id").asText()).containsExactly("1");
    }
  }

  @Test
  void tokenInAHeaderWithBearerCustomOrNoScheme() throws Exception {
    try (WebhookFixture f = new WebhookFixture("""
        {"verify": "token", "token": "t0k", "tokenLocation": "header",
         "tokenHeaderName": "Authorization"}""")) {
      assertError(f.post(JSON_TYPE, "{}"), 401, "unauthorized", "header 'Authorization'");
      assertError(f.post(JSON_TYPE, "{}", "Authorization", "t0k"), 401, "unauthorized",
          "scheme 'Bearer'");
      assertError(f.post(JSON_TYPE, "{}", "Authorization", "Bearer nope"), 401, "unauthorized",
          "does not match");
      f.assertNothingEntered();
      assertThat(f.post(JSON_TYPE, "{\"id\": \"b\"}", "Authorization", "bearer t0k").statusCode())
          .isEqualTo(204);
      assertThat(f.delivered()).extracting(r -> r.path("id").asText()).containsExactly("b");
    }
    try (WebhookFixture f = new WebhookFixture("""
        {"verify": "token", "token": "t0k", "tokenLocation": "header", "tokenHeaderName": "X-Auth",
         "tokenHeaderScheme": "custom", "customTokenScheme": "Token"}""")) {
      assertError(f.post(JSON_TYPE, "{}", "X-Auth", "Bearer t0k"), 401, "unauthorized", "'Token'");
      assertThat(f.post(JSON_TYPE, "{\"id\": \"c\"}", "x-auth", "Token t0k").statusCode())
          .isEqualTo(204);
      assertThat(f.delivered()).hasSize(1);
    }
    try (WebhookFixture f = new WebhookFixture("""
        {"verify": "token", "token": "t0k", "tokenLocation": "header", "tokenHeaderName": "X-Auth",
         "tokenHeaderScheme": "none"}""")) {
      assertError(f.post(JSON_TYPE, "{}", "X-Auth", "Bearer t0k"), 401, "unauthorized", "X-Auth");
      assertThat(f.post(JSON_TYPE, "{\"id\": \"n\"}", "X-Auth", "t0k").statusCode()).isEqualTo(204);
      assertThat(f.delivered()).hasSize(1);
    }
  }

  @Test
  void tokenInAQueryParameter() throws Exception {
    try (WebhookFixture f = new WebhookFixture("""
        {"verify": "token", "token": "a b&c", "tokenLocation": "queryParam",
         "tokenQueryParamName": "key"}""")) {
      assertError(f.post("?key=a+b", JSON_TYPE, "{}".getBytes()), 401, "unauthorized",
          "query parameter 'key'");
      assertError(f.post("", JSON_TYPE, "{}".getBytes()), 401, "unauthorized", "'key'");
      f.assertNothingEntered();
      assertThat(f.post("?other=1&key=a%20b%26c", JSON_TYPE, "{\"id\":\"q\"}".getBytes())
          .statusCode()).isEqualTo(204);
      assertThat(f.delivered()).hasSize(1);
    }
  }

  @Test
  void hmacSha256HexWithAnAlgorithmPrefixOverTheRawBody() throws Exception {
    try (WebhookFixture f = new WebhookFixture("""
        {"verify": "hmac", "algorithm": "sha256", "encoding": "hex", "key": "k3y",
         "header": "X-Hub-Signature-256"}""")) {
      byte[] body = "{\"id\": \"h1\",  \"name\": \"spaced\"}".getBytes(StandardCharsets.UTF_8);
      String sig = hmac("HmacSHA256", "k3y", body);
      assertError(f.post("", JSON_TYPE, body), 401, "unauthorized",
          "header 'X-Hub-Signature-256' with the HMAC signature is missing");
      byte[] tampered = "{\"id\": \"h1\", \"name\": \"spaced\"}".getBytes(StandardCharsets.UTF_8);
      assertError(f.post("", JSON_TYPE, tampered, "X-Hub-Signature-256", "sha256=" + sig), 401,
          "unauthorized", "does not match the body");
      assertError(f.post("", JSON_TYPE, body, "X-Hub-Signature-256", "sha256=zz" + sig.substring(2)),
          401, "unauthorized", "does not match");
      assertError(f.post("", JSON_TYPE, body, "X-Hub-Signature-256",
          hmac("HmacSHA256", "other", body)), 401, "unauthorized", "does not match");
      f.assertNothingEntered();

      assertThat(f.post("", JSON_TYPE, body, "x-hub-signature-256", "SHA256=" + sig.toUpperCase())
          .statusCode()).isEqualTo(204);
      assertThat(f.delivered()).extracting(r -> r.path("id").asText()).containsExactly("h1");
    }
  }

  @Test
  void hmacSha1Base64AndSha512() throws Exception {
    try (WebhookFixture f = new WebhookFixture("""
        {"verify": "hmac", "algorithm": "sha1", "encoding": "base64", "key": "k",
         "header": "X-Sig"}""")) {
      byte[] body = "{\"id\": \"s1\"}".getBytes(StandardCharsets.UTF_8);
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec("k".getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      String b64 = Base64.getEncoder().encodeToString(mac.doFinal(body));
      assertError(f.post("", JSON_TYPE, body, "X-Sig", hmac("HmacSHA1", "k", body)), 401,
          "unauthorized", "does not match");
      assertThat(f.post("", JSON_TYPE, body, "X-Sig", b64).statusCode()).isEqualTo(204);
      assertThat(f.delivered()).hasSize(1);
    }
    try (WebhookFixture f = new WebhookFixture("""
        {"verify": "hmac", "algorithm": "sha512", "encoding": "hex", "key": "k",
         "header": "X-Sig"}""")) {
      byte[] body = "[{\"id\": \"a\"}, {\"id\": \"b\"}]".getBytes(StandardCharsets.UTF_8);
      assertError(f.post("", JSON_TYPE, body, "X-Sig", hmac("HmacSHA256", "k", body)), 401,
          "unauthorized", "does not match");
      assertThat(f.post("", JSON_TYPE, body, "X-Sig", hmac("HmacSHA512", "k", body)).statusCode())
          .isEqualTo(204);
      assertThat(f.delivered()).hasSize(2);
    }
  }

  @Test
  void basicCredentials() throws Exception {
    try (WebhookFixture f = new WebhookFixture("""
        {"verify": "basic", "username": "shop", "password": "pa:ss"}""")) {
      String good = "Basic " + Base64.getEncoder().encodeToString("shop:pa:ss".getBytes());
      String bad = "Basic " + Base64.getEncoder().encodeToString("shop:pass".getBytes());
      assertError(f.post(JSON_TYPE, "{}"), 401, "unauthorized", "Authorization header");
      assertError(f.post(JSON_TYPE, "{}", "Authorization", bad), 401, "unauthorized",
          "credentials do not match");
      assertError(f.post(JSON_TYPE, "{}", "Authorization", "Basic %%%"), 401, "unauthorized",
          "not valid base64");
      f.assertNothingEntered();
      assertThat(f.post(JSON_TYPE, "{\"id\": \"u\"}", "Authorization", good).statusCode())
          .isEqualTo(204);
      assertThat(f.delivered()).hasSize(1);
    }
  }

  @Test
  void secretUrlCarriesTheTokenInThePath() throws Exception {
    try (WebhookFixture f = new WebhookFixture("""
        {"verify": "secret_url", "token": "Zq81x"}""")) {
      byte[] body = "{\"id\": \"s\"}".getBytes(StandardCharsets.UTF_8);
      assertError(f.post("", JSON_TYPE, body), 401, "unauthorized", "does not carry");
      assertError(f.post("/zq81x", JSON_TYPE, body), 401, "unauthorized", "does not carry");
      assertError(f.post("/Zq81x/more", JSON_TYPE, body), 404, "not_found", "no webhook listens");
      f.assertNothingEntered();
      assertThat(f.post("/Zq81x", JSON_TYPE, body).statusCode()).isEqualTo(204);
      assertThat(f.delivered()).hasSize(1);
    }
  }

  @Test
  void aTokenSegmentOnAnotherModeIsNotAWebhookUrl() throws Exception {
    try (WebhookFixture f = new WebhookFixture("""
        {"verify": "token", "token": "t", "path": "t"}""")) {
      assertError(f.post("/t", JSON_TYPE, "{\"t\":\"t\"}".getBytes()), 404, "not_found", "/hook/t");
      f.assertNothingEntered();
    }
  }
}
