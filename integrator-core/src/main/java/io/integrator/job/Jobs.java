package io.integrator.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.model.ResourceKind;
import io.integrator.store.JobQuery;
import io.integrator.store.ResourceStore;
import java.util.List;

/** Job statuses, counter names and small store helpers shared by the engine. */
public final class Jobs {
  /** Status of a job created but not started. */
  public static final String QUEUED = "queued";
  /** Status while running. */
  public static final String RUNNING = "running";
  /** The run reached its end (records may have failed). */
  public static final String COMPLETED = "completed";
  /** A fatal error stopped the run. */
  public static final String FAILED = "failed";
  /** Cancel requested; in-flight pages finish. */
  public static final String CANCELING = "canceling";
  /** The run was canceled. */
  public static final String CANCELED = "canceled";

  /** The counter fields of a job document. */
  public static final List<String> COUNTERS =
      List.of(
          "numExport",
          "numSuccess",
          "numError",
          "numIgnore",
          "numPagesGenerated",
          "numPagesProcessed");

  private Jobs() {}

  /**
   * True when the job, or one of its child jobs, has an unresolved error that carries retry data.
   */
  static boolean hasRetriableErrors(ResourceStore store, String jobId) {
    for (ObjectNode e : store.listJobErrors(jobId, true, Integer.MAX_VALUE)) {
      if (e.path("_retryId").isTextual()) {
        return true;
      }
    }
    for (ObjectNode c : children(store, jobId)) {
      String id = c.path("_id").asText();
      if (!id.equals(jobId) && hasRetriableErrors(store, id)) {
        return true;
      }
    }
    return false;
  }

  /** The child jobs of a flow job, oldest first as stored. */
  public static List<ObjectNode> children(ResourceStore store, String flowJobId) {
    return store.listJobs(JobQuery.all().flowJobId(flowJobId).limit(JobQuery.MAX_LIMIT));
  }

  /** Adds deltas to a stored job's counters and recomputes {@code retriable}. */
  public static synchronized void rollUp(
      ResourceStore store, String jobId, int success, int ignore, int error) {
    ObjectNode j = store.get(ResourceKind.JOB, jobId);
    j.put("numSuccess", j.path("numSuccess").asInt() + success);
    j.put("numIgnore", j.path("numIgnore").asInt() + ignore);
    j.put("numError", Math.max(0, j.path("numError").asInt() + error));
    j.put("retriable", hasRetriableErrors(store, jobId));
    store.update(ResourceKind.JOB, jobId, j);
  }
}
