package io.integrator.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.hook.HookException;
import io.integrator.hook.HookRef;
import io.integrator.job.ErrorRecorder;
import io.integrator.job.ErrorRow;
import io.integrator.job.JobTracker;
import io.integrator.job.TraceKeyResolver;
import io.integrator.job.Jobs;
import io.integrator.model.Export;
import io.integrator.model.Flow;
import io.integrator.model.Import;
import io.integrator.model.Job;
import io.integrator.model.ResourceKind;
import io.integrator.model.Resources;
import io.integrator.spi.Adaptor;
import io.integrator.spi.AdaptorException;
import io.integrator.spi.Classification;
import io.integrator.spi.ExportContext;
import io.integrator.spi.HookContext;
import io.integrator.spi.Page;
import io.integrator.spi.PageReader;
import io.integrator.spi.PostResponseMapHook;
import io.integrator.spi.PreSavePageHook;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a flow (REFERENCE §7, DESIGN "How data flows"). The generator loop runs on the run's
 * own thread and pulls a page only when fewer than {@code pagesInFlight} pages are being processed
 * (back-pressure); page processing runs on the engine's workers.
 */
final class FlowRun {
  private static final Logger LOG = LoggerFactory.getLogger(FlowRun.class);

  private final Engine engine;
  private final Flow flow;
  private final FlowRunHandle handle;
  private final JobTracker flowJob;
  private final ErrorRecorder errors;
  private final List<Processor> processors = new ArrayList<>();
  private final List<JobTracker> children = new ArrayList<>();
  private volatile boolean fatal;

  private FlowRun(Engine engine, Flow flow, FlowRunHandle handle, JobTracker flowJob) {
    this.engine = engine;
    this.flow = flow;
    this.handle = handle;
    this.flowJob = flowJob;
    this.errors = new ErrorRecorder(engine.store);
  }

  /**
   * Flows of an integration that is being installed or uninstalled do not run (REFERENCE,
   * integration {@code mode}): their connections and settings are not ready, or going away.
   */
  private static void refuseWhileIntegrationChanges(Engine engine, Flow flow) {
    String integrationId = flow.integrationId();
    if (integrationId == null) {
      return;
    }
    engine.store.find(ResourceKind.INTEGRATION, integrationId)
        .map(doc -> doc.path("mode").asText(""))
        .filter(mode -> mode.equals("install") || mode.equals("uninstall"))
        .ifPresent(mode -> {
          throw new FlowRunException("integration_" + mode, "flow '" + flow.id() + "' belongs to"
              + " integration '" + integrationId + "', which is in " + mode + " mode; flows run"
              + " once its mode is settings (every install step completed)");
        });
  }

  /** A run waiting for the flow's running one to end: its handle and its queued job. */
  record Queued(FlowRunHandle handle, JobTracker job) {}

  /**
   * Starts a run of the flow, or, while one is running, queues one run that starts when it ends
   * (REFERENCE: one running job per flow; a trigger while one runs queues one run, further
   * triggers merge into it and get the same handle).
   */
  static FlowRunHandle start(Engine engine, String flowId) {
    Flow flow = runnable(engine, flowId);
    synchronized (engine.runLock) {
      if (engine.closed) {
        throw new FlowRunException("engine_closed", "the integrator is closed; flow '" + flowId
            + "' was not run");
      }
      if (engine.running.containsKey(flowId)) {
        Queued waiting = engine.queued.get(flowId);
        if (waiting != null) {
          return waiting.handle();
        }
        JobTracker job = JobTracker.queue(engine.store, "flow", links(flow));
        FlowRunHandle handle = new FlowRunHandle(job.id());
        Queued q = new Queued(handle, job);
        handle.onCancel(() -> cancelQueued(engine, flowId, q));
        engine.queued.put(flowId, q);
        return handle;
      }
      JobTracker job = JobTracker.queue(engine.store, "flow", links(flow));
      FlowRunHandle handle = new FlowRunHandle(job.id());
      launch(engine, flow, handle, job);
      return handle;
    }
  }

