package io.integrator.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of submitting one record (REFERENCE §4.8): {@code {statusCode, id, _json,
 * errors[{code, message, source}], ignored}}.
 *
 * <p>Counting: {@link #ignored()} counts as ignored; a result with errors counts as an error (one
 * per record, one job error per error item); anything else is a success.
 *
 * @param statusCode 200 for success, 422 for a data error, the destination's status otherwise
 * @param id the destination record's id, or null
 * @param json the destination's response body for this record ({@code _json}), or null
 * @param errors the errors; empty for success and ignored records
 * @param ignored true when the record was skipped on purpose (ignoreExisting, ignoreMissing)
 * @param classification the job-error classification of a failure ({@link Classification}), or
 *     null to derive it from {@code statusCode} with {@link Classification#ofStatus}
 * @param retryAfter how long the destination asked to wait before this record is tried again
 */
public record SubmitResult(
    int statusCode,
    String id,
    JsonNode json,
    List<ErrorItem> errors,
    boolean ignored,
    String classification,
    Optional<Duration> retryAfter) {

  /** Copies the error list; fills in a classification for failures. */
  public SubmitResult {
    errors = errors == null ? List.of() : List.copyOf(errors);
    retryAfter = retryAfter == null ? Optional.empty() : retryAfter;
    if (classification == null && !errors.isEmpty()) {
      classification = Classification.ofStatus(statusCode);
    }
  }

  /** A successful result (status 200). */
  public static SubmitResult success(String id, JsonNode json) {
    return new SubmitResult(200, id, json, List.of(), false, null, Optional.empty());
  }

  /** An ignored record (status 200, {@code ignored: true}). */
  public static SubmitResult ignore(String id) {
    return new SubmitResult(200, id, null, List.of(), true, null, Optional.empty());
  }

  /** A failed record, classified by its status code. */
  public static SubmitResult failure(int statusCode, String code, String message) {
    return new SubmitResult(
        statusCode,
        null,
        null,
        List.of(new ErrorItem(code, message, "application")),
        false,
        null,
        Optional.empty());
  }

  /** A copy with another classification and an optional server-requested wait. */
  public SubmitResult classified(String classification, Duration retryAfter) {
    return new SubmitResult(
        statusCode, id, json, errors, ignored, classification, Optional.ofNullable(retryAfter));
  }

  /** True when the record failed (it has errors and was not ignored). */
  public boolean isError() {
    return !ignored && !errors.isEmpty();
  }

  /** True when the record succeeded (no errors, not ignored). */
  public boolean isSuccess() {
    return !ignored && errors.isEmpty();
  }

  /** The result as the API document writes it (hooks and standalone invocation see this). */
  public ObjectNode toJson() {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("statusCode", statusCode);
    if (id != null) {
      n.put("id", id);
    }
    if (json != null) {
      n.set("_json", json);
    }
    ArrayNode errs = n.putArray("errors");
    errors.forEach(e -> errs.add(e.toJson()));
    n.put("ignored", ignored);
    return n;
  }

  /**
   * Reads a result written as JSON (a postSubmit hook's answer).
   *
   * @throws IllegalArgumentException when the node is not an object or its errors are malformed
   */
  public static SubmitResult fromJson(JsonNode n) {
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("a response item must be an object, got " + n);
    }
    List<ErrorItem> errs = new ArrayList<>();
    JsonNode e = n.path("errors");
    if (e.isArray()) {
      e.forEach(item -> errs.add(ErrorItem.fromJson(item)));
    } else if (!e.isMissingNode() && !e.isNull()) {
      throw new IllegalArgumentException("errors must be an array, got " + e);
    }
    int status = n.path("statusCode").asInt(errs.isEmpty() ? 200 : 422);
    return new SubmitResult(
        status,
        n.path("id").isValueNode() && !n.path("id").isNull() ? n.get("id").asText() : null,
        n.get("_json"),
        errs,
        n.path("ignored").asBoolean(false),
        null,
        Optional.empty());
  }
}
