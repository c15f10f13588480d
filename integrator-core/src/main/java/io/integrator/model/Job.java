package io.integrator.model;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Job (REFERENCE §11): one run, with counters. Status spelling {@code cancelled} is read as
 * {@code canceled}. Counters default to 0.
 */
public final class Job extends Resource {
  Job(ObjectNode doc) {
    super(ResourceKind.JOB, doc);
  }

  /** {@code type} ({@code flow}, {@code export}, {@code import}, {@code retry}), or null. */
  public String type() {
    return text("type");
  }

  /** {@code status} ({@code queued}, {@code running}, {@code completed}, {@code failed}, {@code canceling}, {@code canceled}), or null. */
  public String status() {
    return text("status");
  }

  /** {@code numSuccess}, default 0. */
  public int numSuccess() {
    return integer("numSuccess", 0);
  }

  /** {@code numError}, default 0. */
  public int numError() {
    return integer("numError", 0);
  }

  /** {@code numIgnore}, default 0. */
  public int numIgnore() {
    return integer("numIgnore", 0);
  }

  /** {@code numExport}, default 0. */
  public int numExport() {
    return integer("numExport", 0);
  }

  /** {@code numPagesGenerated}, default 0. */
  public int numPagesGenerated() {
    return integer("numPagesGenerated", 0);
  }

  /** {@code numPagesProcessed}, default 0. */
  public int numPagesProcessed() {
    return integer("numPagesProcessed", 0);
  }

  /** {@code _flowId}, or null. */
  public String flowId() {
    return text("_flowId");
  }

  /** {@code _exportId}, or null. */
  public String exportId() {
    return text("_exportId");
  }

  /** {@code _importId}, or null. */
  public String importId() {
    return text("_importId");
  }

  /** {@code _flowJobId} (parent job of a child job), or null. */
  public String flowJobId() {
    return text("_flowJobId");
  }

  /** {@code _retryOfJobId}, or null. */
  public String retryOfJobId() {
    return text("_retryOfJobId");
  }

  /** {@code retriable}, default false. */
  public boolean isRetriable() {
    return flag("retriable", false);
  }
}
