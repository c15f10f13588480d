package io.integrator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.model.Connection;
import io.integrator.model.Connector;
import io.integrator.model.DistributedExport;
import io.integrator.model.DistributedImport;
import io.integrator.model.Export;
import io.integrator.model.Flow;
import io.integrator.model.IClient;
import io.integrator.model.Import;
import io.integrator.model.Integration;
import io.integrator.model.Job;
import io.integrator.model.JobError;
import io.integrator.model.Resource;
import io.integrator.model.ResourceKind;
import io.integrator.model.Retry;
import io.integrator.project.Project;
import io.integrator.hook.HookCalls;
import io.integrator.hook.HookRegistry;
import io.integrator.job.ErrorRecorder;
import io.integrator.pipeline.Backoff;
import io.integrator.pipeline.Engine;
import io.integrator.pipeline.FlowRunException;
import io.integrator.pipeline.FlowRunHandle;
import io.integrator.spi.Hook;
import io.integrator.spi.SubmitResult;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import io.integrator.spi.Adaptor;
import io.integrator.store.ResourceStore;
import io.integrator.store.Stores;
import io.integrator.validation.ValidationReport;
import io.integrator.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The one door into the engine. Build it once, share it, close it when the host shuts down:
 *
 * <pre>{@code
 * try (Integrator integrator = Integrator.builder()
 *     .store(Stores.h2File(Path.of("integrator-state")))
 *     .build()) {
 *   Connection shop = integrator.connections().create("""
 *       {"name": "Shop", "type": "rest",
 *        "rest": {"baseURI": "https://shop.example.com/api", "mediaType": "json"}}""");
 *   Export customers = integrator.exports().create("""
 *       {"name": "Customers", "_connectionId": "%s",
 *        "rest": {"relativeURI": "/customers"}}""".formatted(shop.id()));
 * }
 * }</pre>
 *
 * <p>Every resource of the API document has its operations here ({@link #connections()}, {@link
 * #exports()}, ... {@link #retries()}), with the document's create/update/get/delete semantics
 * (see {@link ResourceOperations}). Adaptors are found with {@link java.util.ServiceLoader} by the
 * connection's {@code type}, or registered on the builder.
 *
 * <p>Runs hang off it too: {@link #runFlow} / {@link #runFlowAsync} (jobs, job errors, delta
 * watermarks), {@link #retry}, {@link #cancelJob}, and the job-less {@link #invokeExport}, {@link
 * #invokeImport} and {@link #preview}. Hooks are registered on the builder ({@link
 * Builder#hook}) or found with {@link java.util.ServiceLoader}. See {@code docs/engine.md}.
 *
 * <p>An {@code Integrator} is thread-safe. Closing it cancels running jobs and closes the store.
 */
public final class Integrator implements AutoCloseable {
  private final ResourceStore store;
  private final AdaptorRegistry adaptors;
  private final Validator validator;
  private final ResourceOperations<Connection> connections;
  private final StepOperations<Export, DistributedExport> exports;
  private final StepOperations<Import, DistributedImport> imports;
  private final ResourceOperations<Flow> flows;
  private final ResourceOperations<Integration> integrations;
  private final ResourceOperations<Connector> connectors;
  private final ResourceOperations<IClient> iclients;
  private final ResourceOperations<Job> jobs;
  private final ResourceOperations<JobError> jobErrors;
  private final ResourceOperations<Retry> retries;
  private final HookRegistry hooks;
  private final Engine engine;
  private final ErrorRecorder errorRecorder;
  private final io.integrator.webhook.Webhooks webhooks;

  private Integrator(Builder b) {
    this.store = b.store != null ? b.store : Stores.inMemory();
    this.adaptors = AdaptorRegistry.discover(b.adaptors, b.classLoader);
    adaptors.useCredentialStore(new StoredCredentials(store));
    this.validator = b.validator != null ? b.validator : Validator.defaults();
    this.connections = ops(ResourceKind.CONNECTION, Connection.class);
    this.exports =
        new StepOperations<>(
            store, validator, ResourceKind.EXPORT, Export.class, DistributedExport.class);
    this.imports =
        new StepOperations<>(
            store, validator, ResourceKind.IMPORT, Import.class, DistributedImport.class);
    this.flows = ops(ResourceKind.FLOW, Flow.class);
    this.integrations = ops(ResourceKind.INTEGRATION, Integration.class);
    this.connectors = ops(ResourceKind.CONNECTOR, Connector.class);
    this.iclients = ops(ResourceKind.ICLIENT, IClient.class);
    this.jobs = ops(ResourceKind.JOB, Job.class);
    this.jobErrors = ops(ResourceKind.JOB_ERROR, JobError.class);
    this.retries = ops(ResourceKind.RETRY, Retry.class);
    this.hooks = HookRegistry.of(b.hooks, b.classLoader);
    this.engine =
        new Engine(
            store, adaptors::forType, hooks, b.workerThreads, b.pagesInFlight, b.backoff,
            b.hookTimeout);
    this.errorRecorder = new ErrorRecorder(store);
    this.webhooks = new io.integrator.webhook.Webhooks(store, engine);
  }

  /**
   * Webhook exports: the sink a listener hands verified requests' records to (it queues them
   * durably and runs the flows that use the export), {@code resume()} for payloads left queued by
   * an earlier process or a failed run, and job notifications. See {@code docs/webhooks.md}.
   */
  public io.integrator.webhook.Webhooks webhooks() {
    return webhooks;
  }

  /** The hooks this engine knows (registered on the builder or found by ServiceLoader). */
  public HookRegistry hooks() {
    return hooks;
  }

  /**
   * Pings a stored connection through its adaptor. A successful ping brings an {@code offline}
   * connection back online; a failed one marks it offline, so flows using it are refused until it
   * answers again. (The engine also marks a connection offline when an export or import finds its
   * credentials refused.)
   *
   * @throws io.integrator.pipeline.FlowRunException when the connection does not exist or no
   *     adaptor serves its type
   */
  public io.integrator.spi.PingResult ping(String connectionId) {
    return engine.ping(connectionId);
  }

  /**
   * Runs a flow and waits for it to end (REFERENCE §7). Pages are pulled from each page generator
   * only as fast as the page processors take them; every record is counted once per import as
   * success, ignore or error; failed records become Job Errors with retry data.
   *
   * <p>While the flow is running, this queues one run that starts when the running one ends and
   * waits for it; further calls merge into that queued run and return its job too.
   *
   * @param flowId the flow's {@code _id}
   * @return the final flow job ({@code completed}, {@code failed} or {@code canceled}); its
   *     children ({@code type} export and import, {@code _flowJobId}) are in {@link #jobs()}
   * @throws FlowRunException when the flow does not exist or is disabled, or its integration is
   *     being installed or uninstalled
   */
  public Job runFlow(String flowId) {
    return engine.runFlowAsync(flowId).await();
  }

  /**
   * Starts a flow run on its own thread and returns at once; the handle gives the job id, cancels
   * the run, and completes with the final job. While the flow is running the handle is that of
   * the one queued run (status {@code queued}), the same for every call until it starts.
   *
   * @throws FlowRunException when the flow does not exist or is disabled, or its integration is
   *     being installed or uninstalled
   */
  public FlowRunHandle runFlowAsync(String flowId) {
    return engine.runFlowAsync(flowId);
  }

  /**
   * Cancels a running flow job or retry job ({@code PUT /jobs/{id}/cancel}): it becomes {@code
   * canceling}, no further page is read, pages in hand finish, and it ends {@code canceled}.
   *
   * @return true when a job with that id was running in this engine
   */
  public boolean cancelJob(String jobId) {
    return engine.cancel(jobId);
  }

  /**
   * Retries every unresolved error with retry data of a job (a flow job, an import job, or the
   * original of a retry job) as a new job of {@code type: retry}, and waits for it.
   *
   * @throws FlowRunException when there is nothing to retry, or those errors are being retried
   */
  public Job retry(String jobId) {
    return engine.retryAsync(jobId, null).await();
  }

  /**
   * Retries chosen errors of a job (by Job Error {@code _id}) and waits for the retry job.
   *
   * @throws FlowRunException when one of them is resolved or has no retry data
   */
  public Job retry(String jobId, List<String> jobErrorIds) {
    return engine.retryAsync(jobId, List.copyOf(jobErrorIds)).await();
  }

  /** Starts a retry (all retriable errors when {@code jobErrorIds} is null) and returns at once. */
  public FlowRunHandle retryAsync(String jobId, List<String> jobErrorIds) {
    return engine.retryAsync(jobId, jobErrorIds == null ? null : List.copyOf(jobErrorIds));
  }

  /**
   * The retry data of a Job Error's {@code _retryId}: {@code {record, _importId, _flowId, step}},
   * where {@code record} is the record as it entered the import.
   */
  public Optional<ObjectNode> retryData(String retryId) {
    return errorRecorder.retryData(retryId);
  }

  /** Replaces the record a retry will submit (edit before {@link #retry}). */
  public void editRetryData(String retryId, ObjectNode record) {
    errorRecorder.editRetryRecord(retryId, Objects.requireNonNull(record, "record"));
  }

  /** The delta watermark committed for an export within a flow, if any. */
  public Optional<Instant> deltaWatermark(String flowId, String exportId) {
    return engine.watermark(flowId, exportId);
  }

  /**
   * Reads an export's records without a job, hooks or state (REFERENCE §3.10): all pages, or the
   * first {@code limit} records. A delta export uses {@code delta.startDate} (or no lower bound)
   * up to now; the flow watermarks are neither read nor written.
   *
   * @param exportIdOrApiIdentifier the export's {@code _id} or {@code apiIdentifier}
   * @param limit most records to return, 0 for all
   * @param data runtime values for the adaptor's templates, or null
   */
  public List<ObjectNode> invokeExport(String exportIdOrApiIdentifier, int limit, ObjectNode data) {
    return engine.invokeExport(exportIdOrApiIdentifier, limit, data);
  }

  /**
   * Runs records through an import (hooks, lookups, mapping, submit, with transient retries)
   * without a job; nothing is stored.
   *
   * @return one result per record (REFERENCE §4.8), aligned with {@code records}
   */
  public List<SubmitResult> invokeImport(String importIdOrApiIdentifier, List<ObjectNode> records) {
    return engine.invokeImport(importIdOrApiIdentifier, records);
  }

  /**
   * Reads an unsaved export document in test mode: at most 100 records (fewer when {@code
   * test.limit} is set lower), no hooks, no job, no state written.
   */
  public List<ObjectNode> preview(ObjectNode exportDocument) {
    return engine.preview(exportDocument);
  }

  private <T extends Resource> ResourceOperations<T> ops(ResourceKind kind, Class<T> type) {
    return new ResourceOperations<>(store, validator, kind, type);
  }

  /** Starts configuring an {@code Integrator}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Connections: how to reach a system, and its secrets. */
  public ResourceOperations<Connection> connections() {
    return connections;
  }

  /** Exports, with their {@code apiIdentifier} and distributed documents. */
  public StepOperations<Export, DistributedExport> exports() {
    return exports;
  }

  /** Imports, with their {@code apiIdentifier} and distributed documents. */
  public StepOperations<Import, DistributedImport> imports() {
    return imports;
  }

  /** Flows: exports tied to imports. */
  public ResourceOperations<Flow> flows() {
    return flows;
  }

  /** Integrations: groups of flows with settings and an installer. */
  public ResourceOperations<Integration> integrations() {
    return integrations;
  }

  /** Connectors: integrations published as installable templates. */
  public ResourceOperations<Connector> connectors() {
    return connectors;
  }

  /** IClients: OAuth and NetSuite client credentials that connections borrow. */
  public ResourceOperations<IClient> iclients() {
    return iclients;
  }

  /**
   * Jobs. The engine creates and updates them as it runs; hosts normally only read them. Writing
   * is allowed so that a host can restore jobs it exported elsewhere.
   */
  public ResourceOperations<Job> jobs() {
    return jobs;
  }

  /** Job errors: one per failed record, with what is needed to retry it. */
  public ResourceOperations<JobError> jobErrors() {
    return jobErrors;
  }

  /** Retries: stored payloads of failed records or pages. */
  public ResourceOperations<Retry> retries() {
    return retries;
  }

  /** The connection types an adaptor is available for, e.g. {@code [http, rest]}. */
  public Set<String> connectionTypes() {
    return adaptors.all().keySet();
  }

  /** The adaptor serving a connection type, if one is registered or on the classpath. */
  public Optional<Adaptor> adaptor(String connectionType) {
    return adaptors.forType(connectionType);
  }

  /**
   * Validates a project and, when it has no errors, writes every resource of it into the store:
   * a resource whose id is stored already is replaced, others are created with the project's ids.
   * A stored connection the engine marked {@code offline} stays offline (ping it to bring it back).
   * Nothing is written when the project has errors.
   *
   * @return the project's validation report (warnings included)
   * @throws InvalidResourceException when the project has errors
   */
  public ValidationReport load(Project project) {
    ValidationReport report = project.validate(validator);
    if (!report.isValid()) {
      throw new InvalidResourceException(report);
    }
    List<Resource> ordered = new ArrayList<>(project.resources());
    ordered.sort(Comparator.comparingInt(r -> LOAD_ORDER.indexOf(r.kind())));
    for (Resource r : ordered) {
      ObjectNode doc = r.json();
      if (r.kind().isDistributed()) {
        store.putDistributed(r.kind().parent(), r.id(), doc);
      } else {
        Optional<ObjectNode> stored = store.find(r.kind(), r.id());
        if (stored.isEmpty()) {
          store.create(r.kind(), doc);
          continue;
        }
        if (r.kind() == ResourceKind.CONNECTION && stored.get().path("offline").asBoolean(false)) {
          doc.put("offline", true); // engine state, not the project's: a ping clears it
        }
        store.update(r.kind(), r.id(), doc);
      }
    }
    return report;
  }

  private static final List<ResourceKind> LOAD_ORDER =
      List.of(
          ResourceKind.ICLIENT,
          ResourceKind.CONNECTOR,
          ResourceKind.INTEGRATION,
          ResourceKind.CONNECTION,
          ResourceKind.EXPORT,
          ResourceKind.DISTRIBUTED_EXPORT,
          ResourceKind.IMPORT,
          ResourceKind.DISTRIBUTED_IMPORT,
          ResourceKind.FLOW,
          ResourceKind.JOB,
          ResourceKind.JOB_ERROR,
          ResourceKind.RETRY);

  /** Cancels running flows, stops the engine's threads, and closes the store. */
  @Override
  public void close() {
    webhooks.close();
    engine.close();
    try {
      store.close();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IntegratorException("could not close the store: " + e.getMessage());
    }
  }

  /** Configures an {@link Integrator}; every setting has a sensible default. */
  public static final class Builder {
    private ResourceStore store;
    private final List<Adaptor> adaptors = new ArrayList<>();
    private Validator validator;
    private ClassLoader classLoader = Integrator.class.getClassLoader();
    private final Map<String, Hook> hooks = new LinkedHashMap<>();
    private int workerThreads = Math.max(2, Runtime.getRuntime().availableProcessors());
    private int pagesInFlight = 4;
    private Backoff backoff = Backoff.DEFAULT;
    private Duration hookTimeout = HookCalls.DEFAULT_TIMEOUT;

    private Builder() {}

    /**
     * Where resources, jobs and run state live. Default: {@link Stores#inMemory()}. For state that
     * survives a restart use {@link Stores#h2File} or {@link Stores#jdbc}.
     */
    public Builder store(ResourceStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Registers an adaptor explicitly. It wins over an adaptor found on the classpath for the same
     * connection type.
     */
    public Builder adaptor(Adaptor adaptor) {
      adaptors.add(Objects.requireNonNull(adaptor, "adaptor"));
      return this;
    }

    /** The validator used on create and update. Default: {@link Validator#defaults()}. */
    public Builder validator(Validator validator) {
      this.validator = Objects.requireNonNull(validator, "validator");
      return this;
    }

    /** The class loader adaptors are discovered from. Default: the one that loaded this class. */
    public Builder classLoader(ClassLoader classLoader) {
      this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
      return this;
    }

    /**
     * Registers a hook under the id documents use for it ({@code hooks._preMapId}...). The hook is
     * any of {@link io.integrator.spi.PreSavePageHook}, {@link io.integrator.spi.PreMapHook},
     * {@link io.integrator.spi.PostMapHook}, {@link io.integrator.spi.PostSubmitHook}, {@link
     * io.integrator.spi.PostResponseMapHook}, {@link io.integrator.spi.PostAggregateHook}, typically a lambda: {@code .hook("trim", (PreMapHook)
     * r -> ...)}. It wins over a ServiceLoader hook with the same id.
     */
    public Builder hook(String id, Hook hook) {
      hooks.put(Objects.requireNonNull(id, "id"), Objects.requireNonNull(hook, "hook"));
      return this;
    }

    /** Threads for hooks, mapping and adaptor calls. Default: the number of cores, at least 2. */
    public Builder workerThreads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("workerThreads must be at least 1");
      }
      this.workerThreads = threads;
      return this;
    }

    /**
     * Pages of one flow run processed at once (default 4; an export with {@code preserveOrder}
     * uses 1). Memory is bounded by this times {@code pageSize}.
     */
    public Builder pagesInFlight(int pages) {
      if (pages < 1) {
        throw new IllegalArgumentException("pagesInFlight must be at least 1");
      }
      this.pagesInFlight = pages;
      return this;
    }

    /** Waits between attempts of transient submit failures. Default {@link Backoff#DEFAULT}. */
    public Builder retryBackoff(Backoff backoff) {
      this.backoff = Objects.requireNonNull(backoff, "backoff");
      return this;
    }

    /**
     * The most one hook call may take (default 5 minutes). A call that takes longer is interrupted
     * and fails like a hook that throws: preMap, postMap and postSubmit fail that page in that
     * import (Job Errors {@code hook_timeout} with retry data), postResponseMap drops the page's
     * records from later processors, preSavePage fails the run.
     *
     * @param timeout a positive duration
     */
    public Builder hookTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("hookTimeout must be positive");
      }
      this.hookTimeout = timeout;
      return this;
    }

    /**
     * Builds the {@code Integrator}.
     *
     * @throws IntegratorException when two adaptors claim one connection type, or a hook
     *     implements no hook kind
     */
    public Integrator build() {
      return new Integrator(this);
    }
  }
}
