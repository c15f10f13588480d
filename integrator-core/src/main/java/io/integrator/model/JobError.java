package io.integrator.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Job Error (REFERENCE §12): one failed record, with what is needed to retry it. The input
 * spelling {@code resolve} is read as {@code resolved}.
 */
public final class JobError extends Resource {
  JobError(ObjectNode doc) {
    super(ResourceKind.JOB_ERROR, doc);
  }

  /** {@code _jobId}, or null. */
  public String jobId() {
    return text("_jobId");
  }

  /** {@code code} (a status as a string, or a symbolic code), or null. */
  public String code() {
    return text("code");
  }

  /** {@code message}, or null. */
  public String message() {
    return text("message");
  }

  /** {@code source} ({@code connection}, {@code application}, {@code mapping}, ...), or null. */
  public String source() {
    return text("source");
  }

  /** {@code classification} (extension), or null. */
  public String classification() {
    return text("classification");
  }

  /** {@code traceKey} (extension), or null. */
  public String traceKey() {
    return text("traceKey");
  }

  /** {@code _retryId}: the retry data pointer, or null when the error is not retriable. */
  public String retryId() {
    return text("_retryId");
  }

  /** {@code resolved}, default false. */
  public boolean isResolved() {
    return flag("resolved", false);
  }

  /** {@code retry} (already retried), default false. */
  public boolean isRetried() {
    return flag("retry", false);
  }

  /** True when the error has retry data and is not resolved. */
  public boolean isRetriable() {
    return retryId() != null && !isResolved();
  }

  /** {@code extracted} as a read-only copy, or MissingNode. */
  public JsonNode extracted() {
    return get("extracted");
  }
}
