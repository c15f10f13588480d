package io.integrator.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.hook.HookCalls;
import io.integrator.hook.HookRef;
import io.integrator.hook.HookRegistry;
import io.integrator.lookup.LookupResolver;
import io.integrator.mapping.Mapping;
import io.integrator.mapping.MappingDefinitionException;
import io.integrator.model.Connection;
import io.integrator.model.Export;
import io.integrator.model.IClient;
import io.integrator.model.Import;
import io.integrator.model.ResourceKind;
import io.integrator.model.Resources;
import io.integrator.spi.Adaptor;
import io.integrator.spi.AdaptorException;
import io.integrator.spi.ExportContext;
import io.integrator.spi.ExportState;
import io.integrator.spi.HookContext;
import io.integrator.spi.ImportContext;
import io.integrator.spi.PingResult;
import io.integrator.spi.PostAggregateHook;
import io.integrator.spi.PostMapHook;
import io.integrator.spi.PostSubmitHook;
import io.integrator.spi.PreMapHook;
import io.integrator.spi.RecordWriter;
import io.integrator.store.ResourceStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run-time side of an {@code Integrator}: thread pools, per-connection limits, running flows,
 * and the building blocks flow runs, retries and standalone calls share. Hosts use it through
 * {@code Integrator}; it is public only because the facade lives in another package.
 */