  /** The flow, when it exists and may run now. */
  private static Flow runnable(Engine engine, String flowId) {
    Flow flow = Resources.of(Flow.class, engine.store.find(ResourceKind.FLOW, flowId)
        .orElseThrow(() -> new FlowRunException("not_found", "no flow has the id '" + flowId + "'")));
    if (flow.isDisabled()) {
      throw new FlowRunException("flow_disabled", "flow '" + flowId
          + "' is disabled; set disabled to false to run it");
    }
    refuseWhileIntegrationChanges(engine, flow);
    if (flow.pageGenerators().isEmpty()) {
      throw new FlowRunException("invalid_flow", "flow '" + flowId + "' has no page generator");
    }
    return flow;
  }

  private static Map<String, String> links(Flow flow) {
    Map<String, String> links = new HashMap<>();
    links.put("_flowId", flow.id());
    links.put("_integrationId", flow.integrationId());
    return links;
  }

  /** Runs the flow on its own thread; the caller holds {@code engine.runLock}. */
  private static void launch(Engine engine, Flow flow, FlowRunHandle handle, JobTracker job) {
    engine.running.put(flow.id(), handle);
    try {
      FlowRun run = new FlowRun(engine, flow, handle, job);
      handle.onCancel(() -> job.status(Jobs.CANCELING));
      Thread t = new Thread(run::run, "integrator-flow-" + flow.id());
      t.setDaemon(true);
      t.start();
    } catch (RuntimeException e) {
      engine.running.remove(flow.id());
      throw e;
    }
  }

  /** A canceled queued run never starts: its job ends canceled. */
  private static void cancelQueued(Engine engine, String flowId, Queued q) {
    synchronized (engine.runLock) {
      if (!engine.queued.remove(flowId, q)) {
        return; // it has started meanwhile; the cancel reached the run
      }
    }
    q.handle().complete(Resources.of(Job.class, q.job().finish(Jobs.CANCELED)));
  }

  /**
   * The running run of a flow ended: the queued run, if any, starts now with the flow as it is
   * stored now; a flow that may no longer run (deleted, disabled) ends that job failed with the
   * reason as its error.
   */
  private static void ended(Engine engine, String flowId) {
    Queued next;
    synchronized (engine.runLock) {
      engine.running.remove(flowId);
      next = engine.queued.remove(flowId);
      if (next == null) {
        return;
      }
      if (engine.closed) {
        next.handle().complete(Resources.of(Job.class, next.job().finish(Jobs.CANCELED)));
        return;
      }
      try {
        launch(engine, runnable(engine, flowId), next.handle(), next.job());
        return;
      } catch (RuntimeException e) {
        failQueued(engine, next, e);
      }
    }
  }

  /** A queued run that cannot start ends failed with the reason; its handle always completes. */
  private static void failQueued(Engine engine, Queued next, RuntimeException why) {
    try {
      String code = why instanceof FlowRunException f ? f.code() : "internal_error";
      new ErrorRecorder(engine.store).record(next.job().id(), List.of(ErrorRow.of(code,
          "the queued run could not start: " + why.getMessage(), "resource", null, false)),
          null, null);
      next.handle().complete(Resources.of(Job.class, next.job().finish(Jobs.FAILED)));
    } catch (RuntimeException e) {
      e.addSuppressed(why);
      next.handle().fail(e);
    }
  }

  private void run() {
    String status = Jobs.FAILED;
    try {
      flowJob.running();
      status = execute();
      if (Jobs.COMPLETED.equals(status)) {
        processors.forEach(Processor::finish);
        readers.forEach(DeferredReader::commit);
      }
    } catch (RuntimeException e) {
      LOG.warn("flow {} failed: {}", flow.id(), e.toString());
      fatal(flowJob, "internal_error", "the engine failed: " + e, "internal");
    } finally {
      ObjectNode done = null;
      RuntimeException failure = null;
      try {
        readers.forEach(DeferredReader::closeNow);
        processors.forEach(Processor::close);
        for (JobTracker c : children) {
          c.finish(status);
        }
        done = flowJob.finish(status);
      } catch (RuntimeException e) {
        failure = e;
      }
      try {
        ended(engine, flow.id());
      } catch (RuntimeException e) {
        LOG.warn("after flow {}: {}", flow.id(), e.toString());
      } finally {
        if (failure == null) {
          handle.complete(Resources.of(Job.class, done));
        } else {
          handle.fail(failure);
        }
      }
    }
  }

