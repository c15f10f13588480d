package io.integrator.rest.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.WebhookException;
import io.integrator.spi.WebhookReceipt;
import io.integrator.spi.WebhookSink;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers inbound requests for webhook exports (REFERENCE §3.8). It has no HTTP server of its own
 * and no servlet dependency: a host calls {@link #handle(WebhookRequest)} from its own server (or
 * {@link #handle(String, String, Map, String, InputStream)} to stream the body in with the size
 * cap applied), or starts a {@link WebhookServer} around it.
 *
 * <pre>{@code
 * WebhookListener listener = WebhookListener.builder(integrator.webhooks()).build();
 * // in the host's route for POST/PUT/GET /webhooks/*:
 * WebhookResponse r = listener.handle(new WebhookRequest(method, path, headers, rawQuery, body));
 * }</pre>
 *
 * <p>URLs: {@code <prefix>/{exportId}} and, for {@code verify: secret_url}, {@code
 * <prefix>/{exportId}/{token}} ({@code prefix} defaults to {@code /webhooks}). Per request, in this
 * order: the route (404), the method (405: POST and PUT carry records, GET only a handshake), the
 * body size cap (413), the export (404), a challenge handshake (answered before verification, queues
 * nothing), verification of URL, headers, query and raw body (401 with an error body, nothing enters
 * a flow), parsing (400, 415), a token in the body (401), then
 * the records go to the {@link WebhookSink}, which returns once they are durably queued, and the
 * configured success response is sent (204 by default). Errors use the API's body {@code
 * {"errors":[{"code","message"}]}}. Thread-safe; see {@code docs/webhooks.md}.
 */
