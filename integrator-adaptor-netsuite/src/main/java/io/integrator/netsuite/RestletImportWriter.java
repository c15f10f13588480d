package io.integrator.netsuite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.AdaptorException;
import io.integrator.spi.Classification;
import io.integrator.spi.ErrorItem;
import io.integrator.spi.RecordWriter;
import io.integrator.spi.SubmitResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes a distributed import: each batch of records goes to the RESTlet with the import's distributed
 * document in one {@code import} call; NetSuite maps, looks up and saves, and answers one result per
 * record, which becomes a {@link SubmitResult} (REFERENCE §4.8).
 */
final class RestletImportWriter implements RecordWriter {
  private final RestletClient client;
  private final RestletSettings settings;
  private final ObjectNode config;
  private final String what;

  RestletImportWriter(RestletClient client, RestletSettings settings, ObjectNode config,
      String importId) {
    this.client = client;
    this.settings = settings;
    this.config = config;
    this.what = "import '" + importId + "'";
  }

  @Override
  public List<SubmitResult> submit(List<ObjectNode> records) throws AdaptorException {
    ObjectNode body = RestletClient.JSON.createObjectNode();
    body.put("operation", "import");
    body.set("import", config);
    ArrayNode array = body.putArray("records");
    records.forEach(array::add);
    JsonNode results = client.call(settings, body, what).path("results");
    if (!results.isArray() || results.size() != records.size()) {
      throw new AdaptorException("parse", what + ": the RESTlet answered " + (results.isArray()
          ? results.size() + " results" : "no results array") + " for " + records.size()
          + " records; is the deployed integrator_da_restlet.js the version of this engine?",
          Classification.PARSE);
    }
    List<SubmitResult> out = new ArrayList<>(records.size());
    for (JsonNode r : results) {
      out.add(result(r));
    }
    return out;
  }

  /** One per-record result of the RESTlet as the engine's result. */
  static SubmitResult result(JsonNode r) {
    List<ErrorItem> errors = new ArrayList<>();
    String classification = null;
    for (JsonNode e : r.path("errors")) {
      String code = e.path("code").asText("error");
      errors.add(new ErrorItem(code, e.path("message").asText(code),
          e.path("source").asText("application")));
      if (classification == null) {
        classification = switch (code) {
          case "lookup_missing" -> Classification.MISSING;
          case "lookup_duplicate", "duplicate", "DUP_RCRD" -> Classification.DUPLICATE;
          case "SSS_REQUEST_LIMIT_EXCEEDED" -> Classification.RATE_LIMIT;
          default -> null;
        };
      }
    }
    int status = r.path("statusCode").asInt(errors.isEmpty() ? 200 : 422);
    String id = r.path("id").isValueNode() && !r.path("id").isNull() ? r.get("id").asText() : null;
    return new SubmitResult(status, id, r, errors, r.path("ignored").asBoolean(false),
        classification, Optional.empty());
  }
}
