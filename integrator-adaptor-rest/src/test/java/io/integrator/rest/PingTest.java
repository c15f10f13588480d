package io.integrator.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrator.spi.PingResult;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class PingTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final ExportFixture f = new ExportFixture(server);

  private PingResult ping(String extra) {
    f.connectionExtra = extra;
    return f.adaptor.ping(f.connection());
  }

  @Test
  void withoutAPingUriThePingSucceedsWithoutARequest() {
    assertThat(ping("").ok()).isTrue();
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void anyTwoHundredIsSuccessAndCredentialsAndHeadersAreSent() throws Exception {
    server.enqueue(Json.ok("{}"));
    assertThat(ping("\"pingRelativeURI\": \"/me\", \"bearerToken\": \"tok\","
        + " \"headers\": {\"X-A\": \"1\"}")).isEqualTo(PingResult.success());
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(r.getTarget()).isEqualTo("/api/me");
    assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer tok");
    assertThat(r.getHeaders().get("X-A")).isEqualTo("1");
  }

  @Test
  void successPathMustBeTruthyOrMatchSuccessValues() {
    server.enqueue(Json.ok("{\"status\": {\"ok\": true}}"));
    assertThat(ping("\"pingRelativeURI\": \"/s\", \"pingSuccessPath\": \"status.ok\"").ok())
        .isTrue();
    server.enqueue(Json.ok("{\"status\": {\"ok\": \"false\"}}"));
    PingResult no = ping("\"pingRelativeURI\": \"/s\", \"pingSuccessPath\": \"status.ok\"");
    assertThat(no.ok()).isFalse();
    assertThat(no.code()).isEqualTo("ping_failed");
    assertThat(no.message()).contains("status.ok is 'false', not a true value");
    server.enqueue(Json.ok("{\"state\": \"green\"}"));
    assertThat(ping("\"pingRelativeURI\": \"/s\", \"pingSuccessPath\": \"state\","
        + " \"pingSuccessValues\": [\"green\", \"yellow\"]").ok()).isTrue();
    server.enqueue(Json.ok("{\"state\": \"red\"}"));
    assertThat(ping("\"pingRelativeURI\": \"/s\", \"pingSuccessPath\": \"state\","
        + " \"pingSuccessValues\": [\"green\"]").message())
        .contains("state is 'red', not one of [green]");
    server.enqueue(Json.ok("{}"));
    assertThat(ping("\"pingRelativeURI\": \"/s\", \"pingSuccessPath\": \"state\"").message())
        .contains("state is missing");
  }

  @Test
  void richPingFailPathAndErrorPath() throws Exception {
    f.type = "http";
    server.enqueue(Json.ok("{\"result\": \"error\", \"detail\": \"account locked\"}"));
    PingResult r = ping("\"ping\": {\"relativeURI\": \"/check\", \"method\": \"POST\","
        + " \"body\": {\"probe\": true}, \"failPath\": \"result\", \"failValues\": [\"error\"],"
        + " \"errorPath\": \"detail\"}");
    assertThat(r.ok()).isFalse();
    assertThat(r.message()).contains("reported failure at result = 'error': account locked");
    RecordedRequest req = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(req.getMethod()).isEqualTo("POST");
    assertThat(req.getBody().utf8()).isEqualTo("{\"probe\":true}");
  }

  @Test
  void refusedCredentialsAndServerErrorsFailWithTheirStatus() {
    server.enqueue(Json.status(401, "{\"message\": \"bad token\"}"));
    PingResult r = ping("\"pingRelativeURI\": \"/me\", \"bearerToken\": \"tok-secret\"");
    assertThat(r.code()).isEqualTo("401");
    assertThat(r.message()).contains("was refused with 401 bad token")
        .contains("check the connection's credentials").doesNotContain("tok-secret");
    server.enqueue(Json.status(500, "{\"message\": \"db down\"}"));
    PingResult s = ping("\"pingRelativeURI\": \"/me\"");
    assertThat(s.code()).isEqualTo("500");
    assertThat(s.message()).contains("answered 500: db down");
  }

  @Test
  void anUnreachableServerAndABadConnectionFailClearly() throws Exception {
    f.connectionExtra = "\"pingRelativeURI\": \"/me\"";
    var doc = f.connection();
    ((com.fasterxml.jackson.databind.node.ObjectNode) doc.get("rest"))
        .put("baseURI", "http://127.0.0.1:1/api");
    PingResult down = f.adaptor.ping(doc);
    assertThat(down.ok()).isFalse();
    assertThat(down.code()).isEqualTo("unreachable");
    PingResult bad = f.adaptor.ping(Json.obj("{\"_id\": \"c2\", \"type\": \"rest\","
        + " \"rest\": {\"mediaType\": \"json\"}}"));
    assertThat(bad.code()).isEqualTo("invalid_connection");
    assertThat(bad.message()).contains("connection 'c2': rest.baseURI is required");
  }
}
