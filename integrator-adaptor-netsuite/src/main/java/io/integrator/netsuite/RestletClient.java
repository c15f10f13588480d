package io.integrator.netsuite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.AdaptorException;
import io.integrator.spi.Classification;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Calls the Integrator RESTlet: POSTs a JSON body signed with OAuth 1.0a and returns the JSON answer,
 * at most {@link RestletSettings#concurrency()} calls in flight per connection. Failures become
 * {@link AdaptorException}s the engine knows how to treat: 429 or {@code SSS_REQUEST_LIMIT_EXCEEDED}
 * {@code rate_limit} (with {@code Retry-After}), 5xx and network failures {@code intermittent},
 * 401/403 {@code connection} (the engine takes the connection offline), other refusals {@code value}.
 * Thread-safe; one per adaptor instance.
 */
final class RestletClient {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

  private final OkHttpClient http;
  private final Map<String, Semaphore> limits = new ConcurrentHashMap<>();

  RestletClient() {
    // a RESTlet may run for up to 5 minutes in NetSuite
    this.http = new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(30))
        .readTimeout(Duration.ofSeconds(330))
        .writeTimeout(Duration.ofSeconds(60))
        .retryOnConnectionFailure(false)
        .build();
  }

  /**
   * One call.
   *
   * @param s the connection's settings
   * @param body the request ({@code operation} and its fields)
   * @param what names the call in error messages, e.g. {@code "import 'i1'"}
   */
  JsonNode call(RestletSettings s, ObjectNode body, String what) throws AdaptorException {
    Semaphore limit = limits.computeIfAbsent(s.key(), k -> new Semaphore(s.concurrency(), true));
    try {
      limit.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AdaptorException("interrupted", what + " was interrupted", Classification.INTERMITTENT);
    }
    try {
      return send(s, body, what);
    } finally {
      limit.release();
    }
  }

  private JsonNode send(RestletSettings s, ObjectNode body, String what) throws AdaptorException {
    String operation = body.path("operation").asText();
    Request request = new Request.Builder()
        .url(s.url().toString())
        .header("Authorization", s.signer().authorization("POST", s.url(), List.of()))
        .header("Accept", "application/json")
        .post(RequestBody.create(body.toString(), JSON_TYPE))
        .build();
    String where = what + ": RESTlet " + operation + " call to " + s.url().getHost();
    try (Response response = http.newCall(request).execute()) {
      ResponseBody rb = response.body();
      String text = rb == null ? "" : rb.string();
      JsonNode json = parse(text);
      int status = response.code();
      if (status >= 200 && status < 300) {
        if (json == null || !json.isObject()) {
          throw new AdaptorException("parse", where + " answered " + status + " with a body that is "
              + "not a JSON object; is the Integrator RESTlet deployed at script/deploy "
              + s.url().getQuery() + "?", Classification.PARSE);
        }
        if (json.has("error")) {
          throw refused(status, json, where, response.header("Retry-After"));
        }
        return json;
      }
      throw refused(status, json, where, response.header("Retry-After"));
    } catch (IOException e) {
      throw new AdaptorException("unreachable", where + " failed: " + e.getMessage(),
          Classification.INTERMITTENT, null, e);
    }
  }

  private static JsonNode parse(String text) {
    try {
      return text.isBlank() ? null : JSON.readTree(text);
    } catch (IOException e) {
      return null;
    }
  }

  private static AdaptorException refused(int status, JsonNode json, String where, String retryAfter) {
    JsonNode err = json == null ? null : json.path("error");
    String code = err != null && err.has("code") ? err.get("code").asText() : Integer.toString(status);
    String message = err != null && err.has("message") ? err.get("message").asText() : "HTTP " + status;
    String text = where + " was refused with " + status + " " + code + ": " + message;
    if (status == 429 || "SSS_REQUEST_LIMIT_EXCEEDED".equals(code)) {
      return new AdaptorException(code, text + " (NetSuite's concurrency limit; lower "
          + "netsuite.concurrencyLevelRESTlet if it happens often)", Classification.RATE_LIMIT,
          retryAfter(retryAfter), null);
    }
    if (status == 401 || status == 403 || "INVALID_LOGIN_ATTEMPT".equals(code)) {
      return new AdaptorException(Integer.toString(status == 403 ? 403 : 401), text
          + "; check netsuite.account, tokenId, tokenSecret, the IClient's consumer key and secret,"
          + " and that the token's role may run the RESTlet", Classification.CONNECTION);
    }
    if (status >= 500) {
      return new AdaptorException(code, text, Classification.INTERMITTENT, retryAfter(retryAfter),
          null);
    }
    return new AdaptorException(code, text, Classification.VALUE);
  }

  private static Duration retryAfter(String header) {
    if (header == null) {
      return null;
    }
    try {
      return Duration.ofSeconds(Long.parseLong(header.trim()));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