  private String execute() {
    boolean testMode = false;
    List<Export> generators = new ArrayList<>();
    try {
      for (ObjectNode g : flow.pageGenerators()) {
        Export e = engine.export(g.path("_exportId").asText());
        testMode |= "test".equals(e.type());
        generators.add(e);
      }
      openProcessors(testMode);
    } catch (FlowRunException e) {
      fatal(flowJob, e.code(), e.getMessage(), e.code().startsWith("connection") ? "connection" : "resource");
      return Jobs.FAILED;
    } catch (HookException e) {
      fatal(flowJob, e.code(), e.getMessage(), "resource");
      return Jobs.FAILED;
    } catch (AdaptorException e) {
      fatal(flowJob, e.code(), e.getMessage(), "connection");
      return Jobs.FAILED;
    }
    boolean aborted = false;
    List<Export> committable = new ArrayList<>();
    List<ExportContext> contexts = new ArrayList<>();
    for (int gi = 0; gi < generators.size() && !fatal && !handle.isCanceled(); gi++) {
      Export export = generators.get(gi);
      Map<String, String> links = new HashMap<>();
      links.put("_flowJobId", flowJob.id());
      links.put("_flowId", flow.id());
      links.put("_exportId", export.id());
      links.put("_integrationId", export.integrationId());
      JobTracker exportJob = JobTracker.start(engine.store, "export", links, -1);
      children.add(exportJob);
      boolean test = "test".equals(export.type());
      ExportContext ctx;
      try {
        ctx = engine.exportContext(export, flow.id(), test ? export.testLimit() : 0, null, test,
            handle::isCanceled);
      } catch (FlowRunException e) {
        fatal(exportJob, e.code(), e.getMessage(), "resource");
        break;
      }
      aborted |= generate(export, exportJob, ctx, test);
      if (!test && Engine.isDelta(export)) {
        committable.add(export);
        contexts.add(ctx);
      }
    }
    if (fatal) {
      return Jobs.FAILED;
    }
    if (handle.isCanceled()) {
      return Jobs.CANCELED;
    }
    if (!aborted) {
      for (int i = 0; i < committable.size(); i++) {
        engine.commitWatermark(flow.id(), committable.get(i).id(),
            contexts.get(i).currentExportDateTime().orElseThrow());
      }
    }
    return Jobs.COMPLETED;
  }

  private void openProcessors(boolean testMode) throws AdaptorException {
    List<ObjectNode> defs = flow.pageProcessors();
    for (int i = 0; i < defs.size(); i++) {
      ObjectNode p = defs.get(i);
      boolean isImport = !"export".equals(p.path("type").asText("import"));
      String where = "flow '" + flow.id() + "' pageProcessors[" + i + "]";
      Optional<HookRef> prmRef = HookRef.read(p.path("hooks"), "_postResponseMapId",
          where + ".hooks._postResponseMapId");
      PostResponseMapHook prm = prmRef.isEmpty() ? null : engine.hooks.require(
          PostResponseMapHook.class, prmRef.get().id(), where + ".hooks._postResponseMapId")
          .orElseThrow();
      String prmId = prmRef.map(HookRef::id).orElse(null);
      com.fasterxml.jackson.databind.JsonNode prmConf = prmRef.map(r -> r.configurationOr(
          p.path("hooks").path("configuration"))).orElse(p.path("hooks").path("configuration"));
      Map<String, String> links = new HashMap<>();
      links.put("_flowJobId", flowJob.id());
      links.put("_flowId", flow.id());
      if (isImport) {
        Import imp = engine.importDoc(p.path("_importId").asText());
        links.put("_importId", imp.id());
        links.put("_integrationId", imp.integrationId());
        JobTracker job = JobTracker.start(engine.store, "import", links, i);
        children.add(job);
        HookContext hc = new HookContext(imp.integrationId(), flow.id(), imp.connectionId(), null,
            imp.id(), job.id(), prmConf, engine.settings(imp.integrationId()), testMode);
        ImportPipeline pipeline = engine.importPipeline(imp, flow.id(), job.id(), testMode);
        processors.add(new ImportProcessor(job, flowJob, p, prm, prmId, hc, errors, pipeline,
            flow.id(), !flow.skipRetries(), new TraceKeyResolver(engine.store, flow.id(),
                imp.id(), flowJob.id(), engine.retriesRunning::contains)));
      } else {
        Export e = engine.export(p.path("_exportId").asText());
        links.put("_exportId", e.id());
        JobTracker job = JobTracker.start(engine.store, "export", links, i);
        children.add(job);
        HookContext hc = new HookContext(e.integrationId(), flow.id(), e.connectionId(), e.id(),
            null, job.id(), prmConf, engine.settings(e.integrationId()), testMode);
        processors.add(new LookupExportProcessor(engine, job, p, prm, prmId, hc, errors, e,
            testMode));
      }
    }
  }

