package io.integrator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.integrator.spi.PingResult;
import java.io.IOException;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Pings a REST connection (REFERENCE §2.2): one request to the ping URI with the connection's
 * headers and credentials, no retries.
 *
 * <ul>
 *   <li>No ping URI: success without a request (nothing to test; the first real request shows
 *       whether the connection works).
 *   <li>No answer: failure {@code unreachable} / {@code timeout}; a refused token request:
 *       failure with the token endpoint's status.
 *   <li>401 or 403: failure with that code, "credentials refused"; any other non-2xx: failure
 *       with the status and the server's message.
 *   <li>2xx: {@code failPath} holding one of {@code failValues} (or any value when none are
 *       listed) fails with the message at {@code errorPath}; then, when {@code successPath} is
 *       set, its value must be one of {@code successValues} (exact string match) or, without
 *       values, truthy ({@code true}, non-zero, a non-empty string other than {@code "false"}).
 * </ul>
 */
final class Pinger {
  private Pinger() {}

  static PingResult ping(RestConnection c, OkHttpClient client) {
    PingSettings p = c.ping();
    if (p.relativeUri() == null) {
      return PingResult.success();
    }
    Request request;
    try {
      JsonNode context = JsonNodeFactory.instance.objectNode().set("connection", c.document());
      String rel = RequestTemplate.renderUrl(p.relativeUri(), context, c.describe() + " ping URI");
      Request.Builder b = new Request.Builder().url(c.resolve(rel))
          .header("Accept", "application/json");
      for (Map.Entry<String, String> h : c.headers().entrySet()) {
        b.header(h.getKey(), RequestTemplate.renderText(h.getValue(), context,
            c.describe() + " " + c.section() + ".headers." + h.getKey()));
      }
      RequestBody body = null;
      if (p.method().equals("POST") || p.method().equals("PUT")) {
        body = p.body() == null ? Bodies.encode(null, c.bodyType())
            : Bodies.encode(RequestTemplate.renderTree(p.body(), context, c.describe()
                + " ping.body"), c.bodyType());
      }
      request = b.method(p.method(), body).build();
    } catch (io.integrator.spi.AdaptorException e) {
      return PingResult.failure(e.code(), e.getMessage());
    }
    String what = c.describe() + " ping " + request.method() + " " + c.safeUrl(request.url());
    try (Response r = client.newCall(request).execute()) {
      if (r.code() == 401 || r.code() == 403) {
        return PingResult.failure(String.valueOf(r.code()), what + " was refused with "
            + r.code() + " " + Responses.serverMessage(Responses.bodyText(r))
            + "; check the connection's credentials");
      }
      if (!r.isSuccessful()) {
        String msg = Responses.serverMessage(Responses.bodyText(r));
        return PingResult.failure(String.valueOf(r.code()), what + " answered " + r.code()
            + (msg.isEmpty() ? "" : ": " + msg));
      }
      if (p.failPath() == null && p.successPath() == null) {
        return PingResult.success();
      }
      JsonNode body;
      try {
        body = Bodies.parse(r.body());
      } catch (IOException e) {
        return PingResult.failure("parse", what + " answered a body that could not be parsed: "
            + e.getMessage());
      }
      if (p.failPath() != null) {
        String v = JsonPaths.text(body, p.failPath());
        if (v != null && (p.failValues().isEmpty() || p.failValues().contains(v))) {
          String err = p.errorPath() == null ? null : JsonPaths.text(body, p.errorPath());
          return PingResult.failure("ping_failed", what + " reported failure at " + p.failPath()
              + " = '" + v + "'" + (err == null ? "" : ": " + err));
        }
      }
      if (p.successPath() != null) {
        JsonNode v = JsonPaths.at(body, p.successPath());
        boolean ok = p.successValues().isEmpty() ? JsonPaths.truthy(v)
            : p.successValues().contains(JsonPaths.text(body, p.successPath()));
        if (!ok) {
          String err = p.errorPath() == null ? null : JsonPaths.text(body, p.errorPath());
          return PingResult.failure("ping_failed", what + ": " + p.successPath() + " is "
              + (v.isMissingNode() ? "missing" : "'" + JsonPaths.text(body, p.successPath()) + "'")
              + (p.successValues().isEmpty() ? ", not a true value"
                  : ", not one of " + p.successValues())
              + (err == null ? "" : ": " + err));
        }
      }
      return PingResult.success();
    } catch (IOException e) {
      return PingResult.failure(Responses.code(e), what + " failed: " + (e.getMessage() == null
          ? e.getClass().getSimpleName() : e.getMessage()));
    }
  }
}