public final class WebhookListener {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookListener.class);

  /** The default body size cap: 10 MiB. */
  public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;

  private final WebhookSink sink;
  private final String prefix;
  private final long maxBodyBytes;

  private WebhookListener(Builder b) {
    this.sink = b.sink;
    this.prefix = b.prefix;
    this.maxBodyBytes = b.maxBodyBytes;
  }

  /**
   * Starts configuring a listener.
   *
   * @param sink where verified records go, usually {@code Integrator.webhooks()}
   */
  public static Builder builder(WebhookSink sink) {
    return new Builder(sink);
  }

  /** The path prefix, e.g. {@code /webhooks}. */
  public String prefix() {
    return prefix;
  }

  /** The body size cap in bytes. */
  public long maxBodyBytes() {
    return maxBodyBytes;
  }

  /** The path of an export's URL: {@code <prefix>/{exportId}}, plus {@code /{token}} for secret_url. */
  public String path(String exportId) {
    return prefix + "/" + exportId;
  }

  /**
   * Handles a request whose body is still a stream: reads at most {@link #maxBodyBytes()} bytes
   * (a larger body, or a larger {@code Content-Length}, is answered 413 without reading it all).
   *
   * @param method the HTTP method
   * @param path the decoded request path
   * @param headers the request headers
   * @param query the raw query string, or null
   * @param body the body stream; the caller closes it
   * @return the response to send
   */
  public WebhookResponse handle(String method, String path, Map<String, List<String>> headers,
      String query, InputStream body) {
    WebhookRequest head = new WebhookRequest(method, path, headers, query, null);
    String length = head.header("Content-Length");
    if (length != null) {
      try {
        if (Long.parseLong(length.trim()) > maxBodyBytes) {
          return tooLarge();
        }
      } catch (NumberFormatException e) {
        return Responses.error(400, "bad_request", "Content-Length '" + length + "' is not a number");
      }
    }
    byte[] bytes;
    try {
      bytes = body == null ? new byte[0] : body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8,
          maxBodyBytes + 1));
    } catch (IOException e) {
      return Responses.error(400, "bad_request", "the body could not be read: " + e.getMessage());
    }
    if (bytes.length > maxBodyBytes) {
      return tooLarge();
    }
    return handle(new WebhookRequest(method, path, head.headers(), query, bytes));
  }

  /**
   * Handles one request.
   *
   * @param request the request with its whole body
   * @return the response to send; never null, never throws for bad input
   */
  public WebhookResponse handle(WebhookRequest request) {
    try {
      return route(request);
    } catch (RuntimeException e) {
      LOG.warn("webhook request {} {} failed: {}", request.method(), request.path(), e.toString());
      return Responses.error(500, "internal_error", "the request could not be handled; try again");
    }
  }

  private WebhookResponse route(WebhookRequest req) {
    String path = req.path();
    if (!path.startsWith(prefix + "/")) {
      return notFound(path);
    }
    String[] parts = path.substring(prefix.length() + 1).split("/", -1);
    if (parts.length > 2 || parts[0].isEmpty() || (parts.length == 2 && parts[1].isEmpty())) {
      return notFound(path);
    }
    String method = req.method().toUpperCase(Locale.ROOT);
    if (!method.equals("POST") && !method.equals("PUT") && !method.equals("GET")) {
      WebhookResponse r = Responses.error(405, "method_not_allowed",
          "webhooks accept POST and PUT (GET only for a challenge handshake), not " + method);
      Map<String, String> h = new java.util.LinkedHashMap<>(r.headers());
      h.put("Allow", "POST, PUT, GET");
      return new WebhookResponse(405, h, r.body());
    }
    if (req.body().length > maxBodyBytes) {
      return tooLarge();
    }
    String exportId = parts[0];
    Optional<ObjectNode> export = sink.webhookExport(exportId);
    if (export.isEmpty()) {
      return notFound(path);
    }
    JsonNode w = export.get().path("webhook");
    boolean secretUrl = "secret_url".equals(Verification.verify(w));
    if (parts.length == 2 && !secretUrl) {
      return notFound(path);
    }
    String urlToken = parts.length == 2 ? parts[1] : null;
    JsonNode payload;
    BodyParser.Unreadable unreadable = null;
    try {
      String mediaType = BodyParser.mediaType(w.path("requestMediaType").asText(null),
          req.header("Content-Type"));
      payload = BodyParser.parse(mediaType, req.body());
    } catch (BodyParser.Unreadable e) {
      unreadable = e;
      payload = JsonNodeFactory.instance.objectNode(); // a handshake may come without a usable body
    }
    String challenge = challenge(w, req, payload);
    if (challenge != null) {
      if (secretUrl && (urlToken == null || !Verification.same(urlToken, w.path("token").asText("")))) {
        return unauthorized(exportId, "the URL does not carry this export's secret");
      }
      ObjectNode ctx = context(exportId, payload, req);
      ctx.put("challenge", challenge);
      return Responses.configured(w, "challenge", 200, ctx);
    }
    if (method.equals("GET")) {
      return Responses.error(405, "method_not_allowed", "webhook export '" + exportId
          + "' takes records by POST or PUT; a GET is only answered as a challenge handshake");
    }
    try {
      Verification.beforeParse(w, req, urlToken);
      if (unreadable != null) {
        return Responses.error(unreadable.status, unreadable.code, "webhook export '" + exportId
            + "': " + unreadable.getMessage());
      }
      Verification.afterParse(w, payload);
    } catch (Verification.Failed e) {
      return unauthorized(exportId, e.getMessage());
    }
    List<ObjectNode> records = RecordPicker.records(w, payload);
    if (records.isEmpty() && !w.path("pathToRecords").asText("").isBlank()) {
      LOG.warn("webhook export {}: the request has nothing at pathToRecords '{}'; no records queued",
          exportId, w.path("pathToRecords").asText());
    }
    WebhookReceipt receipt;
    try {
      receipt = sink.accept(exportId, records);
    } catch (WebhookException e) {
      return Responses.error(e.status(), e.code(), e.getMessage());
    }
    ObjectNode ctx = context(exportId, payload, req);
    ctx.put("records", receipt.records());
    receipt.flowIds().forEach(ctx.putArray("flowIds")::add);
    return Responses.configured(w, "success", 204, ctx);
  }

  /**
   * The challenge value when the export answers handshakes ({@code challengeSuccessBody} is set)
   * and the request carries one: a top-level {@code challenge} field of the body, or the query
   * parameter {@code challenge}, {@code hub.challenge} or {@code validationToken}.
   */
  private static String challenge(JsonNode w, WebhookRequest req, JsonNode payload) {
    if (!w.has("challengeSuccessBody")) {
      return null;
    }
    if (payload != null && payload.path("challenge").isValueNode()) {
      return payload.path("challenge").asText();
    }
    Query q = Query.parse(req.query());
    for (String name : List.of("challenge", "hub.challenge", "validationToken")) {
      if (q.first(name) != null) {
        return q.first(name);
      }
    }
    return null;
  }

  private static ObjectNode context(String exportId, JsonNode payload, WebhookRequest req) {
    ObjectNode ctx = JsonNodeFactory.instance.objectNode();
    ctx.put("exportId", exportId);
    ctx.set("body", payload);
    ObjectNode q = ctx.putObject("query");
    Query.parse(req.query()).all().forEach((k, v) -> q.put(k, v.get(0)));
    return ctx;
  }

  private static WebhookResponse unauthorized(String exportId, String reason) {
    LOG.warn("webhook export {}: request refused: {}", exportId, reason);
    return Responses.error(401, "unauthorized", "webhook verification failed: " + reason);
  }

  private static WebhookResponse notFound(String path) {
    return Responses.error(404, "not_found", "no webhook listens at " + path);
  }

  private WebhookResponse tooLarge() {
    return Responses.error(413, "payload_too_large", "the body is larger than the listener's limit"
        + " of " + maxBodyBytes + " bytes; send smaller batches");
  }

  /** Configures a {@link WebhookListener}. */
  public static final class Builder {
    private final WebhookSink sink;
    private String prefix = "/webhooks";
    private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;

    private Builder(WebhookSink sink) {
      this.sink = Objects.requireNonNull(sink, "sink");
    }

    /**
     * The path prefix of every webhook URL, default {@code /webhooks}.
     *
     * @param prefix a path starting with {@code /}, without a trailing {@code /}
     */
    public Builder prefix(String prefix) {
      if (prefix == null || !prefix.startsWith("/") || prefix.endsWith("/")) {
        throw new IllegalArgumentException("a webhook path prefix starts with / and does not end"
            + " with / (e.g. /webhooks), got '" + prefix + "'");
      }
      this.prefix = prefix;
      return this;
    }

    /**
     * The largest body accepted, default {@link #DEFAULT_MAX_BODY_BYTES} (10 MiB); larger ones
     * are answered 413.
     *
     * @param bytes at least 1
     */
    public Builder maxBodyBytes(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("the webhook body limit must be at least 1 byte, got "
            + bytes);
      }
      this.maxBodyBytes = bytes;
      return this;
    }

    /** Builds the listener. */
    public WebhookListener build() {
      return new WebhookListener(this);
    }
  }
}
