package io.integrator.job;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.model.ResourceKind;
import io.integrator.store.ResourceStore;
import io.integrator.spi.ExportContext;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One job document being run: thread-safe counters, status lifecycle, and writes to the store.
 * Counters are written at every {@link #save()}, at most every {@value #PROGRESS_INTERVAL_MILLIS}
 * ms by {@link #progress()} (called once per page) and at {@link #finish}.
 */
public final class JobTracker {
  /** How stale the stored counters of a running job may get. */
  static final long PROGRESS_INTERVAL_MILLIS = 250;
  private static final long PROGRESS_INTERVAL_NANOS = PROGRESS_INTERVAL_MILLIS * 1_000_000;
  private final ResourceStore store;
  private final String id;
  private final ObjectNode doc;
  private final AtomicInteger numExport = new AtomicInteger();
  private final AtomicInteger numSuccess = new AtomicInteger();
  private final AtomicInteger numError = new AtomicInteger();
  private final AtomicInteger numIgnore = new AtomicInteger();
  private final AtomicInteger numPagesGenerated = new AtomicInteger();
  private final AtomicInteger numPagesProcessed = new AtomicInteger();
  private volatile String status;
  private volatile long queuedAt;
  private volatile long lastSaveNanos = System.nanoTime() - PROGRESS_INTERVAL_NANOS;

  private JobTracker(ResourceStore store, ObjectNode stored) {
    this.store = store;
    this.id = stored.get("_id").textValue();
    this.doc = stored;
    this.status = stored.path("status").asText();
  }

  /**
   * Creates a job document with status {@code queued}; {@link #running()} starts it.
   *
   * @param store where jobs live
   * @param type {@code flow} or {@code retry}
   * @param links {@code _flowId}, {@code _retryOfJobId}, ... (null values are left out)
   */
  public static JobTracker queue(ResourceStore store, String type, Map<String, String> links) {
    JobTracker t = start(store, type, links, -1);
    t.doc.remove("startedAt");
    t.queuedAt = System.currentTimeMillis();
    t.status(Jobs.QUEUED);
    return t;
  }

  /** Moves a queued job to {@code running}: sets {@code startedAt} and {@code queueTime}. */
  public synchronized void running() {
    long now = System.currentTimeMillis();
    long queued = queuedAt > 0 ? queuedAt : now;
    doc.put("startedAt", ExportContext.iso(Instant.ofEpochMilli(now)));
    doc.put("queueTime", Math.max(0, now - queued));
    if (Jobs.QUEUED.equals(status)) {
      status = Jobs.RUNNING;
    }
    save();
  }

  /**
   * Creates a job document with status {@code running} and {@code startedAt} now.
   *
   * @param store where jobs live
   * @param type {@code flow}, {@code export}, {@code import} or {@code retry}
   * @param links {@code _flowId}, {@code _exportId}, ... (null values are left out)
   * @param oIndex processor position for children, or -1
   */
  public static JobTracker start(
      ResourceStore store, String type, Map<String, String> links, int oIndex) {
    ObjectNode d = JsonNodeFactory.instance.objectNode();
    d.put("type", type);
    d.put("status", Jobs.RUNNING);
    links.forEach(
        (k, v) -> {
          if (v != null) {
            d.put(k, v);
          }
        });
    if (oIndex >= 0) {
      d.put("oIndex", oIndex);
    }
    d.put("startedAt", ExportContext.iso(Instant.now()));
    d.put("queueTime", 0);
    for (String c : Jobs.COUNTERS) {
      d.put(c, 0);
    }
    d.put("retriable", false);
    return new JobTracker(store, store.create(ResourceKind.JOB, d));
  }

  /** @return the job's {@code _id} */
  public String id() {
    return id;
  }

  /** @return the current status */
  public String status() {
    return status;
  }

  /** Adds to {@code numExport}. */
  public void exported(int n) {
    numExport.addAndGet(n);
  }

  /** Adds to the record outcome counters. */
  public void outcomes(int success, int ignore, int error) {
    numSuccess.addAndGet(success);
    numIgnore.addAndGet(ignore);
    numError.addAndGet(error);
  }

  /** Counts one page produced by the export. */
  public void pageGenerated() {
    numPagesGenerated.incrementAndGet();
  }

  /** Counts one page that went through its processors. */
  public void pageProcessed() {
    numPagesProcessed.incrementAndGet();
  }

  /** Sets a status such as {@code canceling} and saves. */
  public void status(String newStatus) {
    this.status = newStatus;
    save();
  }

  /**
   * Writes counters and status when the last write is at least {@value #PROGRESS_INTERVAL_MILLIS}
   * ms old: per-page progress, which would otherwise cost a store write per page and job.
   */
  public void progress() {
    if (System.nanoTime() - lastSaveNanos >= PROGRESS_INTERVAL_NANOS) {
      save();
    }
  }

  /** Writes counters and status to the store. */
  public synchronized void save() {
    lastSaveNanos = System.nanoTime();
    doc.put("status", status);
    doc.put("numExport", numExport.get());
    doc.put("numSuccess", numSuccess.get());
    doc.put("numError", numError.get());
    doc.put("numIgnore", numIgnore.get());
    doc.put("numPagesGenerated", numPagesGenerated.get());
    doc.put("numPagesProcessed", numPagesProcessed.get());
    ObjectNode saved = store.update(ResourceKind.JOB, id, doc);
    doc.put("lastModified", saved.path("lastModified").asText());
  }

  /**
   * Ends the job: status, {@code endedAt}, {@code retriable} (unresolved errors with retry data).
   *
   * @param finalStatus {@code completed}, {@code failed} or {@code canceled}
   * @return the stored document
   */
  public synchronized ObjectNode finish(String finalStatus) {
    this.status = finalStatus;
    doc.put("endedAt", ExportContext.iso(Instant.now()));
    doc.put("retriable", Jobs.hasRetriableErrors(store, id));
    save();
    return store.get(ResourceKind.JOB, id);
  }
}
