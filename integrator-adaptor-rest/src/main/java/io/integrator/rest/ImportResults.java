package io.integrator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.integrator.spi.AdaptorException;
import io.integrator.spi.Classification;
import io.integrator.spi.ErrorItem;
import io.integrator.spi.SubmitResult;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Turns the response to one import request into its {@link SubmitResult} (REFERENCE §4.3, §4.8).
 *
 * <ul>
 *   <li>2xx: success (status 200) with {@code _json} = the parsed body and {@code id} = the value
 *       at {@code responseIdPath} (absent: {@code id}, then {@code _id}). With {@code successPath}
 *       the value there must be truthy (or, with {@code successValues}, one of them); otherwise
 *       the record fails with status 422, code {@code unsuccessful}, classification {@code value}.
 *       A body that says "throttled" ({@code rateLimit.failPath}) is a {@code rate_limit} failure.
 *   <li>Other statuses: a failure with the status as {@code code} and {@code statusCode}, the
 *       server's message (its {@code message}/{@code errors[0].message}..., else the body text,
 *       shortened to {@value Responses#MAX_BODY_TEXT} characters), the classification of {@link
 *       Responses#classify} and the server's wait ({@code retryHeader}), so the engine retries
 *       429 and 5xx itself.
 *   <li>No response (timeout, reset, refused): status 0, classification {@code intermittent}
 *       (or {@code connection} for a failed token request).
 * </ul>
 */
final class ImportResults {
  private final ImportEndpoint endpoint;
  private final RestConnection connection;

  ImportResults(ImportEndpoint endpoint, RestConnection connection) {
    this.endpoint = endpoint;
    this.connection = connection;
  }

  /** Reads (and closes) a response. */
  SubmitResult read(Response response) {
    try (response) {
      if (!response.isSuccessful()) {
        AdaptorException a = Responses.failure(response, connection, endpoint.where);
        return failure(response.code(), a);
      }
      JsonNode body = parse(response.body());
      if (Responses.throttledByBody(body, connection)) {
        return throttled(response, body);
      }
      return evaluate(body);
    }
  }

  /**
   * Reads (and closes) the response to a batch request of {@code n} records: on a 2xx, the array
   * at {@code response.resourcePath} holds one result per record, in order, each evaluated like a
   * single response ({@code successPath}, {@code responseIdPath}, {@code _json} = that element).
   * A failed status fails every record of the batch alike; an answer without such an array, or
   * with another number of elements, fails every record with code {@code batch_response}
   * (classification {@code value}: the records may have been written, so they are not resent
   * blindly).
   */
  List<SubmitResult> readBatch(Response response, int n) {
    List<SubmitResult> out = new java.util.ArrayList<>(n);
    try (response) {
      if (!response.isSuccessful()) {
        SubmitResult r = failure(response.code(),
            Responses.failure(response, connection, endpoint.where));
        for (int i = 0; i < n; i++) {
          out.add(r);
        }
        return out;
      }
      JsonNode body = parse(response.body());
      if (Responses.throttledByBody(body, connection)) {
        SubmitResult r = throttled(response, body);
        for (int i = 0; i < n; i++) {
          out.add(r);
        }
        return out;
      }
      JsonNode results = JsonPaths.at(body, endpoint.batchResultsPath);
      if (!results.isArray() || results.size() != n) {
        SubmitResult r = new SubmitResult(422, null, body, List.of(new ErrorItem("batch_response",
            endpoint.where + ": the response to " + response.request().method() + " "
                + connection.safeUrl(response.request().url()) + " (" + n + " records) has "
                + (results.isArray() ? results.size() + " results" : "no array") + " at "
                + "response.resourcePath '" + endpoint.batchResultsPath + "'; expected one result"
                + " per record, in order", "application")), false, Classification.VALUE,
            Optional.empty());
        for (int i = 0; i < n; i++) {
          out.add(r);
        }
        return out;
      }
      for (JsonNode element : results) {
        out.add(evaluate(element));
      }
      return out;
    }
  }

  /** One 2xx result body: success unless {@code successPath} says otherwise. */
  private SubmitResult evaluate(JsonNode body) {
    if (endpoint.successPath != null && !successful(body)) {
      String found = JsonPaths.text(body, endpoint.successPath);
      return new SubmitResult(422, id(body), body, List.of(new ErrorItem("unsuccessful",
          endpoint.where + ": the response's " + endpoint.successPath + " is "
              + (found == null ? "missing" : "'" + Responses.excerpt(found) + "'")
              + (endpoint.successValues.isEmpty() ? ", not a true value"
                  : ", not one of " + endpoint.successValues)
              + messageOf(body), "application")), false, Classification.VALUE,
          Optional.empty());
    }
    return SubmitResult.success(id(body), body.isMissingNode() ? null : body);
  }

  private SubmitResult throttled(Response response, JsonNode body) {
    return new SubmitResult(response.code(), null, body,
        List.of(new ErrorItem(String.valueOf(response.code()), endpoint.where + ": "
            + response.request().method() + " " + connection.safeUrl(response.request().url())
            + " answered that it is throttled (rateLimit.failPath)", "application")),
        false, Classification.RATE_LIMIT,
        Responses.serverWait(response, connection.retryHeader()));
  }

  /** The result of a request that got no response. */
  SubmitResult failed(IOException e, okhttp3.Request request) {
    AdaptorException a = Responses.failure(e, connection, request.method(), request.url(),
        endpoint.where);
    return failure(0, a);
  }

  /** A record that could not be sent (its request could not be built). */
  static SubmitResult notSent(AdaptorException a) {
    int status = Classification.MISSING.equals(a.classification())
        || Classification.VALUE.equals(a.classification()) ? 422 : 0;
    return failure(status, a);
  }

  private static SubmitResult failure(int status, AdaptorException a) {
    String source = Classification.CONNECTION.equals(a.classification()) ? "connection"
        : "application";
    return new SubmitResult(status, null, null,
        List.of(new ErrorItem(a.code(), a.getMessage() == null ? a.code() : a.getMessage(),
            source)),
        false, a.classification(), a.retryAfter());
  }

  private boolean successful(JsonNode body) {
    if (endpoint.successValues.isEmpty()) {
      return JsonPaths.truthy(JsonPaths.at(body, endpoint.successPath));
    }
    String v = JsonPaths.text(body, endpoint.successPath);
    return v != null && endpoint.successValues.contains(v);
  }

  private String id(JsonNode body) {
    if (endpoint.responseIdPath != null) {
      return scalar(JsonPaths.at(body, endpoint.responseIdPath));
    }
    String id = scalar(body.path("id"));
    return id != null ? id : scalar(body.path("_id"));
  }

  private static String scalar(JsonNode n) {
    return n == null || !n.isValueNode() || n.isNull() || n.asText().isEmpty() ? null : n.asText();
  }

  private static String messageOf(JsonNode body) {
    String m = body.isMissingNode() ? "" : Responses.serverMessage(body.toString());
    return m.isEmpty() || m.equals(Responses.excerpt(body.toString())) ? "" : ": " + m;
  }

  private static JsonNode parse(ResponseBody body) {
    try {
      return Bodies.parseLenient(body);
    } catch (IOException e) {
      return MissingNode.getInstance();
    }
  }


}
