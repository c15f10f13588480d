package io.integrator.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.job.ErrorRecorder;
import io.integrator.job.ErrorRow;
import io.integrator.job.JobTracker;
import io.integrator.model.Export;
import io.integrator.spi.Adaptor;
import io.integrator.spi.AdaptorException;
import io.integrator.spi.ErrorItem;
import io.integrator.spi.HookContext;
import io.integrator.spi.Page;
import io.integrator.spi.PageReader;
import io.integrator.spi.PostResponseMapHook;
import io.integrator.spi.SubmitResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A {@code type: export} page processor (a lookup export): the export is read once per record
 * with that record as its template data ({@link io.integrator.spi.ExportContext#data()}); the
 * records it returns (at most {@value #MAX_RECORDS}) come back as {@code data} for response
 * mapping. Each record counts once on the processor's child job: success, or error when the read
 * failed (non-retriable job error; the record goes on only with {@code proceedOnFailure}).
 */
final class LookupExportProcessor extends Processor {
  static final int MAX_RECORDS = 1000;
  private final Engine engine;
  private final Export export;
  private final Adaptor adaptor;
  private final boolean testMode;

  LookupExportProcessor(Engine engine, JobTracker job, ObjectNode definition,
      PostResponseMapHook postResponseMap, String postResponseMapId, HookContext context,
      ErrorRecorder errors, Export export, boolean testMode) {
    super(job, definition, engine.hookCalls, postResponseMap, postResponseMapId, context, errors);
    this.engine = engine;
    this.export = export;
    this.testMode = testMode;
    this.adaptor = engine.adaptorFor(engine.connectionDocument(export.connectionId()),
        "export '" + export.id() + "'");
  }

  @Override
  CompletableFuture<List<ObjectNode>> run(List<ObjectNode> records) {
    return CompletableFuture.supplyAsync(() -> {
      List<RecordOutcome> outcomes = new ArrayList<>(records.size());
      int ok = 0;
      int failed = 0;
      for (ObjectNode r : records) {
        try {
          ObjectNode body = JsonNodeFactory.instance.objectNode();
          body.put("statusCode", 200);
          body.set("data", JsonNodeFactory.instance.arrayNode().addAll(readAll(r)));
          body.putArray("errors");
          outcomes.add(new RecordOutcome(RecordOutcome.Kind.SUCCESS, r,
              new SubmitResult(200, null, body, List.of(), false, null, Optional.empty()),
              List.of(), null));
          ok++;
        } catch (AdaptorException | RuntimeException e) {
          String code = e instanceof AdaptorException a ? a.code() : "internal_error";
          String cls = e instanceof AdaptorException a ? a.classification() : "value";
          errors.record(job.id(), List.of(ErrorRow.of(code, "lookup export '" + export.id()
              + "' failed: " + e.getMessage(), "application", cls, false)), null,
              ErrorRecorder.traceKey(r));
          outcomes.add(new RecordOutcome(RecordOutcome.Kind.ERROR, r,
              SubmitResult.failure(422, code, String.valueOf(e.getMessage())), List.of(),
              "lookup_export"));
          failed++;
        }
      }
      job.exported(records.size());
      job.outcomes(ok, 0, failed);
      job.pageProcessed();
      job.progress();
      return next(outcomes);
    }, engine.workers);
  }

  /** Lookup exports map from {@code {statusCode, data[], errors[]}}. */
  @Override
  ObjectNode responseSource(RecordOutcome o) {
    return o.response().json() instanceof ObjectNode n ? n : o.response().toJson();
  }

  private List<JsonNode> readAll(ObjectNode record) throws AdaptorException {
    List<JsonNode> out = new ArrayList<>();
    try (PageReader reader = adaptor.openReader(engine.exportContext(export, null, MAX_RECORDS,
        record, testMode, () -> false))) {
      Optional<Page> p;
      while (out.size() < MAX_RECORDS && (p = reader.next()).isPresent()) {
        for (ObjectNode n : p.get().records()) {
          if (out.size() < MAX_RECORDS) {
            out.add(n);
          }
        }
        if (!p.get().errors().isEmpty()) {
          ErrorItem e = p.get().errors().get(0);
          throw new AdaptorException(e.code(), e.message(), "value");
        }
      }
    }
    return out;
  }
}
