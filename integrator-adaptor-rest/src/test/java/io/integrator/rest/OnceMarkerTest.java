package io.integrator.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.AdaptorException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class OnceMarkerTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final ExportFixture f = new ExportFixture(server);

  private void mark(String export, List<ObjectNode> records) throws AdaptorException {
    f.adaptor.markExported(f.context(export, 0, null), records);
  }

  @Test
  void eachRecordIsFlaggedWithTheDefaultBody() throws Exception {
    server.enqueue(Json.ok("{}"));
    server.enqueue(Json.ok("{}"));
    mark("{\"_id\": \"e1\", \"type\": \"once\", \"once\": {\"booleanField\": \"exported\"},"
        + " \"rest\": {\"relativeURI\": \"/orders\", \"once\": {\"relativeURI\": \"/orders/{id}\"}}}",
        List.of(Json.obj("{\"id\": \"a 1\"}"), Json.obj("{\"id\": \"b2\"}")));
    RecordedRequest first = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(first.getMethod()).isEqualTo("PUT");
    assertThat(first.getTarget()).isEqualTo("/api/orders/a%201");
    assertThat(first.getBody().utf8()).isEqualTo("{\"exported\":true}");
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getTarget()).isEqualTo("/api/orders/b2");
  }

  @Test
  void aValueDeltaWritesEachRecordsPendingValueIntoItsExportedField() throws Exception {
    server.enqueue(Json.ok("{}"));
    mark("{\"_id\": \"e2\", \"valueDelta\": {\"pendingField\": \"version\","
        + " \"exportedField\": \"sync.version\"}, \"rest\": {\"relativeURI\": \"/items\","
        + " \"once\": {\"relativeURI\": \"/items/{id}\", \"method\": \"PATCH\"}}}",
        List.of(Json.obj("{\"id\": \"i7\", \"version\": 12}")));
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(r.getMethod()).isEqualTo("PATCH");
    assertThat(r.getTarget()).isEqualTo("/api/items/i7");
    assertThat(r.getBody().utf8()).isEqualTo("{\"sync\":{\"version\":12}}");
  }

  @Test
  void methodAndBodyTemplatesAreRenderedAgainstTheRecord() throws Exception {
    server.enqueue(Json.ok("{}"));
    mark("{\"type\": \"once\", \"once\": {\"booleanField\": \"done\"}, \"rest\": {\"relativeURI\":"
        + " \"/x\", \"once\": {\"relativeURI\": \"/flags\", \"method\": \"POST\","
        + " \"postBody\": {\"ref\": \"{{id}}\", \"done\": true}}}}",
        List.of(Json.obj("{\"id\": \"r9\"}")));
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getBody().utf8()).isEqualTo("{\"ref\":\"r9\",\"done\":true}");
  }

  @Test
  void aRefusedWriteNamesTheRecordAndMissingSettingsAreClear() {
    server.enqueue(Json.status(404, "{\"message\": \"no such order\"}"));
    String export = "{\"_id\": \"e1\", \"type\": \"once\", \"once\": {\"booleanField\": \"f\"},"
        + " \"rest\": {\"relativeURI\": \"/x\", \"once\": {\"relativeURI\": \"/o/{id}\"}}}";
    assertThatThrownBy(() -> mark(export, List.of(Json.obj("{\"id\": \"z\"}"))))
        .isInstanceOf(AdaptorException.class)
        .hasMessageContaining("export 'e1' rest.once for record 1 (id 'z'): PUT")
        .hasMessageContaining("returned 404").hasMessageContaining("no such order");
    assertThatThrownBy(() -> mark(export, List.of(Json.obj("{\"name\": \"no id\"}"))))
        .hasMessageContaining("a placeholder of '/o/{id}' has no value in the record");
    assertThatThrownBy(() -> mark("{\"_id\": \"e1\", \"type\": \"once\", \"rest\":"
        + " {\"relativeURI\": \"/x\"}}", List.of(Json.obj("{}"))))
        .hasMessageContaining("export 'e1' rest.once.relativeURI is required");
  }
}
