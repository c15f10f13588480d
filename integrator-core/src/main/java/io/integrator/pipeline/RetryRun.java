package io.integrator.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.job.ErrorRecorder;
import io.integrator.job.ErrorRow;
import io.integrator.job.JobTracker;
import io.integrator.job.Jobs;
import io.integrator.model.Import;
import io.integrator.model.Job;
import io.integrator.model.ResourceKind;
import io.integrator.model.Resources;
import io.integrator.spi.AdaptorException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A retry run (REFERENCE §13): a new job {@code type: retry} with {@code _retryOfJobId}, which
 * re-runs the failed records of a job through their import from preMap, with the current import
 * document and the (possibly edited) retry data. The export is skipped; no watermark or once flag
 * is touched.
 *
 * <p>A record that now succeeds or is ignored resolves every error row that shares its retry data
 * ({@code resolved: true, retry: true}) and moves the original job's counters ({@code numError}
 * down, {@code numSuccess}/{@code numIgnore} up, on the import job and on its flow job). A record
 * that fails again keeps its original rows open with {@code retry: true}, and its new errors are
 * added as rows of the retry job without retry data: retry the original job again to retry it.
 */
final class RetryRun {
  static final int CHUNK = 100;

  private final Engine engine;
  private final JobTracker job;
  private final ErrorRecorder errors;
  private final Map<String, List<ObjectNode>> rowsByRetryId;
  private final FlowRunHandle handle;

  private RetryRun(Engine engine, JobTracker job, Map<String, List<ObjectNode>> rows,
      FlowRunHandle handle) {
    this.engine = engine;
    this.job = job;
    this.errors = new ErrorRecorder(engine.store);
    this.rowsByRetryId = rows;
    this.handle = handle;
  }

  static FlowRunHandle start(Engine engine, String jobId, List<String> errorIds) {
    ObjectNode orig = engine.store.find(ResourceKind.JOB, jobId).orElseThrow(() ->
        new FlowRunException("not_found", "no job has the id '" + jobId + "'"));
    if ("retry".equals(orig.path("type").asText()) && orig.path("_retryOfJobId").isTextual()) {
      orig = engine.store.get(ResourceKind.JOB, orig.get("_retryOfJobId").textValue());
    }
    String origId = orig.get("_id").textValue();
    List<String> jobIds = new ArrayList<>();
    if ("flow".equals(orig.path("type").asText())) {
      for (ObjectNode c : Jobs.children(engine.store, origId)) {
        if ("import".equals(c.path("type").asText())) {
          jobIds.add(c.get("_id").textValue());
        }
      }
    } else {
      jobIds.add(origId);
    }
    Set<String> wanted = errorIds == null ? null : new HashSet<>(errorIds);
    Map<String, List<ObjectNode>> rows = new LinkedHashMap<>();
    Set<String> found = new HashSet<>();
    for (String j : jobIds) {
      for (ObjectNode e : engine.store.listJobErrors(j, true, Integer.MAX_VALUE)) {
        if (e.path("_retryId").isTextual()
            && (wanted == null || wanted.contains(e.get("_id").textValue()))) {
          rows.computeIfAbsent(e.get("_retryId").textValue(), k -> new ArrayList<>()).add(e);
          found.add(e.get("_id").textValue());
        }
      }
    }
    if (wanted != null && !found.containsAll(wanted)) {
      wanted.removeAll(found);
      throw new FlowRunException("not_retriable", "job errors " + wanted + " of job '" + origId
          + "' cannot be retried: they are resolved, carry no retry data, or belong to another job");
    }
    if (rows.isEmpty()) {
      throw new FlowRunException("not_retriable", "job '" + origId
          + "' has no unresolved errors with retry data");
    }
    List<String> claimed = new ArrayList<>();
    for (String r : rows.keySet()) {
      if (!engine.retriesRunning.add(r)) {
        engine.retriesRunning.removeAll(claimed);
        throw new FlowRunException("retry_running", "some of these errors are being retried "
            + "already; wait for that retry job to end");
      }
      claimed.add(r);
    }
    try {
      Map<String, String> links = new HashMap<>();
      links.put("_retryOfJobId", origId);
      links.put("_flowId", orig.path("_flowId").asText(null));
      links.put("_integrationId", orig.path("_integrationId").asText(null));
      JobTracker job = JobTracker.queue(engine.store, "retry", links);
      FlowRunHandle handle = new FlowRunHandle(job.id());
      handle.onCancel(() -> job.status(Jobs.CANCELING));
      engine.retryHandles.put(job.id(), handle);
      RetryRun run = new RetryRun(engine, job, rows, handle);
      Thread t = new Thread(run::run, "integrator-retry-" + origId);
      t.setDaemon(true);
      t.start();
      return handle;
    } catch (RuntimeException e) {
      engine.retriesRunning.removeAll(claimed);
      throw e;
    }
  }

