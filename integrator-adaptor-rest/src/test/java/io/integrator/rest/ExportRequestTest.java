package io.integrator.rest;

import static io.integrator.rest.ExportFixture.ids;
import static io.integrator.rest.ExportFixture.records;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrator.spi.AdaptorException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class ExportRequestTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final ExportFixture f = new ExportFixture(server);

  private RecordedRequest take() throws InterruptedException {
    return server.takeRequest(5, TimeUnit.SECONDS);
  }

  @Test
  void getRendersDeltaPlaceholdersQueryAndHeaders() throws Exception {
    f.connectionExtra = "\"headers\": {\"X-Tenant\": \"t1\", \"X-Over\": \"conn\"},"
        + " \"bearerToken\": \"tok\"";
    server.enqueue(Json.ok(records("a", 0, 1)));
    f.pages("""
        {"_id": "e1", "type": "delta",
         "rest": {"relativeURI": "/orders?since={{lastExportDateTime}}",
                  "query": {"until": "{{currentExportDateTime}}", "status": ["open", "paid"],
                            "n": 5},
                  "headers": [{"name": "X-Over", "value": "export {{export._id}}"}]}}""");
    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getUrl().queryParameter("since")).isEqualTo("2024-01-01T00:00:00.000Z");
    assertThat(r.getUrl().queryParameter("until")).isEqualTo("2024-02-01T00:00:00.000Z");
    assertThat(r.getUrl().queryParameterValues("status")).containsExactly("open", "paid");
    assertThat(r.getUrl().queryParameter("n")).isEqualTo("5");
    assertThat(r.getHeaders().get("X-Tenant")).isEqualTo("t1");
    assertThat(r.getHeaders().get("X-Over")).isEqualTo("export e1");
    assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer tok");
    assertThat(r.getHeaders().get("Accept")).isEqualTo("application/json");
  }

  @Test
  void postSendsAnObjectBodyAsJsonOrFormAndAStringTemplateAsIs() throws Exception {
    server.enqueue(Json.ok("[]"));
    f.pages("""
        {"rest": {"relativeURI": "/search", "method": "POST",
                  "postBody": {"from": "{{lastExportDateTime}}", "size": 10}}}""");
    RecordedRequest json = take();
    assertThat(json.getMethod()).isEqualTo("POST");
    assertThat(json.getHeaders().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(json.getBody().utf8())
        .isEqualTo("{\"from\":\"2024-01-01T00:00:00.000Z\",\"size\":10}");

    f.connectionExtra = "\"mediaType\": \"urlencoded\"";
    f.type = "http";
    server.enqueue(Json.ok("[]"));
    f.pages("""
        {"http": {"relativeURI": "/search", "method": "POST",
                  "postBody": {"from": "{{lastExportDateTime}}", "size": 10}}}""");
    RecordedRequest form = take();
    assertThat(form.getHeaders().get("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    assertThat(form.getBody().utf8()).isEqualTo("from=2024-01-01T00%3A00%3A00.000Z&size=10");

    server.enqueue(Json.ok("[]"));
    f.pages("""
        {"http": {"relativeURI": "/search", "method": "POST",
                  "postBody": "q=updated>{{lastExportDateTime}}"}}""");
    assertThat(take().getBody().utf8()).isEqualTo("q=updated>2024-01-01T00:00:00.000Z");
  }

  @Test
  void urlEncodedResponsesAreOneRecord() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200)
        .addHeader("Content-Type", "application/x-www-form-urlencoded").body("id=x&name=a+b").build());
    assertThat(f.pages("{\"rest\": {\"relativeURI\": \"/x\"}}").get(0).records().get(0).toString())
        .isEqualTo("{\"id\":\"x\",\"name\":\"a b\"}");
  }

  @Test
  void nonJsonResponsesFailAsParseErrors() {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
        .body("<html>login</html>").build());
    assertThatThrownBy(() -> f.pages("{\"_id\": \"e1\", \"rest\": {\"relativeURI\": \"/x\"}}"))
        .isInstanceOf(AdaptorException.class)
        .hasMessageContaining("export 'e1' page 1: GET").hasMessageContaining("text/html")
        .hasMessageContaining("not JSON: <html>login</html>")
        .satisfies(e -> assertThat(((AdaptorException) e).classification()).isEqualTo("parse"));
  }

  @Test
  void malformedJsonFailsAsAParseError() {
    server.enqueue(Json.ok("{\"items\": [{\"id\": 1}, {\"id\": "));
    assertThatThrownBy(() -> f.pages("{\"_id\": \"e1\", \"rest\": {\"relativeURI\": \"/x\","
        + " \"resourcePath\": \"items\"}}"))
        .isInstanceOf(AdaptorException.class)
        .satisfies(e -> assertThat(((AdaptorException) e).classification())
            .isEqualTo("parse"))
        .hasMessageContaining("export 'e1' page 1");
  }

  @Test
  void anExportWithoutItsSectionOrUriIsRefusedClearly() {
    assertThatThrownBy(() -> f.pages("{\"_id\": \"e1\", \"ftp\": {}}"))
        .hasMessageContaining("export 'e1' has no rest section");
    assertThatThrownBy(() -> f.pages("{\"_id\": \"e1\", \"rest\": {\"method\": \"GET\"}}"))
        .hasMessageContaining("export 'e1' rest.relativeURI is required");
    assertThatThrownBy(() -> f.pages("{\"_id\": \"e1\", \"rest\": {\"relativeURI\": \"/x\","
        + " \"method\": \"DELETE\"}}"))
        .hasMessageContaining("export 'e1' rest.method 'DELETE' is not supported");
  }

  @Test
  void anExportUnderHttpWorksOverARestConnection() throws Exception {
    server.enqueue(Json.ok(records("a", 0, 2)));
    assertThat(ids(f.pages("{\"http\": {\"relativeURI\": \"/x\"}}"))).containsExactly("a0", "a1");
  }

  @Test
  void cancelStopsTheReader() throws Exception {
    server.enqueue(Json.ok("{\"items\": " + records("r", 0, 50) + "}"));
    java.util.concurrent.atomic.AtomicBoolean canceled =
        new java.util.concurrent.atomic.AtomicBoolean();
    try (var reader = f.adaptor.openReader(f.context("{\"pageSize\": 10, \"rest\":"
        + " {\"relativeURI\": \"/x\", \"resourcePath\": \"items\"}}", 0, canceled::get))) {
      assertThat(reader.next()).isPresent();
      canceled.set(true);
      assertThat(reader.next()).isEmpty();
    }
  }
}