  /** Reads and hands on every page of one generator; returns true when preSavePage aborted. */
  private boolean generate(Export export, JobTracker exportJob, ExportContext ctx, boolean test) {
    int inFlight = export.preserveOrder() ? 1 : engine.pagesInFlight;
    Semaphore permits = new Semaphore(inFlight);
    List<CompletableFuture<Void>> pending = new ArrayList<>();
    boolean aborted = false;
    PreSavePageHook hook;
    HookRef preSaveRef;
    Adaptor adaptor;
    try {
      String where = "export '" + export.id() + "' hooks._preSavePageId";
      preSaveRef = HookRef.read(export.section("hooks"), "_preSavePageId", where).orElse(null);
      hook = preSaveRef == null ? null
          : engine.hooks.require(PreSavePageHook.class, preSaveRef.id(), where).orElseThrow();
      adaptor = Engine.isPushed(export) ? null
          : engine.adaptorFor(ctx.connection(), "export '" + export.id() + "'");
    } catch (HookException | FlowRunException e) {
      fatal(exportJob, e instanceof HookException h ? h.code() : ((FlowRunException) e).code(),
          e.getMessage(), e.getMessage().contains("offline") ? "connection" : "resource");
      return false;
    }
    HookContext hc = new HookContext(export.integrationId(), flow.id(), export.connectionId(),
        export.id(), null, exportJob.id(), preSaveRef == null
            ? export.section("hooks").path("configuration")
            : preSaveRef.configurationOr(export.section("hooks").path("configuration")),
        engine.settings(export.integrationId()), test);
    int remaining = ctx.limit() > 0 ? ctx.limit() : Integer.MAX_VALUE;
    boolean once = "once".equals(export.type()) && !test;
    ValueDelta valueDelta = once || test ? null : ValueDelta.of(export.section("valueDelta"));
    try (PageReader reader = defer(adaptor == null
        ? engine.queueReader(flow.id(), export, ctx, handle) : adaptor.openReader(ctx),
        exportJob, export, test)) {
      int pageIndex = 0;
      while (!fatal && !handle.isCanceled() && remaining > 0) {
        permits.acquire();
        if (fatal || handle.isCanceled()) {
          permits.release();
          break;
        }
        Optional<Page> next;
        try {
          next = reader.next();
        } catch (AdaptorException e) {
          permits.release();
          boolean refused = Classification.CONNECTION.equals(e.classification());
          fatal(exportJob, e.code(), "reading export '" + export.id() + "' failed: "
              + e.getMessage(), refused ? "connection" : "application");
          if (refused) {
            engine.markOffline(export.connectionId(), e.getMessage());
          }
          break;
        }
        if (next.isEmpty()) {
          permits.release();
          break;
        }
        Page page = next.get();
        List<ObjectNode> read = page.records();
        List<String> fileNames = page.fileNames();
        if (valueDelta != null) {
          ValueDelta.Changed changed = valueDelta.changed(read, fileNames);
          if (changed.records().isEmpty() && !read.isEmpty() && page.errors().isEmpty()) {
            permits.release(); // nothing on this page changed and nothing to report: next page
            continue;
          }
          read = changed.records();
          fileNames = changed.fileNames();
        }
        if (read.size() > remaining) {
          read = read.subList(0, remaining);
        }
        remaining -= read.size();
        exportJob.pageGenerated();
        flowJob.pageGenerated();
        List<ObjectNode> data = read;
        List<io.integrator.spi.ErrorItem> pageErrors = page.errors();
        if (hook != null) {
          try {
            PreSavePageHook.Response r = engine.hookCalls.preSavePage(hook, preSaveRef.id(),
                new PreSavePageHook.Request(new ArrayList<>(read), pageErrors, pageIndex,
                    ctx.lastExportDateTime(), ctx.currentExportDateTime(), hc,
                    fileNames.isEmpty() ? List.of() : fileNames.subList(0, read.size())));
            data = r.data();
            pageErrors = r.errors();
            aborted = r.abort();
          } catch (HookException e) {
            permits.release();
            fatal(exportJob, e.code(), e.getMessage(), "pre_save_page_hook");
            break;
          }
        }
        for (var e : pageErrors) {
          errors.record(exportJob.id(), List.of(ErrorRow.of(e.code(), e.message(),
              e.source() != null && PageWork.SOURCES.contains(e.source()) ? e.source()
                  : "application", Classification.PARSE, false)),
              null, null);
        }
        exportJob.outcomes(0, 0, pageErrors.size());
        exportJob.exported(data.size());
        flowJob.exported(data.size());
        exportJob.progress();
        flowJob.progress();
        List<ObjectNode> marked = read;
        CompletableFuture<Void> f = process(data).thenRunAsync(() -> {
          if ((once || valueDelta != null) && !marked.isEmpty() && !fatal) {
            try {
              adaptor.markExported(ctx, marked);
            } catch (AdaptorException | RuntimeException e) {
              fatal(exportJob, e instanceof AdaptorException a ? a.code() : "internal_error",
                  "marking records of export '" + export.id() + "' exported failed: "
                      + e.getMessage(), "connection");
            }
          }
          exportJob.pageProcessed();
          flowJob.pageProcessed();
          flowJob.progress();
        }, engine.workers).whenComplete((v, t) -> {
          Throwable cause = t instanceof java.util.concurrent.CompletionException && t.getCause() != null
              ? t.getCause() : t;
          if (cause instanceof ConnectionRefusedException refused) {
            fatal(flowJob, "connection_offline", refused.getMessage() + "; connection '"
                + refused.connectionId() + "' is now offline: fix its credentials, then run again",
                "connection");
            engine.markOffline(refused.connectionId(), refused.getMessage());
          } else if (t != null) {
            fatal(flowJob, "internal_error", "processing a page failed: " + t, "internal");
          }
          permits.release();
        });
        pending.add(f);
        pending.removeIf(CompletableFuture::isDone);
        pageIndex++;
        if (aborted) {
          break;
        }
      }
    } catch (AdaptorException e) {
      fatal(exportJob, e.code(), "opening export '" + export.id() + "' failed: " + e.getMessage(),
          "connection".equals(e.classification()) ? "connection" : "application");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      handle.cancel();
    }
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
    return aborted;
  }

