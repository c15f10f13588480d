package io.integrator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.AdaptorException;
import io.integrator.spi.Classification;
import io.integrator.spi.LookupException;
import io.integrator.spi.LookupQuery;
import io.integrator.spi.LookupSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Answers REST lookups ({@code rest.lookups[]} / {@code http.lookups[]} entries with a {@code
 * relativeURI}; REFERENCE §4.5) over the import connection's shared client.
 *
 * <p>Per distinct query: render {@code relativeURI} ({@code {field}} from the record before
 * mapping, {@code {_value}} the lookup input: the value the mapping field extracted; handlebars
 * {@code {{field}}} sees the same), send {@code method} (GET, default, or POST with {@code
 * postData}, a string or JSON template rendered the same way, encoded by the connection's {@code
 * mediaType}), and take the value at {@code extract} in the response (absent: the whole body). The
 * queries of a page are sent concurrently.
 *
 * <p>Matches: a missing, null or empty ({@code ""}, {@code []}) value is no match; an array gives
 * one match per non-empty element (so the engine reports several matches as {@code duplicate}
 * unless {@code allowFailures}); anything else is one match. A 404 is no match. A placeholder
 * without a value means the question cannot be asked: no match, without a request. Other failures
 * (non-2xx, no response) throw {@link LookupException} with the status as code, the server's
 * message and its classification; the engine fails the records of the page that needed the
 * lookup.
 */
final class RestLookupSource implements LookupSource {
  /** The placeholder name of the lookup input. */
  static final String VALUE = "_value";

  private final OkHttpClient client;
  private final RestConnection connection;

  RestLookupSource(OkHttpClient client, RestConnection connection) {
    this.client = client;
    this.connection = connection;
  }

  /** One rendered question: empty when a placeholder has no value. */
  private record Question(String method, String uri, JsonNode body) {
    String key() {
      return method + " " + uri + (body == null ? "" : "\n" + body);
    }
  }

  @Override
  public List<List<JsonNode>> resolve(ObjectNode definition, List<LookupQuery> queries)
      throws LookupException {
    String where = "lookup '" + definition.path("name").asText() + "'";
    String extract = RestConnection.textOrNull(definition.path("extract"));
    List<CompletableFuture<List<JsonNode>>> pending = new ArrayList<>(queries.size());
    List<Call> calls = new ArrayList<>();
    for (LookupQuery q : queries) {
      Optional<Question> question = question(definition, q, where);
      if (question.isEmpty()) {
        pending.add(CompletableFuture.completedFuture(List.of()));
        continue;
      }
      Question qu = question.get();
      Request request;
      try {
        request = request(qu);
      } catch (AdaptorException e) {
        throw new LookupException(e.code(), where + ": " + e.getMessage(), e.classification(), e);
      }
      CompletableFuture<List<JsonNode>> f = new CompletableFuture<>();
      Call call = client.newCall(request);
      calls.add(call);
      call.enqueue(new Callback() {
        @Override
        public void onResponse(Call c, Response response) {
          try (response) {
            if (response.code() == 404) {
              f.complete(List.of());
            } else if (!response.isSuccessful()) {
              AdaptorException a = Responses.failure(response, connection, where);
              f.completeExceptionally(new LookupException(a.code(), a.getMessage(),
                  a.classification(), null));
            } else {
              JsonNode body = Bodies.parse(response.body());
              f.complete(matches(extract == null ? body : JsonPaths.at(body, extract)));
            }
          } catch (IOException | RuntimeException e) {
            f.completeExceptionally(new LookupException("parse", where + ": the response to "
                + request.method() + " " + connection.safeUrl(request.url())
                + " could not be read: " + e.getMessage(), LookupException.PARSE, e));
          }
        }

        @Override
        public void onFailure(Call c, IOException e) {
          AdaptorException a = Responses.failure(e, connection, request.method(), request.url(),
              where);
          f.completeExceptionally(new LookupException(a.code(), a.getMessage(),
              a.classification(), e));
        }
      });
      pending.add(f);
    }
    List<List<JsonNode>> out = new ArrayList<>(queries.size());
    try {
      for (CompletableFuture<List<JsonNode>> f : pending) {
        out.add(f.get());
      }
    } catch (InterruptedException e) {
      calls.forEach(Call::cancel);
      Thread.currentThread().interrupt();
      throw new LookupException("interrupted", where + " was interrupted",
          LookupException.INTERMITTENT, e);
    } catch (ExecutionException e) {
      calls.forEach(Call::cancel);
      if (e.getCause() instanceof LookupException l) {
        throw l;
      }
      throw new LookupException(where + " failed: " + e.getCause(), e.getCause());
    }
    return out;
  }

