package io.integrator.rest.webhook;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One inbound HTTP request as a host's server received it, for {@link WebhookListener#handle}.
 *
 * @param method the HTTP method ({@code POST}, {@code PUT}, {@code GET} for handshakes)
 * @param path the decoded request path, e.g. {@code /webhooks/orders-hook}
 * @param headers the request headers; names are matched without regard to case
 * @param query the raw (still percent-encoded) query string without {@code ?}, or null
 * @param body the request body, empty when there is none
 */
public record WebhookRequest(
    String method, String path, Map<String, List<String>> headers, String query, byte[] body) {

  /** Copies the headers into a case-insensitive map; null headers or body become empty. */
  public WebhookRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (headers != null) {
      headers.forEach((k, v) -> {
        if (k != null) {
          h.computeIfAbsent(k, x -> new java.util.ArrayList<>()).addAll(v == null ? List.of() : v);
        }
      });
    }
    headers = java.util.Collections.unmodifiableMap(h);
    body = body == null ? new byte[0] : body;
  }

  /** The first value of a header (any case), or null. */
  public String header(String name) {
    List<String> v = headers.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }
}