public final class Engine implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
  /** Run-state scope prefix of delta watermarks; the key is the export id. */
  public static final String DELTA_SCOPE_PREFIX = "delta:";
  /** Default {@code maxAttempts} of an import. */
  public static final int DEFAULT_MAX_ATTEMPTS = 3;

  final ResourceStore store;
  final HookRegistry hooks;
  final HookCalls hookCalls;
  final ExecutorService workers;
  final ScheduledExecutorService timer;
  final Backoff backoff;
  final int pagesInFlight;
  private final Function<String, Optional<Adaptor>> adaptors;
  private final Map<String, AsyncLimiter> limiters = new ConcurrentHashMap<>();
  final Map<String, FlowRunHandle> running = new ConcurrentHashMap<>();
  /** Per flow, the one run waiting for the running one to end (later triggers merge into it). */
  final Map<String, FlowRun.Queued> queued = new ConcurrentHashMap<>();
  /** Guards moves between {@link #running} and {@link #queued}, and {@link #closed}. */
  final Object runLock = new Object();
  /** Set by {@link #close()}: no run starts any more, queued ones end canceled. */
  volatile boolean closed;
  final java.util.Set<String> retriesRunning = ConcurrentHashMap.newKeySet();
  final Map<String, FlowRunHandle> retryHandles = new ConcurrentHashMap<>();

  /**
   * Creates an engine.
   *
   * @param store resources and run state
   * @param adaptors finds the adaptor of a connection type
   * @param hooks the hook registry
   * @param workerThreads threads for hooks, mapping and adaptor calls
   * @param pagesInFlight pages of one flow run processed at once (1 with {@code preserveOrder})
   * @param backoff waits between attempts of transient failures
   * @param hookTimeout the most one hook call may take
   */
  public Engine(ResourceStore store, Function<String, Optional<Adaptor>> adaptors,
      HookRegistry hooks, int workerThreads, int pagesInFlight, Backoff backoff,
      java.time.Duration hookTimeout) {
    this.store = store;
    this.adaptors = adaptors;
    this.hooks = hooks;
    this.hookCalls = new HookCalls(hookTimeout);
    this.backoff = backoff;
    this.pagesInFlight = Math.max(1, pagesInFlight);
    AtomicInteger n = new AtomicInteger();
    this.workers = Executors.newFixedThreadPool(Math.max(1, workerThreads), r -> {
      Thread t = new Thread(r, "integrator-worker-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "integrator-retry-timer");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Opens the page reader of a generator export that has no connection of its own (a webhook
   * export reads the payloads queued for the flow). Set once by the facade's webhook service.
   */
  @FunctionalInterface
  public interface QueueReaders {
    /**
     * Opens the reader of one webhook export for one flow run.
     *
     * @param flowId the running flow
     * @param export the webhook export document
     * @param context the export context (page size, cancel signal)
     * @param run the run's handle (its job id and completion)
     * @return a reader over the payloads queued for the flow
     * @throws AdaptorException when the queue cannot be read
     */
    io.integrator.spi.PageReader open(String flowId, ObjectNode export, ExportContext context,
        FlowRunHandle run) throws AdaptorException;
  }

  private volatile QueueReaders queueReaders;

  /** Sets where flow runs read the pages of webhook exports; see {@code Integrator.webhooks()}. */
  public void queueReaders(QueueReaders readers) {
    this.queueReaders = readers;
  }

  io.integrator.spi.PageReader queueReader(String flowId, Export export, ExportContext ctx,
      FlowRunHandle run) throws AdaptorException {
    QueueReaders r = queueReaders;
    if (r == null) {
      throw new AdaptorException("unsupported", "export '" + export.id() + "' is a pushed ("
          + export.type() + ") export and this engine has no webhook queue", io.integrator.spi.Classification.VALUE);
    }
    return r.open(flowId, export.json(), ctx, run);
  }

  /** Starts a flow run on its own thread; see {@code Integrator.runFlowAsync}. */
  public FlowRunHandle runFlowAsync(String flowId) {
    return FlowRun.start(this, flowId);
  }

  /** True while a run of the flow is going on (a queued one waits for it). */
  public boolean isRunning(String flowId) {
    return running.containsKey(flowId);
  }

  /** Re-runs failed records; see {@code Integrator.retry}. */
  public FlowRunHandle retryAsync(String jobId, List<String> errorIds) {
    return RetryRun.start(this, jobId, errorIds);
  }

  /**
   * Cancels a running flow job or retry job by its id.
   *
   * @return true when a running job had that id
   */
  public boolean cancel(String jobId) {
    FlowRunHandle h = retryHandles.get(jobId);
    if (h == null) {
      h = running.values().stream().filter(x -> x.jobId().equals(jobId)).findFirst().orElse(null);
    }
    if (h == null) {
      h = queued.values().stream().map(FlowRun.Queued::handle)
          .filter(x -> x.jobId().equals(jobId)).findFirst().orElse(null);
    }
    if (h == null) {
      return false;
    }
    h.cancel();
    return true;
  }

  /** Reads an export's records without a job; see {@code Integrator.invokeExport}. */
  public List<ObjectNode> invokeExport(String idOrApiIdentifier, int limit, ObjectNode data) {
    return Standalone.invokeExport(this, idOrApiIdentifier, limit, data);
  }

  /** Reads an unsaved export in test mode; see {@code Integrator.preview}. */
  public List<ObjectNode> preview(ObjectNode exportDocument) {
    return Standalone.preview(this, exportDocument);
  }

  /** Runs records through an import without a job; see {@code Integrator.invokeImport}. */
  public List<io.integrator.spi.SubmitResult> invokeImport(String idOrApiIdentifier,
      List<ObjectNode> records) {
    return Standalone.invokeImport(this, idOrApiIdentifier, records);
  }

  /** The committed watermark of an export in a flow, if any. */
  public Optional<Instant> watermark(String flowId, String exportId) {
    return store.getState(DELTA_SCOPE_PREFIX + flowId, exportId)
        .map(n -> n.path("currentExportDateTime").asText(null))
        .filter(s -> s != null)
        .map(Instant::parse);
  }

  void commitWatermark(String flowId, String exportId, Instant current) {
    ObjectNode v = JsonNodeFactory.instance.objectNode();
    v.put("currentExportDateTime", ExportContext.iso(current));
    store.putState(DELTA_SCOPE_PREFIX + flowId, exportId, v);
  }

  /**
   * The lower bound of the delta window: the last committed watermark minus {@code
   * delta.lagOffset} ms, else {@code delta.startDate} as is, else none.
   */
  Optional<Instant> lowerBound(String flowId, Export export) {
    Optional<Instant> w = flowId == null ? Optional.empty() : watermark(flowId, export.id());
    if (w.isPresent()) {
      long lag = export.section("delta").path("lagOffset").asLong(0);
      return Optional.of(w.get().minusMillis(lag));
    }
    String start = export.section("delta").path("startDate").asText(null);
    if (start == null || start.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(start));
    } catch (RuntimeException notInstant) {
      try {
        return Optional.of(LocalDate.parse(start).atStartOfDay(ZoneOffset.UTC).toInstant());
      } catch (RuntimeException bad) {
        throw new FlowRunException("invalid_start_date", "export '" + export.id()
            + "' delta.startDate '" + start + "' is not ISO-8601 (2024-01-31T00:00:00.000Z)");
      }
    }
  }

  static boolean isDelta(Export e) {
    return "delta".equals(e.type()) || "tranlinedelta".equals(e.type());
  }

  /**
   * Builds the context an adaptor reads an export with.
   *
   * @param flowId the flow (delta watermark scope), or null for standalone calls
   * @param limit record limit, 0 for none
   * @param testMode whether the run may write state
   */
  ExportContext exportContext(Export export, String flowId, int limit, ObjectNode data,
      boolean testMode, java.util.function.BooleanSupplier canceled) {
    Optional<Instant> last = Optional.empty();
    Optional<Instant> current = Optional.empty();
    if (isDelta(export)) {
      current = Optional.of(Instant.now().truncatedTo(ChronoUnit.MILLIS));
      last = lowerBound(flowId, export);
    }
    return new ExportContext(export.json(), connectionDocument(export.connectionId()), last,
        current, limit, data, testMode, canceled, exportState(export.id()),
        distributedExport(export.id()));
  }

  /** The export's distributed sub-document, or null when it has none (or no id). */
  private ObjectNode distributedExport(String exportId) {
    if (exportId == null || exportId.isBlank()) {
      return null;
    }
    try {
      return store.getDistributed(ResourceKind.EXPORT, exportId);
    } catch (io.integrator.store.ResourceNotFoundException e) {
      return null;
    }
  }

  /**
   * True for exports whose records are pushed to the engine and read from its webhook queue:
   * {@code type: webhook} and {@code type: distributed} (NetSuite-side realtime exports).
   */
  static boolean isPushed(Export e) {
    return "webhook".equals(e.type()) || "distributed".equals(e.type());
  }

  /** The export's state in the store's run state; in memory for an export without an id. */
  ExportState exportState(String exportId) {
    if (exportId == null || exportId.isBlank()) {
      return ExportState.inMemory();
    }
    String scope = ResourceStore.EXPORT_STATE_SCOPE_PREFIX + exportId;
    return new ExportState() {
      @Override
      public Optional<com.fasterxml.jackson.databind.JsonNode> get(String key) {
        return store.getState(scope, key);
      }

      @Override
      public void put(String key, com.fasterxml.jackson.databind.JsonNode value) {
        store.putState(scope, key, value);
      }

      @Override
      public void delete(String key) {
        store.deleteState(scope, key);
      }

      @Override
      public List<String> keys() {
        return store.stateKeys(scope);
      }
    };
  }

  ObjectNode connectionDocument(String connectionId) {
    if (connectionId == null) {
      return JsonNodeFactory.instance.objectNode();
    }
    ObjectNode stored = store.find(ResourceKind.CONNECTION, connectionId).orElseThrow(() ->
        new FlowRunException("missing_connection", "connection '" + connectionId
            + "' does not exist"));
    return IClient.embedInto(stored, id -> store.find(ResourceKind.ICLIENT, id));
  }

  /**
   * Marks a connection offline after its credentials were refused (REFERENCE §2.1): no flow using
   * it starts until a successful ping or an update of the connection brings it back.
   */
  void markOffline(String connectionId, String reason) {
    if (connectionId == null) {
      return;
    }
    store.find(ResourceKind.CONNECTION, connectionId).ifPresent(doc -> {
      if (!doc.path("offline").asBoolean(false)) {
        doc.put("offline", true);
        store.update(ResourceKind.CONNECTION, connectionId, doc);
        LOG.warn("connection '{}' is now offline: {}", connectionId, reason);
      }
    });
  }

  /** Brings a connection back online after a successful ping. */
  void markOnline(String connectionId) {
    store.find(ResourceKind.CONNECTION, connectionId).ifPresent(doc -> {
      if (doc.path("offline").asBoolean(false)) {
        doc.remove("offline");
        store.update(ResourceKind.CONNECTION, connectionId, doc);
      }
    });
  }

  Adaptor adaptorFor(ObjectNode connection, String what) {
    Connection c = Resources.of(Connection.class, connection);
    if (c.isOffline()) {
      throw new FlowRunException("connection_offline", "connection '" + c.id() + "' of " + what
          + " is offline; bring it back online (ping it) and run again");
    }
    return anyAdaptorFor(c, what);
  }

  /**
   * Pings a stored connection with its adaptor: success brings an offline connection back online,
   * a failure takes it offline (REFERENCE §2.1).
   */
  public PingResult ping(String connectionId) {
    ObjectNode doc = connectionDocument(connectionId);
    Connection c = Resources.of(Connection.class, doc);
    PingResult result = anyAdaptorFor(c, "the ping").ping(doc);
    if (result.ok()) {
      markOnline(connectionId);
    } else {
      markOffline(connectionId, result.message());
    }
    return result;
  }

  private Adaptor anyAdaptorFor(Connection c, String what) {
    String type = c.adaptorType();
    return adaptors.apply(type).orElseThrow(() -> new FlowRunException("missing_adaptor",
        "no adaptor serves connection type '" + type + "' (connection '" + c.id() + "' of " + what
            + "); put the adaptor jar on the class path or register it on Integrator.builder()"));
  }

  AsyncLimiter limiter(ObjectNode connection) {
    Connection c = Resources.of(Connection.class, connection);
    String key = c.id() + "#" + c.concurrencyLevel();
    return limiters.computeIfAbsent(key, k -> new AsyncLimiter(c.concurrencyLevel()));
  }

  Export export(String idOrApiIdentifier) {
    return Resources.of(Export.class, find(ResourceKind.EXPORT, idOrApiIdentifier));
  }

  Import importDoc(String idOrApiIdentifier) {
    return Resources.of(Import.class, find(ResourceKind.IMPORT, idOrApiIdentifier));
  }

  private ObjectNode find(ResourceKind kind, String idOrApi) {
    Optional<ObjectNode> d = store.find(kind, idOrApi);
    if (d.isEmpty()) {
      d = store.findByApiIdentifier(idOrApi).filter(l -> l.kind() == kind)
          .map(ResourceStore.Lookup::document);
    }
    return d.orElseThrow(() -> new FlowRunException("not_found", "no " + kind.displayName()
        + " has the id or apiIdentifier '" + idOrApi + "'"));
  }

  /**
   * Builds the pipeline of one import for one job: hooks found, mapping compiled, writer opened.
   *
   * @throws FlowRunException when the import cannot run (bad mapping, missing hook or adaptor)
   * @throws AdaptorException when the writer cannot be opened
   */
  ImportPipeline importPipeline(Import imp, String flowId, String jobId, boolean testMode)
      throws AdaptorException {
    ObjectNode conn = connectionDocument(imp.connectionId());
    Adaptor adaptor = adaptorFor(conn, "import '" + imp.id() + "'");
    if (imp.isDistributed()) {
      return distributedPipeline(imp, conn, adaptor, jobId, testMode);
    }
    Mapping mapping;
    try {
      mapping = Mapping.compileImport(imp.json());
    } catch (MappingDefinitionException e) {
      throw new FlowRunException("invalid_mapping", "import '" + imp.id() + "' has a mapping the "
          + "engine cannot compile: " + e.getMessage());
    }
    JsonNode hooksSection = imp.section("hooks");
    String where = "import '" + imp.id() + "' hooks.";
    Optional<HookRef> preMapRef = HookRef.read(hooksSection, "_preMapId", where + "_preMapId");
    Optional<HookRef> postMapRef = HookRef.read(hooksSection, "_postMapId", where + "_postMapId");
    Optional<HookRef> postSubmitRef =
        HookRef.read(hooksSection, "_postSubmitId", where + "_postSubmitId");
    Optional<HookRef> postAggregateRef =
        HookRef.read(hooksSection, "_postAggregateId", where + "_postAggregateId");
    java.util.function.Function<HookRef, HookContext> hc = ref -> new HookContext(
        imp.integrationId(), flowId, imp.connectionId(), null, imp.id(), jobId,
        ref.configurationOr(hooksSection.path("configuration")), settings(imp.integrationId()),
        testMode);
    List<Step> steps = new ArrayList<>();
    if (preMapRef.isPresent()) {
      HookRef r = preMapRef.get();
      steps.add(new PreMapStep(hookCalls, hooks.require(PreMapHook.class, r.id(), where + "_preMapId")
          .orElseThrow(), r.id(), hc.apply(r)));
    }
    ExistencePlan existence = ExistencePlan.of(imp);
    LookupResolver resolver = LookupResolver.none();
    if (mapping.usesDynamicLookups() || (existence != null && existence.usesDynamicLookups())) {
      resolver = adaptor.lookupSource(conn).map(LookupResolver::new).orElseThrow(() ->
          new FlowRunException("unsupported", "import '" + imp.id() + "' uses lookups that ask "
              + "the destination, but the adaptor for connection type '" + conn.path("type").asText()
              + "' answers no lookups; use static lookups (map) or another connection"));
    }
    if (existence != null) {
      steps.add(new ExistenceStep(existence, resolver));
    }
    steps.add(new MapStep(mapping, resolver));
    if (postMapRef.isPresent()) {
      HookRef r = postMapRef.get();
      steps.add(new PostMapStep(hookCalls, hooks.require(PostMapHook.class, r.id(), where + "_postMapId")
          .orElseThrow(), r.id(), hc.apply(r)));
    }
    PostSubmitHook post = null;
    if (postSubmitRef.isPresent()) {
      post = hooks.require(PostSubmitHook.class, postSubmitRef.get().id(),
          where + "_postSubmitId").orElseThrow();
    }
    RecordWriter writer = adaptor.openWriter(new ImportContext(imp.json(), conn, testMode, jobId));
    int attempts = imp.maxAttempts() > 0 ? imp.maxAttempts() : DEFAULT_MAX_ATTEMPTS;
    steps.add(new SubmitStep(writer, limiter(conn), workers, timer, backoff, attempts));
    if (post != null) {
      HookRef r = postSubmitRef.get();
      steps.add(new PostSubmitStep(hookCalls, post, r.id(), hc.apply(r)));
    }
    AggregateStep aggregates = AggregateStep.withoutHook(imp.id(), hookCalls);
    if (postAggregateRef.isPresent()) {
      HookRef r = postAggregateRef.get();
      aggregates = new AggregateStep(imp.id(), hookCalls, hooks.require(PostAggregateHook.class,
          r.id(), where + "_postAggregateId").orElseThrow(), r.id(), hc.apply(r));
    }
    return new ImportPipeline(imp.id(), steps, writer, workers, hookCalls, aggregates);
  }

  /**
   * The pipeline of a distributed import (REFERENCE §4.6): lookups, mapping and hooks are the
   * destination's (they live in the distributed sub-document the writer gets in {@link
   * ImportContext#distributed()}), so the engine only submits, with its retries and concurrency
   * limit. {@code maxAttempts} comes from the sub-document, else from the import.
   */
  private ImportPipeline distributedPipeline(Import imp, ObjectNode conn, Adaptor adaptor,
      String jobId, boolean testMode) throws AdaptorException {
    ObjectNode distributed;
    try {
      distributed = store.getDistributed(ResourceKind.IMPORT, imp.id());
    } catch (io.integrator.store.ResourceNotFoundException e) {
      throw new FlowRunException("missing_distributed", "import '" + imp.id() + "' has "
          + "distributed: true but no distributed document; PUT /imports/" + imp.id()
          + "/distributed (or add its .distributed.json file) first");
    }
    RecordWriter writer = adaptor.openWriter(
        new ImportContext(imp.json(), conn, testMode, jobId, distributed));
    int attempts = distributed.path("maxAttempts").asInt(0) > 0
        ? distributed.path("maxAttempts").asInt()
        : imp.maxAttempts() > 0 ? imp.maxAttempts() : DEFAULT_MAX_ATTEMPTS;
    List<Step> steps = List.of(new UnmappedStep(),
        new SubmitStep(writer, limiter(conn), workers, timer, backoff, attempts));
    return new ImportPipeline(imp.id(), steps, writer, workers, hookCalls,
        AggregateStep.withoutHook(imp.id(), hookCalls));
  }

  /**
   * The {@code settings} of the integration a resource belongs to, for hooks; a missing node when
   * the resource has no integration or the integration has no settings.
   */
  JsonNode settings(String integrationId) {
    if (integrationId == null || integrationId.isEmpty()) {
      return missing();
    }
    return store.find(ResourceKind.INTEGRATION, integrationId)
        .map(i -> (JsonNode) i.path("settings"))
        .orElse(missing());
  }

  static JsonNode missing() {
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  /**
   * Cancels running flows and retries, waits up to 30 s for their pages in hand to finish, then
   * stops the thread pools.
   */
  @Override
  public void close() {
    synchronized (runLock) {
      closed = true;
    }
    List<FlowRunHandle> active = new ArrayList<>();
    queued.values().forEach(q -> active.add(q.handle()));
    active.addAll(running.values());
    active.addAll(retryHandles.values());
    active.forEach(FlowRunHandle::cancel);
    try {
      java.util.concurrent.CompletableFuture.allOf(active.stream()
              .map(h -> h.completion().handle((j, t) -> null))
              .toArray(java.util.concurrent.CompletableFuture[]::new))
          .get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      // closing goes on: the store is closed next and a stuck run ends with errors
    }
    workers.shutdown();
    timer.shutdownNow();
    hookCalls.close();
    try {
      workers.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
