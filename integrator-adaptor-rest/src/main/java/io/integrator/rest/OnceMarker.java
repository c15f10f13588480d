package io.integrator.rest;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.AdaptorException;
import io.integrator.spi.Classification;
import io.integrator.spi.ExportContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Writes back what an export run took (REFERENCE §3.4): the {@code once.booleanField} flag of a
 * {@code once} export, or the pending value of a {@code valueDelta} export into its exported
 * field. Both use the export's {@code once} request: {@code <section>.once.relativeURI}
 * (required), {@code method} ({@code PUT} by default; {@code POST}, {@code PATCH}) and {@code
 * postBody} (default {@code {"<booleanField>": true}}, or for a value delta {@code
 * {"<exportedField>": <the record's pendingField value>}}), all rendered against each record as
 * import requests are: handlebars ({@code {{id}}}) and single braces ({@code {id}}, URL-encoded in
 * the URI). One request per record, in order, with the reader's retries; the first record that
 * cannot be marked fails the call, naming it.
 */
final class OnceMarker {
  private final ExportContext ctx;
  private final RestConnection connection;
  private final OkHttpClient client;
  private final HttpCalls calls;
  private final String where;
  private final String uri;
  private final String method;
  private final JsonNode body;
  /** A value delta without a postBody: {@code {exportedField: pending value}} per record. */
  private final List<String> pendingField;
  private final JsonPointer exportedField;

  OnceMarker(ExportContext ctx, RestConnection connection, ExportSpec spec, OkHttpClient client,
      HttpCalls calls) throws AdaptorException {
    this.ctx = ctx;
    this.connection = connection;
    this.client = client;
    this.calls = calls;
    this.where = spec.describe() + " " + spec.section() + ".once";
    JsonNode once = ctx.export().path(spec.section()).path("once");
    this.uri = RestConnection.textOrNull(once.path("relativeURI"));
    String field = RestConnection.textOrNull(ctx.export().path("once").path("booleanField"));
    if (uri == null) {
      throw new AdaptorException("invalid_export", where + ".relativeURI is required to write "
          + "once.booleanField (or valueDelta.exportedField) back to the source",
          Classification.VALUE);
    }
    this.method = once.path("method").asText("PUT").trim().toUpperCase(Locale.ROOT);
    if (!List.of("PUT", "POST", "PATCH").contains(method)) {
      throw new AdaptorException("invalid_export", where + ".method '" + method
          + "' is not one of PUT, POST, PATCH", Classification.VALUE);
    }
    JsonNode b = once.path("postBody");
    JsonNode delta = ctx.export().path("valueDelta");
    String exported = RestConnection.textOrNull(delta.path("exportedField"));
    String pending = RestConnection.textOrNull(delta.path("pendingField"));
    boolean valueDelta = !"once".equals(ctx.export().path("type").asText())
        && exported != null && pending != null;
    boolean deltaBody = valueDelta && (b.isMissingNode() || b.isNull());
    this.pendingField = deltaBody ? JsonPaths.segments(pending) : null;
    this.exportedField = deltaBody ? JsonPointer.compile("/" + exported.replace('.', '/')) : null;
    if (pendingField != null) {
      b = JsonNodeFactory.instance.objectNode(); // built per record
    } else if (b.isMissingNode() || b.isNull()) {
      if (field == null) {
        throw new AdaptorException("invalid_export", spec.describe()
            + " once.booleanField is required for once exports (or give " + where
            + ".postBody)", Classification.VALUE);
      }
      ObjectNode flag = JsonNodeFactory.instance.objectNode();
      flag.put(field, true);
      b = flag;
    }
    this.body = b;
  }

  void mark(List<ObjectNode> records) throws AdaptorException {
    for (int i = 0; i < records.size(); i++) {
      ObjectNode record = records.get(i);
      String who = where + " for record " + (i + 1)
          + (record.hasNonNull("id") ? " (id '" + record.path("id").asText() + "')" : "");
      Request request = request(record, who);
      Optional<Response> r = calls.execute(client, request, connection, code -> false, who,
          ctx::isCanceled);
      if (r.isEmpty()) {
        throw new AdaptorException("canceled", who + ": the run was canceled",
            Classification.INTERMITTENT);
      }
      r.get().close();
    }
  }

  private Request request(ObjectNode record, String who) throws AdaptorException {
    String rendered = RequestTemplate.renderUrl(uri, record, where + ".relativeURI");
    String path = RequestTemplate.renderBraces(rendered, record, true).orElseThrow(() ->
        new AdaptorException("missing", who + ": a placeholder of '" + uri
            + "' has no value in the record", Classification.MISSING));
    Request.Builder b = new Request.Builder().url(connection.resolve(path))
        .header("Accept", "application/json");
    for (Map.Entry<String, String> h : connection.headers().entrySet()) {
      b.header(h.getKey(), h.getValue());
    }
    RequestBody rb;
    if (pendingField != null) {
      ObjectNode delta = JsonNodeFactory.instance.objectNode();
      delta.withObject(exportedField.head())
          .set(exportedField.last().getMatchingProperty(), JsonPaths.at(record, pendingField));
      rb = Bodies.encode(delta, connection.bodyType());
    } else if (body.isTextual()) {
      rb = Bodies.encodeText(RequestTemplate.renderText(body.textValue(), record,
          where + ".postBody"), connection.bodyType());
    } else {
      rb = Bodies.encode(RequestTemplate.renderTree(body, record, where + ".postBody"),
          connection.bodyType());
    }
    return b.method(method, rb).build();
  }
}