  /** The rendered request, so equal questions share one answer. */
  @Override
  public String cacheKey(ObjectNode definition, LookupQuery query) {
    try {
      return question(definition, query, "lookup").map(Question::key)
          .orElse("unaskable:" + query.value());
    } catch (LookupException e) {
      return "invalid:" + query.value() + ":" + query.record();
    }
  }

  private Optional<Question> question(ObjectNode def, LookupQuery q, String where)
      throws LookupException {
    String uriTemplate = RestConnection.textOrNull(def.path("relativeURI"));
    if (uriTemplate == null) {
      throw new LookupException("invalid_lookup", where + " has no relativeURI",
          Classification.VALUE, null);
    }
    String method = def.path("method").asText("GET").trim().toUpperCase(Locale.ROOT);
    if (!method.equals("GET") && !method.equals("POST")) {
      throw new LookupException("invalid_lookup", where + ": method '" + method
          + "' is not supported; use GET or POST", Classification.VALUE, null);
    }
    ObjectNode values = JsonNodeFactory.instance.objectNode();
    values.setAll(q.record());
    if (!q.value().isNull() && !q.value().isMissingNode()) {
      values.set(VALUE, q.value());
    }
    try {
      String uri = RequestTemplate.renderUrl(uriTemplate, values, where + " relativeURI");
      Optional<String> rendered = RequestTemplate.renderBraces(uri, values, true);
      if (rendered.isEmpty()) {
        return Optional.empty();
      }
      JsonNode body = null;
      JsonNode post = def.get("postData");
      if (method.equals("POST") && post != null && !post.isNull()) {
        if (post.isTextual()) {
          String text = RequestTemplate.renderText(post.textValue(), values, where + " postData");
          Optional<String> b = RequestTemplate.renderBraces(text, values, false);
          if (b.isEmpty()) {
            return Optional.empty();
          }
          body = JsonNodeFactory.instance.textNode(b.get());
        } else {
          body = RequestTemplate.renderTree(post, values, where + " postData");
        }
      }
      return Optional.of(new Question(method, rendered.get(), body));
    } catch (AdaptorException e) {
      throw new LookupException(e.code(), e.getMessage(), e.classification(), e);
    }
  }

  private Request request(Question q) throws AdaptorException {
    Request.Builder b = new Request.Builder().url(connection.resolve(q.uri()));
    for (Map.Entry<String, String> h : connection.headers().entrySet()) {
      b.header(h.getKey(), h.getValue());
    }
    if (q.method().equals("POST")) {
      return b.post(Bodies.encode(q.body(), connection.bodyType())).build();
    }
    return b.get().build();
  }

  /** The matches a value at the extract path stands for. */
  static List<JsonNode> matches(JsonNode v) {
    if (empty(v)) {
      return List.of();
    }
    if (v.isArray()) {
      List<JsonNode> out = new ArrayList<>();
      v.forEach(e -> {
        if (!empty(e)) {
          out.add(e);
        }
      });
      return out;
    }
    return List.of(v);
  }

  private static boolean empty(JsonNode v) {
    return v == null || v.isMissingNode() || v.isNull()
        || (v.isTextual() && v.textValue().isEmpty())
        || (v.isContainerNode() && v.isEmpty());
  }
}
