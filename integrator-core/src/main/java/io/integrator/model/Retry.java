package io.integrator.model;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A Retry (REFERENCE §13): the stored payload a job error is retried with. */
public final class Retry extends Resource {
  Retry(ObjectNode doc) {
    super(ResourceKind.RETRY, doc);
  }

  /** {@code type} ({@code object}, {@code page}, {@code file}, {@code path}), or null. */
  public String type() {
    return text("type");
  }

  /** {@code _jobId}, or null. */
  public String jobId() {
    return text("_jobId");
  }

  /** {@code data.id}: the store key of the payload, or null. */
  public String dataId() {
    return text("data.id");
  }

  /** {@code data.host}, or null (empty for the engine's own store). */
  public String dataHost() {
    return text("data.host");
  }
}
