package io.integrator.netsuite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.WebhookException;
import io.integrator.spi.WebhookReceipt;
import io.integrator.spi.WebhookSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Receives the records that the user-event script of a realtime distributed export ({@code type:
 * distributed}, REFERENCE §3.9) pushes from NetSuite, and hands them to the engine's webhook queue
 * ({@code Integrator.webhooks()}), which runs every enabled flow whose page generator is the export.
 *
 * <p>Protocol: {@code POST <prefix>/<exportId>} with {@code Authorization: Bearer <token>} and a JSON
 * body {@code {recordType, executionContext, eventType, records: [...]}} (a bare array or a single
 * object are accepted too). The token must equal the export's {@code distributed.bearerToken}
 * (compared in constant time); anything else gets 401 and nothing enters the flow. Answers: 200 {@code
 * {"records": n, "flows": [...]}} once the records are durably queued; 400 for a body that is not
 * JSON records; 404 for an unknown export; 405 for other methods; 413 past the size cap; 503 when no
 * enabled flow uses the export (the script retries later). Thread-safe.
 *
 * <pre>{@code
 * DistributedListener listener = DistributedListener.builder(integrator.webhooks()).build();
 * try (DistributedServer server = DistributedServer.start(listener, "127.0.0.1", 8081)) {
 *   System.out.println(server.url(exportId)); // give it to the user-event script deployment
 * }
 * }</pre>
 */
public final class DistributedListener {
  private final WebhookSink sink;
  private final String prefix;
  private final long maxBodyBytes;

  private DistributedListener(Builder b) {
    this.sink = b.sink;
    this.prefix = b.prefix;
    this.maxBodyBytes = b.maxBodyBytes;
  }

  /**
   * @param sink the engine's webhook sink, {@code integrator.webhooks()}
   * @return a builder with prefix {@code /distributed} and a 10 MiB body cap
   */
  public static Builder builder(WebhookSink sink) {
    return new Builder(sink);
  }

  /** @return the path prefix, e.g. {@code /distributed} */
  public String prefix() {
    return prefix;
  }

  /** @return the largest body accepted, in bytes */
  public long maxBodyBytes() {
    return maxBodyBytes;
  }

  /**
   * An answer to send back.
   *
   * @param status the HTTP status
   * @param body the JSON body
   */
  public record Response(int status, String body) {}

  /**
   * Handles one request.
   *
   * @param method the HTTP method
   * @param path the request path, e.g. {@code /distributed/65a1...}
   * @param authorization the {@code Authorization} header, or null
   * @param body the raw body
   * @return what to answer
   */
  public Response handle(String method, String path, String authorization, byte[] body) {
    String exportId = path != null && path.startsWith(prefix + "/")
        ? path.substring(prefix.length() + 1) : "";
    if (exportId.isEmpty() || exportId.contains("/")) {
      return error(404, "not_found", "use POST " + prefix + "/<exportId>");
    }
    if (!"POST".equalsIgnoreCase(method)) {
      return error(405, "method_not_allowed", "the user-event script POSTs records; got " + method);
    }
    Optional<ObjectNode> export = sink.distributedExport(exportId);
    if (export.isEmpty()) {
      return error(404, "not_found", "no distributed export has the id '" + exportId + "'");
    }
    String expected = export.get().path("distributed").path("bearerToken").asText("");
    if (expected.isEmpty()) {
      return error(401, "unauthorized", "distributed export '" + exportId + "' has no "
          + "distributed.bearerToken; set one and give it to the NetSuite-side script");
    }
    if (!tokenMatches(authorization, expected)) {
      return error(401, "unauthorized", "the request to distributed export '" + exportId
          + "' has no bearer token or a wrong one");
    }
    if (body != null && body.length > maxBodyBytes) {
      return error(413, "too_large", "the body has " + body.length + " bytes; at most "
          + maxBodyBytes + " are accepted: push fewer records per request");
    }
    List<ObjectNode> records;
    try {
      records = records(body == null ? new byte[0] : body);
    } catch (IllegalArgumentException e) {
      return error(400, "invalid_body", e.getMessage());
    }
    try {
      WebhookReceipt r = sink.accept(exportId, records);
      ObjectNode ok = RestletClient.JSON.createObjectNode();
      ok.put("records", r.records());
      r.flowIds().forEach(ok.putArray("flows")::add);
      return new Response(200, ok.toString());
    } catch (WebhookException e) {
      return error(e.status(), e.code(), e.getMessage());
    }
  }

  /** The records of a body: {@code {records: [...]}}, a bare array, or one object. */
  static List<ObjectNode> records(byte[] body) {
    JsonNode json;
    try {
      json = RestletClient.JSON.readTree(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("the body is not JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
    }
    if (json == null || json.isMissingNode()) {
      throw new IllegalArgumentException("the body is empty; send {\"records\": [...]}");
    }
    JsonNode array = json.isArray() ? json : json.has("records") ? json.get("records") : null;
    List<ObjectNode> out = new ArrayList<>();
    if (array == null) {
      if (!(json instanceof ObjectNode o)) {
        throw new IllegalArgumentException("the body must be an object or an array of objects");
      }
      out.add(o);
      return out;
    }
    if (!array.isArray()) {
      throw new IllegalArgumentException("records must be an array of objects");
    }
    int i = 0;
    for (JsonNode r : array) {
      if (!(r instanceof ObjectNode o)) {
        throw new IllegalArgumentException("records[" + i + "] is not an object");
      }
      out.add(o);
      i++;
    }
    return out;
  }

  /** Constant time: compares SHA-256 digests, so neither content nor length leaks. */
  static boolean tokenMatches(String authorization, String expected) {
    if (authorization == null || authorization.length() < 7
        || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    String given = authorization.substring(7).trim();
    try {
      MessageDigest a = MessageDigest.getInstance("SHA-256");
      MessageDigest b = MessageDigest.getInstance("SHA-256");
      return MessageDigest.isEqual(a.digest(given.getBytes(StandardCharsets.UTF_8)),
          b.digest(expected.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static Response error(int status, String code, String message) {
    ObjectNode body = RestletClient.JSON.createObjectNode();
    body.putArray("errors").addObject().put("code", code).put("message", message);
    return new Response(status, body.toString());
  }

  /** Settings of a {@link DistributedListener}. */
  public static final class Builder {
    private final WebhookSink sink;
    private String prefix = "/distributed";
    private long maxBodyBytes = 10L * 1024 * 1024;

    private Builder(WebhookSink sink) {
      this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** @param prefix the path prefix (default {@code /distributed}), without a trailing slash */
    public Builder prefix(String prefix) {
      String p = Objects.requireNonNull(prefix, "prefix");
      this.prefix = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
      return this;
    }

    /** @param bytes the largest body accepted (default 10 MiB) */
    public Builder maxBodyBytes(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxBodyBytes must be positive, got " + bytes);
      }
      this.maxBodyBytes = bytes;
      return this;
    }

    /** @return the listener */
    public DistributedListener build() {
      return new DistributedListener(this);
    }
  }
}
