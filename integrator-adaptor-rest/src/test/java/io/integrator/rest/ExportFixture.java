package io.integrator.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.AdaptorException;
import io.integrator.spi.ExportContext;
import io.integrator.spi.Page;
import io.integrator.spi.PageReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;

/** Builds a RestAdaptor with fast retries and reads exports against a mock server. */
final class ExportFixture {
  final MockWebServer server;
  final RestAdaptor adaptor;
  String connectionExtra = "";
  String type = "rest";

  ExportFixture(MockWebServer server) {
    this(server, Duration.ofSeconds(5));
  }

  ExportFixture(MockWebServer server, Duration readTimeout) {
    this.server = server;
    OkHttpClient root = new OkHttpClient.Builder().readTimeout(readTimeout).build();
    this.adaptor = new RestAdaptor(new ClientCache(root),
        new RetryPolicy(4, 10, Duration.ofMillis(1), Duration.ofMillis(5)));
  }

  ObjectNode connection() {
    return Json.obj("""
        {"_id": "c1", "type": "%s", "%s": {"baseURI": "%s", "mediaType": "json"%s}}"""
        .formatted(type, type, server.url("/api"), connectionExtra.isEmpty() ? ""
            : ", " + connectionExtra));
  }

  ExportContext context(String exportJson, int limit, BooleanSupplier canceled) {
    return new ExportContext(Json.obj(exportJson), connection(),
        Optional.of(Instant.parse("2024-01-01T00:00:00Z")),
        Optional.of(Instant.parse("2024-02-01T00:00:00Z")), limit, null, false, canceled);
  }

  /** Reads every page of an export. */
  List<Page> pages(String exportJson, int limit) throws AdaptorException {
    List<Page> out = new ArrayList<>();
    try (PageReader r = adaptor.openReader(context(exportJson, limit, null))) {
      Optional<Page> p;
      while ((p = r.next()).isPresent()) {
        out.add(p.get());
      }
    }
    return out;
  }

  List<Page> pages(String exportJson) throws AdaptorException {
    return pages(exportJson, 0);
  }

  /** The ids ({@code id} field) of every record, in order. */
  static List<String> ids(List<Page> pages) {
    List<String> ids = new ArrayList<>();
    pages.forEach(p -> p.records().forEach(r -> ids.add(r.path("id").asText())));
    return ids;
  }

  /** A JSON array of n records {id: prefix+i}. */
  static String records(String prefix, int from, int n) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = from; i < from + n; i++) {
      if (i > from) {
        sb.append(',');
      }
      sb.append("{\"id\":\"").append(prefix).append(i).append("\"}");
    }
    return sb.append(']').toString();
  }
}
