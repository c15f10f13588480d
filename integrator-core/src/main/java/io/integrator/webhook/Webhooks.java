package io.integrator.webhook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.job.Jobs;
import io.integrator.model.Flow;
import io.integrator.model.Job;
import io.integrator.model.ResourceKind;
import io.integrator.model.Resources;
import io.integrator.pipeline.Engine;
import io.integrator.pipeline.FlowRunException;
import io.integrator.pipeline.FlowRunHandle;
import io.integrator.spi.ExportContext;
import io.integrator.spi.PageReader;
import io.integrator.spi.WebhookException;
import io.integrator.spi.WebhookReceipt;
import io.integrator.spi.WebhookSink;
import io.integrator.store.ResourceStore;
import io.integrator.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's side of webhook exports (REFERENCE §3.8), reached with {@code
 * Integrator.webhooks()}. A listener verifies and parses a request and calls {@link #accept}; this
 * class queues the records durably in the store, one payload per enabled flow whose page generator
 * is the export, and starts those flows. A flow run reads a webhook generator's pages from that
 * queue, so hooks, mapping, imports, job errors and retries work as for any export.
 *
 * <p>Runs are <b>batched per flow</b>: a run takes every payload queued for the flow when its
 * reader opens (oldest first, a page never mixing two requests). A request that arrives while the
 * flow runs is queued and picked up by a run started as soon as the current one ends. Payloads are
 * removed from the queue only when the run that read them <b>completes</b> (records that failed are
 * job errors by then, retriable as usual); after a failed or canceled run they stay queued and go
 * with the next run: the next request, or {@link #resume()}. Delivery is therefore at least once: a
 * run that fails half-way hands its payloads through again.
 *
 * <p>Thread-safe. See {@code docs/webhooks.md}.
 */
public final class Webhooks implements WebhookSink {
  private static final Logger LOG = LoggerFactory.getLogger(Webhooks.class);

  private final ResourceStore store;
  private final Engine engine;
  private final Map<String, RunState> runs = new ConcurrentHashMap<>();
  private final List<Consumer<Job>> listeners = new CopyOnWriteArrayList<>();
  /** Payloads read by runs that have not ended: another run must not read them again. */
  private final Set<Long> claimed = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /** What this class remembers of one flow run that reads (or may read) a webhook queue. */
  private static final class RunState {
    final String flowId;
    final Set<Long> served = ConcurrentHashMap.newKeySet();
    volatile long seen;
    volatile boolean notify;

    RunState(String flowId, long seen) {
      this.flowId = flowId;
      this.seen = seen;
    }
  }

  /**
   * Created by {@code Integrator}; hosts use {@code Integrator.webhooks()}. Registers itself as the
   * engine's reader of webhook generators.
   *
   * @param store where payloads are queued
   * @param engine the engine that runs the flows
   */
  public Webhooks(ResourceStore store, Engine engine) {
    this.store = store;
    this.engine = engine;
    engine.queueReaders(this::openReader);
  }

  /** {@inheritDoc} Only exports whose {@code type} is {@code webhook}. */
  @Override
  public Optional<ObjectNode> webhookExport(String exportId) {
    if (exportId == null || exportId.isEmpty() || exportId.length() > 255) {
      return Optional.empty();
    }
    return store.find(ResourceKind.EXPORT, exportId)
        .filter(e -> "webhook".equals(e.path("type").asText()));
  }

  /** {@inheritDoc} Only exports whose {@code type} is {@code distributed}. */
  @Override
  public Optional<ObjectNode> distributedExport(String exportId) {
    if (exportId == null || exportId.isEmpty() || exportId.length() > 255) {
      return Optional.empty();
    }
    return store.find(ResourceKind.EXPORT, exportId)
        .filter(e -> "distributed".equals(e.path("type").asText()));
  }

  /**
   * {@inheritDoc}
   *
   * <p>A request without records is acknowledged and queues nothing. A disabled flow does not
   * receive payloads; when no enabled flow uses the export the request is refused with {@code 503}
   * so that the sender tries again later.
   */
  @Override
  public WebhookReceipt accept(String exportId, List<ObjectNode> records) throws WebhookException {
    if (closed) {
      throw new WebhookException(503, "shutting_down",
          "the Integrator is shutting down; send the request again later", null);
    }
    if (webhookExport(exportId).isEmpty() && distributedExport(exportId).isEmpty()) {
      throw new WebhookException(404, "not_found",
          "no webhook or distributed export has the id '" + exportId + "'", null);
    }
    List<String> flowIds = flowsOf(exportId);
    if (flowIds.isEmpty()) {
      throw new WebhookException(503, "no_flow", "no enabled flow has webhook export '" + exportId
          + "' as a page generator; create or enable one, then send the request again", null);
    }
    if (records.isEmpty()) {
      return new WebhookReceipt(exportId, flowIds, 0);
    }
    ArrayNode array = JsonNodeFactory.instance.arrayNode(records.size());
    records.forEach(array::add);
    try {
      store.enqueueWebhook(exportId, flowIds, array);
    } catch (StoreException e) {
      throw new WebhookException(503, "store_failed", "the payload for webhook export '" + exportId
          + "' could not be queued (" + e.getMessage() + "); send the request again", e);
    }
    flowIds.forEach(this::kick);
    return new WebhookReceipt(exportId, flowIds, records.size());
  }

  /**
   * Starts a run of every enabled flow that has payloads queued, for example after a restart or
   * after fixing what made a run fail. A flow that is running already is left alone: its queue is
   * picked up when the run ends.
   *
   * @return the number of runs started
   */
  public int resume() {
    int started = 0;
    for (String flowId : store.webhookQueueFlows()) {
      if (isEnabled(flowId) && kick(flowId)) {
        started++;
      }
    }
    return started;
  }

  /**
   * Counts the payloads (requests) queued for a flow and not yet taken through by a completed run.
   *
   * @param flowId the flow's id
   * @return the number of queued payloads
   */
  public long pending(String flowId) {
    return store.countQueuedWebhooks(flowId);
  }

  /**
   * Registers a listener told of every flow run this class started, with its final flow job
   * (completed, failed or canceled); the command line prints job summaries with it. Listeners run
   * on the engine's threads and must be quick.
   *
   * @param listener receives each finished flow job
   */
  public void onJob(Consumer<Job> listener) {
    listeners.add(listener);
  }

  /** Stops accepting requests and starting runs; called when the Integrator closes. */
  public void close() {
    closed = true;
  }

  /** The enabled flows whose page generators include the export, in id order. */
  private List<String> flowsOf(String exportId) {
    List<String> out = new ArrayList<>();
    for (ObjectNode doc : store.list(ResourceKind.FLOW)) {
      Flow f = Resources.of(Flow.class, doc);
      if (!f.isDisabled() && f.pageGenerators().stream()
          .anyMatch(g -> exportId.equals(g.path("_exportId").asText()))) {
        out.add(f.id());
      }
    }
    out.sort(null);
    return out;
  }

  private boolean isEnabled(String flowId) {
    return store.find(ResourceKind.FLOW, flowId)
        .map(d -> !Resources.of(Flow.class, d).isDisabled()).orElse(false);
  }

  /** Starts a run of the flow, or queues one while it runs; true unless the flow cannot run. */
  private boolean kick(String flowId) {
    if (closed) {
      return false;
    }
    long seen = store.lastQueuedWebhook(flowId);
    FlowRunHandle handle;
    try {
      handle = engine.runFlowAsync(flowId);
    } catch (FlowRunException e) {
      LOG.warn("webhook payloads for flow {} stay queued: {}", flowId, e.getMessage());
      return false;
    }
    track(handle, flowId, seen, true);
    return true;
  }

  /** Remembers a run once, and what to do when it ends. */
  private RunState track(FlowRunHandle handle, String flowId, long seen, boolean notify) {
    boolean[] fresh = {false};
    RunState state = runs.computeIfAbsent(handle.jobId(), id -> {
      fresh[0] = true;
      return new RunState(flowId, seen);
    });
    synchronized (state) {
      state.seen = Math.max(state.seen, seen);
      state.notify |= notify;
    }
    if (fresh[0]) {
      handle.completion().whenComplete((job, failure) -> ended(handle.jobId(), state, job));
    }
    return state;
  }

  private void ended(String jobId, RunState state, Job job) {
    runs.remove(jobId);
    if (job == null) {
      return;
    }
    try {
      try {
        if (Jobs.COMPLETED.equals(job.status()) && !state.served.isEmpty()) {
          store.dequeueWebhooks(new ArrayList<>(state.served));
        }
      } finally {
        claimed.removeAll(state.served);
      }
      if (state.notify) {
        listeners.forEach(l -> l.accept(job));
      }
      // a run of the flow that started as this one ended (the queued one) reads what came since
      if (!Jobs.CANCELED.equals(job.status()) && !closed && !engine.isRunning(state.flowId)
          && store.lastQueuedWebhook(state.flowId) > state.seen) {
        kick(state.flowId);
      }
    } catch (RuntimeException e) {
      LOG.warn("after webhook run {} of flow {}: {}", jobId, state.flowId, e.toString());
    }
  }

  private PageReader openReader(String flowId, ObjectNode export, ExportContext context,
      FlowRunHandle run) {
    long max = store.lastQueuedWebhook(flowId);
    RunState state = track(run, flowId, max, false);
    return new QueueReader(store, flowId, export.path("_id").asText(), max, context.pageSize(),
        context::isCanceled, seq -> {
          state.served.add(seq);
          claimed.add(seq);
        }, claimed::contains);
  }
}
