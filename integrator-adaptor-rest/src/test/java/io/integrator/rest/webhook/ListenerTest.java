package io.integrator.rest.webhook;

import static io.integrator.rest.webhook.WebhookFixture.assertError;
import static io.integrator.rest.webhook.WebhookFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Parsing, records, responses, handshakes, limits and routing of the listener. */
class ListenerTest {
  static final String OPEN = """
      {"verify": "secret_url", "token": "tok"%s}""";
  static final String JSON_TYPE = "application/json";

  static WebhookFixture open(String extra) {
    return new WebhookFixture(OPEN.formatted(extra.isEmpty() ? "" : ", " + extra));
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static List<String> ids(List<ObjectNode> records) {
    return records.stream().map(r -> r.path("id").asText()).sorted().toList();
  }

  @Test
  void aTopLevelArrayIsOneRecordPerElementAndAnObjectIsOneRecord() throws Exception {
    try (WebhookFixture f = open("")) {
      assertThat(f.post("/tok", JSON_TYPE, utf8("[{\"id\":\"1\"},{\"id\":\"2\"},{\"id\":\"3\"}]"))
          .statusCode()).isEqualTo(204);
      assertThat(ids(f.delivered())).containsExactly("1", "2", "3");
      assertThat(f.send("PUT", "/tok", JSON_TYPE, utf8("{\"id\":\"4\"}")).statusCode())
          .isEqualTo(204);
      assertThat(ids(f.delivered())).containsExactly("1", "2", "3", "4");
    }
  }

  @Test
  void pathToRecordsWithParentData() throws Exception {
    try (WebhookFixture f = open("\"pathToRecords\": \"data.orders\", \"includeParentData\": true")) {
      String body = """
          {"event": "created", "shop": "outer",
           "data": {"shop": "inner", "orders": [{"id": "a"}, {"id": "b", "event": "own"}]}}""";
      assertThat(f.post("/tok", JSON_TYPE, utf8(body)).statusCode()).isEqualTo(204);
      List<ObjectNode> got = f.delivered();
      ObjectNode a = got.stream().filter(r -> r.path("id").asText().equals("a")).findFirst()
          .orElseThrow();
      ObjectNode b = got.stream().filter(r -> r.path("id").asText().equals("b")).findFirst()
          .orElseThrow();
      assertThat(a.path("event").asText()).isEqualTo("created");
      assertThat(a.path("shop").asText()).isEqualTo("inner"); // the nearer parent wins
      assertThat(b.path("event").asText()).isEqualTo("own"); // the record's own field wins
    }
  }

  @Test
  void aRequestWithoutTheRecordPathIsAcknowledgedAndQueuesNothing() throws Exception {
    try (WebhookFixture f = open("\"pathToRecords\": \"orders\"")) {
      assertThat(f.post("/tok", JSON_TYPE, utf8("{\"ping\": true}")).statusCode()).isEqualTo(204);
      f.assertNothingEntered();
    }
  }

  @Test
  void urlencodedAndXmlBodiesAndRequestMediaTypeOverride() throws Exception {
    try (WebhookFixture f = open("")) {
      assertThat(f.post("/tok", "application/x-www-form-urlencoded; charset=utf-8",
          utf8("id=f1&name=J%C3%BCrgen+M&shop=x")).statusCode()).isEqualTo(204);
      ObjectNode r = f.delivered().get(0);
      assertThat(r.path("name").asText()).isEqualTo("Jürgen M");
      assertThat(r.path("shop").asText()).isEqualTo("x");
    }
    try (WebhookFixture f = open("\"pathToRecords\": \"order\"")) {
      String xml = """
          <?xml version="1.0"?>
          <orders><order id="x1"><name>One</name></order><order id="x2"><name>Two</name></order></orders>""";
      assertThat(f.post("/tok", "text/xml", utf8(xml)).statusCode()).isEqualTo(204);
      List<ObjectNode> got = f.delivered();
      assertThat(ids(got)).containsExactly("x1", "x2");
      assertThat(got).extracting(o -> o.path("name").asText()).contains("One", "Two");
    }
    try (WebhookFixture f = open("\"requestMediaType\": \"json\"")) {
      assertThat(f.post("/tok", "text/plain", utf8("{\"id\": \"t\"}")).statusCode()).isEqualTo(204);
      assertThat(ids(f.delivered())).containsExactly("t");
    }
  }

  @Test
  void badBodiesAreRefusedAndNothingEnters() throws Exception {
    try (WebhookFixture f = open("")) {
      assertError(f.post("/tok", JSON_TYPE, utf8("{\"id\": ")), 400, "parse_error",
          "not valid JSON");
      assertError(f.post("/tok", "text/csv", utf8("id\n1")), 415, "unsupported_media_type",
          "webhook.requestMediaType");
      assertError(f.post("/tok", "application/xml",
          utf8("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>")), 400,
          "parse_error", "not valid XML");
      assertError(f.send("DELETE", "/tok", null, null), 405, "method_not_allowed", "DELETE");
      assertError(f.send("GET", "/tok", null, null), 405, "method_not_allowed", "challenge");
      f.assertNothingEntered();
    }
  }

  @Test
  void unknownExportsAndPathsAre404() throws Exception {
    try (WebhookFixture f = open("")) {
      HttpResponse<String> r = f.http.send(java.net.http.HttpRequest.newBuilder(
              java.net.URI.create("http://127.0.0.1:" + f.server.port() + "/webhooks/nope"))
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertError(r, 404, "not_found", "/webhooks/nope");
      WebhookResponse other = f.listener.handle(new WebhookRequest("POST", "/elsewhere/hook",
          Map.of(), null, utf8("{}")));
      assertThat(other.status()).isEqualTo(404);
      f.assertNothingEntered();
    }
  }

  @Test
  void bodiesOverTheLimitAre413() throws Exception {
    try (WebhookFixture f = new WebhookFixture("{\"verify\": \"secret_url\", \"token\": \"tok\"}", 64)) {
      byte[] big = utf8("{\"id\": \"" + "x".repeat(100) + "\"}");
      assertError(f.post("/tok", JSON_TYPE, big), 413, "payload_too_large", "64 bytes");
      WebhookResponse streamed = f.listener.handle("POST", "/webhooks/hook/tok", Map.of(), null,
          new ByteArrayInputStream(big));
      assertThat(streamed.status()).isEqualTo(413);
      WebhookResponse whole = f.listener.handle(new WebhookRequest("POST", "/webhooks/hook/tok",
          Map.of(), null, big));
      assertThat(whole.status()).isEqualTo(413);
      f.assertNothingEntered();
      assertThat(f.post("/tok", JSON_TYPE, utf8("{\"id\": \"small\"}")).statusCode())
          .isEqualTo(204);
      assertThat(ids(f.delivered())).containsExactly("small");
    }
  }

  @Test
  void configuredSuccessStatusBodyAndHeaders() throws Exception {
    try (WebhookFixture f = open("""
        "successStatusCode": 202,
        "successBody": {"received": "{{records}}", "export": "{{exportId}}", "first": "{{body.0.id}}"},
        "successResponseHeaders": [{"name": "X-Received", "value": "{{records}} records"}]""")) {
      HttpResponse<String> r = f.post("/tok", JSON_TYPE, utf8("[{\"id\":\"p\"},{\"id\":\"q\"}]"));
      assertThat(r.statusCode()).isEqualTo(202);
      assertThat(r.headers().firstValue("Content-Type")).contains("application/json");
      assertThat(r.headers().firstValue("X-Received")).contains("2 records");
      assertThat(json(r.body())).isEqualTo(json(
          "{\"received\": 2, \"export\": \"hook\", \"first\": \"p\"}"));
      assertThat(f.delivered()).hasSize(2);
    }
    try (WebhookFixture f = open("""
        "successStatusCode": 200, "successBody": "<ok n='{{records}}'/>", "successMediaType": "xml" """)) {
      HttpResponse<String> r = f.post("/tok", JSON_TYPE, utf8("{\"id\":\"x\"}"));
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type")).contains("application/xml");
      assertThat(r.body()).isEqualTo("<ok n='1'/>");
    }
  }

  @Test
  void challengeHandshakesAreEchoedAndQueueNothing() throws Exception {
    try (WebhookFixture f = open("""
        "challengeSuccessBody": "{{challenge}}",
        "challengeResponseHeaders": [{"name": "X-Hook", "value": "ready"}]""")) {
      HttpResponse<String> post = f.post("/tok", JSON_TYPE,
          utf8("{\"type\": \"url_verification\", \"challenge\": \"c-123\"}"));
      assertThat(post.statusCode()).isEqualTo(200);
      assertThat(post.headers().firstValue("Content-Type")).contains("text/plain; charset=utf-8");
      assertThat(post.headers().firstValue("X-Hook")).contains("ready");
      assertThat(post.body()).isEqualTo("c-123");
      HttpResponse<String> get = f.send("GET", "/tok?hub.mode=subscribe&hub.challenge=987", null,
          null);
      assertThat(get.statusCode()).isEqualTo(200);
      assertThat(get.body()).isEqualTo("987");
      assertError(f.send("GET", "?hub.challenge=987", null, null), 401, "unauthorized",
          "does not carry");
      f.assertNothingEntered();
    }
    try (WebhookFixture f = open("""
        "challengeSuccessBody": {"challenge": "{{challenge}}"}, "challengeSuccessStatusCode": 201""")) {
      HttpResponse<String> r = f.send("GET", "/tok?validationToken=v%20t", null, null);
      assertThat(r.statusCode()).isEqualTo(201);
      assertThat(json(r.body()).path("challenge").asText()).isEqualTo("v t");
    }
  }

  @Test
  void theResponseIsSentOnlyAfterThePayloadIsQueued() throws Exception {
    try (WebhookFixture f = open("")) {
      f.destination.gate = new CountDownLatch(1); // the run cannot finish before we look
      assertThat(f.post("/tok", JSON_TYPE, utf8("[{\"id\":\"d1\"},{\"id\":\"d2\"}]")).statusCode())
          .isEqualTo(204);
      assertThat(f.integrator.webhooks().pending("flow")).isEqualTo(1);
      f.destination.gate.countDown();
      assertThat(ids(f.delivered())).containsExactly("d1", "d2");
      assertThat(f.integrator.webhooks().pending("flow")).isZero();
    }
  }

  @Test
  void anExportWithoutAnEnabledFlowIsRefusedWith503() throws Exception {
    try (WebhookFixture f = open("")) {
      f.integrator.flows().delete("flow");
      assertError(f.post("/tok", JSON_TYPE, utf8("{\"id\": \"z\"}")), 503, "no_flow",
          "no enabled flow");
    }
  }
}
