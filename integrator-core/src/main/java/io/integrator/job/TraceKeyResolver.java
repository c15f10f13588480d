package io.integrator.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.model.ResourceKind;
import io.integrator.store.JobQuery;
import io.integrator.store.ResourceStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Trace-key auto-resolve (REFERENCE §12 {@code traceKey}) for one import in one flow run: when the
 * run submits a record successfully, the open Job Errors with the same trace key left by
 * <em>earlier</em> runs of the same flow on the same import are set {@code resolved: true}, and the
 * {@code retriable} flag of their jobs (import job and flow job) is recomputed. Counters of the
 * earlier jobs do not move: the record is counted once, as a success, in the run that imported it.
 *
 * <p>The earlier errors are indexed once, at the first successful record with a trace key, from
 * the import jobs of this flow and import (at most {@link JobQuery#MAX_LIMIT} of them, newest
 * first). Errors of this run, rows of retry jobs and rows whose retry is running are left alone.
 */
public final class TraceKeyResolver {
  private final ResourceStore store;
  private final String flowId;
  private final String importId;
  private final String currentFlowJobId;
  private final Predicate<String> retryRunning;
  private Map<String, List<String[]>> open;

  /**
   * Creates a resolver.
   *
   * @param store the store
   * @param flowId the flow being run
   * @param importId the import
   * @param currentFlowJobId this run's flow job (errors of this run are never resolved here)
   * @param retryRunning true for a {@code _retryId} whose retry job is running now
   */
  public TraceKeyResolver(ResourceStore store, String flowId, String importId,
      String currentFlowJobId, Predicate<String> retryRunning) {
    this.store = store;
    this.flowId = flowId;
    this.importId = importId;
    this.currentFlowJobId = currentFlowJobId;
    this.retryRunning = retryRunning;
  }

  /**
   * Whether earlier runs of this flow left open errors that a success could resolve; when not,
   * callers need not compute trace keys at all (the common case, checked once per page).
   *
   * @return true when {@link #succeeded} may resolve something
   */
  public synchronized boolean hasOpenErrors() {
    if (flowId == null || importId == null) {
      return false;
    }
    if (open == null) {
      open = index();
    }
    return !open.isEmpty();
  }

  /**
   * Resolves the earlier open errors of records that have now succeeded.
   *
   * @param traceKeys trace keys of records this run submitted successfully (nulls are skipped)
   * @return the number of error rows resolved
   */
  public synchronized int succeeded(Collection<String> traceKeys) {
    if (flowId == null || importId == null || traceKeys.stream().allMatch(k -> k == null)) {
      return 0;
    }
    if (open == null) {
      open = index();
    }
    if (open.isEmpty()) {
      return 0;
    }
    int n = 0;
    Set<String> touchedJobs = new LinkedHashSet<>();
    for (String key : traceKeys) {
      List<String[]> rows = key == null ? null : open.remove(key);
      if (rows == null) {
        continue;
      }
      for (String[] row : rows) {
        ObjectNode e = store.find(ResourceKind.JOB_ERROR, row[0]).orElse(null);
        if (e == null || e.path("resolved").asBoolean(false) || e.path("resolve").asBoolean(false)
            || e.path("_retryId").isTextual() && retryRunning.test(e.get("_retryId").textValue())) {
          continue;
        }
        e.put("resolved", true);
        store.update(ResourceKind.JOB_ERROR, row[0], e);
        touchedJobs.add(row[1]);
        n++;
      }
    }
    Set<String> flowJobs = new LinkedHashSet<>();
    for (String jobId : touchedJobs) {
      Jobs.rollUp(store, jobId, 0, 0, 0);
      store.find(ResourceKind.JOB, jobId).map(j -> j.path("_flowJobId").asText(null))
          .filter(p -> p != null).ifPresent(flowJobs::add);
    }
    for (String f : flowJobs) {
      Jobs.rollUp(store, f, 0, 0, 0);
    }
    return n;
  }

  private Map<String, List<String[]>> index() {
    Map<String, List<String[]>> out = new HashMap<>();
    List<ObjectNode> jobs = store.listJobs(JobQuery.all().flowId(flowId).importId(importId)
        .type("import").limit(JobQuery.MAX_LIMIT));
    for (ObjectNode j : jobs) {
      String jobId = j.path("_id").asText();
      if (currentFlowJobId.equals(j.path("_flowJobId").asText(null))) {
        continue;
      }
      for (ObjectNode e : store.listJobErrors(jobId, true, Integer.MAX_VALUE)) {
        if (e.path("traceKey").isTextual()) {
          out.computeIfAbsent(e.get("traceKey").textValue(), k -> new ArrayList<>())
              .add(new String[] {e.get("_id").textValue(), jobId});
        }
      }
    }
    return out;
  }
}