  private void run() {
    String status = Jobs.COMPLETED;
    try {
      job.running();
      Map<String, List<String>> byImport = new LinkedHashMap<>();
      Map<String, ObjectNode> records = new HashMap<>();
      String flowId = null;
      for (String r : rowsByRetryId.keySet()) {
        ObjectNode payload = errors.retryData(r).orElse(null);
        if (payload == null || !payload.path("record").isObject()) {
          continue;
        }
        flowId = payload.path("_flowId").asText(null);
        byImport.computeIfAbsent(payload.path("_importId").asText(), k -> new ArrayList<>()).add(r);
        records.put(r, (ObjectNode) payload.get("record"));
      }
      for (Map.Entry<String, List<String>> e : byImport.entrySet()) {
        retryImport(e.getKey(), e.getValue(), records, flowId);
      }
      if (handle.isCanceled()) {
        status = Jobs.CANCELED;
      }
    } catch (FlowRunException | AdaptorException e) {
      status = Jobs.FAILED;
      errors.record(job.id(), List.of(ErrorRow.of(e instanceof AdaptorException a ? a.code()
          : ((FlowRunException) e).code(), e.getMessage(), "resource", null, false)), null, null);
    } catch (RuntimeException e) {
      status = Jobs.FAILED;
      errors.record(job.id(), List.of(ErrorRow.of("internal_error", "the retry failed: " + e,
          "internal", null, false)), null, null);
    } finally {
      engine.retriesRunning.removeAll(rowsByRetryId.keySet());
      engine.retryHandles.remove(job.id());
      try {
        handle.complete(Resources.of(Job.class, job.finish(status)));
      } catch (RuntimeException e) {
        handle.fail(e);
      }
    }
  }

  private void retryImport(String importId, List<String> retryIds,
      Map<String, ObjectNode> records, String flowId) throws AdaptorException {
    Import imp = engine.importDoc(importId);
    try (ImportPipeline pipeline = engine.importPipeline(imp, flowId, job.id(), false)) {
      for (int from = 0; from < retryIds.size() && !handle.isCanceled(); from += CHUNK) {
        List<String> ids = retryIds.subList(from, Math.min(retryIds.size(), from + CHUNK));
        List<ObjectNode> batch = ids.stream().map(r -> records.get(r).deepCopy()).toList();
        List<RecordOutcome> outcomes = pipeline.process(batch).join();
        int s = 0;
        int ig = 0;
        int er = 0;
        for (int k = 0; k < ids.size(); k++) {
          RecordOutcome o = outcomes.get(k);
          List<ObjectNode> old = rowsByRetryId.get(ids.get(k));
          boolean fixed = o.kind() != RecordOutcome.Kind.ERROR;
          for (ObjectNode row : old) {
            row.put("retry", true);
            if (fixed) {
              row.put("resolved", true);
            }
            engine.store.update(ResourceKind.JOB_ERROR, row.get("_id").textValue(), row);
          }
          if (!o.errors().isEmpty()) {
            List<ErrorRow> plain = o.errors().stream().map(x -> new ErrorRow(x.code(),
                x.message(), x.source(), x.classification(), false, x.extract(), x.generate(),
                x.extracted())).toList();
            errors.record(job.id(), plain, null, ErrorRecorder.traceKey(o.input()));
          }
          switch (o.kind()) {
            case SUCCESS -> s++;
            case IGNORE -> ig++;
            case ERROR -> er++;
          }
          if (fixed) {
            rollUp(old.get(0).path("_jobId").asText(), o.kind() == RecordOutcome.Kind.SUCCESS);
          }
        }
        job.exported(ids.size());
        job.outcomes(s, ig, er);
        job.pageProcessed();
        job.progress();
      }
      if (!handle.isCanceled()) {
        List<ErrorRow> rows = pipeline.finish();
        if (!rows.isEmpty()) {
          errors.record(job.id(), rows, null, null);
        }
      }
    }
  }

  private void rollUp(String origJobId, boolean success) {
    List<String> targets = new ArrayList<>();
    targets.add(origJobId);
    engine.store.find(ResourceKind.JOB, origJobId)
        .map(j -> j.path("_flowJobId").asText(null))
        .filter(p -> p != null)
        .ifPresent(targets::add);
    for (String t : targets) {
      Jobs.rollUp(engine.store, t, success ? 1 : 0, success ? 0 : 1, -1);
    }
  }
}
