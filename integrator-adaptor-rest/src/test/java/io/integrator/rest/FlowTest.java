package io.integrator.rest;

import static io.integrator.rest.ExportFixture.records;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.Integrator;
import io.integrator.model.Job;
import io.integrator.spi.Adaptor;
import io.integrator.spi.ImportContext;
import io.integrator.spi.PingResult;
import io.integrator.spi.RecordWriter;
import io.integrator.spi.SubmitResult;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** A real flow through the engine: the REST adaptor (found by ServiceLoader) exports pages. */
class FlowTest {
  @StartStop final MockWebServer server = new MockWebServer();

  /** Receives the imported records; serves ftp-typed connections in this test only. */
  static final class Sink implements Adaptor {
    final List<ObjectNode> received = new CopyOnWriteArrayList<>();

    @Override
    public Set<String> connectionTypes() {
      return Set.of("ftp");
    }

    @Override
    public PingResult ping(ObjectNode connection) {
      return PingResult.success();
    }

    @Override
    public RecordWriter openWriter(ImportContext context) {
      return records -> {
        received.addAll(records);
        return records.stream().map(r -> SubmitResult.success(r.path("id").asText(), null))
            .toList();
      };
    }
  }

  @Test
  void aPagedRestExportRunsThroughAFlowIntoAnImport() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        int page = Integer.parseInt(r.getUrl().queryParameter("page"));
        if (!"Bearer flow-token".equals(r.getHeaders().get("Authorization"))) {
          return Json.status(401, "{}");
        }
        return Json.ok("{\"data\": " + (page <= 3 ? records("p" + page + "-", 0, 25) : "[]")
            + "}");
      }
    });
    Sink sink = new Sink();
    try (Integrator integrator = Integrator.builder().adaptor(sink).build()) {
      assertThat(integrator.adaptor("rest")).get().isInstanceOf(RestAdaptor.class);
      String source = integrator.connections().create("""
          {"name": "Shop", "type": "rest",
           "rest": {"baseURI": "%s", "mediaType": "json", "bearerToken": "flow-token"}}"""
          .formatted(server.url("/api"))).id();
      String dest = integrator.connections().create("""
          {"name": "Sink", "type": "ftp", "ftp": {"hostURI": "sink.test", "username": "u", "password": "p"}}""")
          .id();
      String export = integrator.exports().create("""
          {"name": "Orders", "_connectionId": "%s", "pageSize": 10,
           "rest": {"relativeURI": "/orders", "resourcePath": "data",
                    "pagingMethod": "pageargument", "pageArgument": "page"}}""".formatted(source))
          .id();
      String imp = integrator.imports().create("""
          {"name": "Store", "_connectionId": "%s",
           "ftp": {"directoryPath": "/in"},
           "mapping": {"fields": [{"extract": "id", "generate": "orderId"}]}}""".formatted(dest))
          .id();
      String flow = integrator.flows().create("""
          {"name": "Orders to sink", "_exportId": "%s", "_importId": "%s"}"""
          .formatted(export, imp)).id();

      Job job = integrator.runFlow(flow);

      assertThat(job.status()).isEqualTo("completed");
      assertThat(job.numExport()).isEqualTo(75);
      assertThat(job.numSuccess()).isEqualTo(75);
      assertThat(sink.received).hasSize(75);
      assertThat(sink.received).extracting(r -> r.path("orderId").asText())
          .doesNotHaveDuplicates().contains("p1-0", "p3-24");
      assertThat(server.getRequestCount()).isEqualTo(4);
    }
  }

  @Test
  void aOnceExportFlagsEveryExportedRecordAtTheSource() {
    java.util.Set<String> flagged = java.util.concurrent.ConcurrentHashMap.newKeySet();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        if (r.getMethod().equals("PUT")) {
          flagged.add(r.getUrl().pathSegments().get(2));
          return Json.ok("{}");
        }
        return Json.ok(records("o", 0, 12));
      }
    });
    Sink sink = new Sink();
    try (Integrator integrator = Integrator.builder().adaptor(sink).build()) {
      String source = integrator.connections().create("""
          {"name": "Shop", "type": "rest", "rest": {"baseURI": "%s", "mediaType": "json"}}"""
          .formatted(server.url("/api"))).id();
      String dest = integrator.connections().create("""
          {"name": "Sink", "type": "ftp", "ftp": {"hostURI": "sink.test", "username": "u", "password": "p"}}""")
          .id();
      String export = integrator.exports().create("""
          {"name": "New orders", "_connectionId": "%s", "type": "once", "pageSize": 5,
           "once": {"booleanField": "exported"},
           "rest": {"relativeURI": "/orders?exported=false",
                    "once": {"relativeURI": "/orders/{id}", "method": "PUT"}}}""".formatted(source))
          .id();
      String imp = integrator.imports().create("""
          {"name": "Store", "_connectionId": "%s", "ftp": {"directoryPath": "/in"},
           "mapping": {"fields": [{"extract": "id", "generate": "orderId"}]}}""".formatted(dest))
          .id();
      Job job = integrator.runFlow(integrator.flows().create("""
          {"name": "F", "_exportId": "%s", "_importId": "%s"}""".formatted(export, imp)).id());
      assertThat(job.status()).isEqualTo("completed");
      assertThat(sink.received).hasSize(12);
      assertThat(flagged).hasSize(12).contains("o0", "o11");
    }
  }

  @Test
  void aRefusedExportFailsTheJobWithAClearError() {
    server.enqueue(Json.status(403, "{\"message\": \"key revoked\"}"));
    Sink sink = new Sink();
    try (Integrator integrator = Integrator.builder().adaptor(sink).build()) {
      String source = integrator.connections().create("""
          {"name": "Shop", "type": "rest",
           "rest": {"baseURI": "%s", "mediaType": "json", "bearerToken": "t"}}"""
          .formatted(server.url("/api"))).id();
      String dest = integrator.connections().create("""
          {"name": "Sink", "type": "ftp", "ftp": {"hostURI": "sink.test", "username": "u", "password": "p"}}""")
          .id();
      String export = integrator.exports().create("""
          {"name": "Orders", "_connectionId": "%s", "rest": {"relativeURI": "/orders"}}"""
          .formatted(source)).id();
      String imp = integrator.imports().create("""
          {"name": "Store", "_connectionId": "%s", "ftp": {"directoryPath": "/in"},
           "mapping": {"fields": [{"extract": "id", "generate": "orderId"}]}}""".formatted(dest))
          .id();
      Job job = integrator.runFlow(integrator.flows().create("""
          {"name": "F", "_exportId": "%s", "_importId": "%s"}""".formatted(export, imp)).id());
      assertThat(job.status()).isEqualTo("failed");
      assertThat(integrator.jobErrors().list()).anySatisfy(e -> {
        assertThat(e.message()).contains("key revoked").contains("403");
      });
      assertThat(sink.received).isEmpty();
    }
  }
}
