package io.integrator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.AdaptorException;
import io.integrator.spi.Classification;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The request part of a REST export: its section ({@code rest} or {@code http}, the one matching
 * the connection type when both exist), {@code relativeURI}, {@code method}, {@code headers},
 * {@code query}, {@code postBody}, {@code resourcePath} and the {@link PagingSpec}.
 */
record ExportSpec(
    String id,
    String section,
    String relativeUri,
    String method,
    Map<String, String> headers,
    Map<String, JsonNode> query,
    JsonNode postBody,
    String resourcePath,
    PagingSpec paging) {

  /** {@code export 'id'} for messages. */
  String describe() {
    return id.isEmpty() ? "the export" : "export '" + id + "'";
  }

  static ExportSpec of(ObjectNode export, RestConnection connection) throws AdaptorException {
    String id = export.path("_id").asText("");
    String who = id.isEmpty() ? "the export" : "export '" + id + "'";
    String section = connection.section();
    if (!export.path(section).isObject()) {
      String other = section.equals("rest") ? "http" : "rest";
      if (export.path(other).isObject()) {
        section = other;
      } else {
        throw bad(who + " has no " + section + " section; " + section
            + ".relativeURI is required for exports over " + connection.describe());
      }
    }
    JsonNode s = export.path(section);
    String where = who + " " + section;
    String rel = RestConnection.textOrNull(s.path("relativeURI"));
    if (rel == null) {
      throw bad(where + ".relativeURI is required");
    }
    String method = s.path("method").asText("GET").trim().toUpperCase(Locale.ROOT);
    if (!method.equals("GET") && !method.equals("POST")) {
      throw bad(where + ".method '" + method + "' is not supported for exports; use GET or POST");
    }
    Map<String, String> headers = RestConnection.headerMap(s.path("headers"), where + ".headers");
    Map<String, JsonNode> query = new LinkedHashMap<>();
    JsonNode q = s.path("query");
    if (q.isObject()) {
      q.properties().forEach(e -> query.put(e.getKey(), e.getValue()));
    } else if (!q.isMissingNode() && !q.isNull()) {
      throw bad(where + ".query must be an object of parameter names to values");
    }
    JsonNode body = s.path("postBody");
    return new ExportSpec(id, section, rel, method, headers, query,
        body.isMissingNode() || body.isNull() ? null : body,
        RestConnection.textOrNull(s.path("resourcePath")), PagingSpec.of(s, where));
  }

  private static AdaptorException bad(String message) {
    return new AdaptorException("invalid_export", message, Classification.VALUE);
  }
}