  /**
   * Keeps a reader open until the run's outcome is known, so that {@link PageReader#commit()} runs
   * only for a completed run (after every processor finished) and {@link PageReader#close()} after
   * it. Its own {@code close()} does nothing; {@link #closeNow()} closes the reader.
   */
  private final List<DeferredReader> readers = new ArrayList<>();

  private PageReader defer(PageReader reader, JobTracker exportJob, Export export, boolean test) {
    DeferredReader d = new DeferredReader(reader, exportJob, export, test);
    readers.add(d);
    return d;
  }

  private final class DeferredReader implements PageReader {
    private final PageReader reader;
    private final JobTracker exportJob;
    private final Export export;
    private final boolean test;

    DeferredReader(PageReader reader, JobTracker exportJob, Export export, boolean test) {
      this.reader = reader;
      this.exportJob = exportJob;
      this.export = export;
      this.test = test;
    }

    @Override
    public Optional<Page> next() throws AdaptorException {
      return reader.next();
    }

    @Override
    public void commit() {
      if (test) {
        return;
      }
      try {
        reader.commit();
      } catch (AdaptorException | RuntimeException e) {
        LOG.warn("committing export {} failed: {}", export.id(), e.toString());
        errors.record(exportJob.id(), List.of(ErrorRow.of(
            e instanceof AdaptorException a ? a.code() : "internal_error",
            "committing what export '" + export.id() + "' read failed (the run's records were "
                + "processed; the source keeps what was not committed): " + e.getMessage(),
            "connection", Classification.CONNECTION, false)), null, null);
      }
    }

    @Override
    public void close() {
      // closed by closeNow() once the run's outcome is known
    }

    void closeNow() {
      reader.close();
    }
  }

  private CompletableFuture<Void> process(List<ObjectNode> records) {
    CompletableFuture<List<ObjectNode>> f = CompletableFuture.completedFuture(records);
    for (Processor p : processors) {
      f = f.thenCompose(p::run);
    }
    return f.thenAccept(r -> {});
  }

  private synchronized void fatal(JobTracker job, String code, String message, String source) {
    fatal = true;
    errors.record(job.id(), List.of(ErrorRow.of(code, message, source,
        "connection".equals(source) ? Classification.CONNECTION : null, false)), null, null);
  }
}
