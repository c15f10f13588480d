package io.integrator.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.job.ErrorRecorder;
import io.integrator.job.JobTracker;
import io.integrator.job.TraceKeyResolver;
import io.integrator.spi.Classification;
import io.integrator.spi.HookContext;
import io.integrator.spi.PostResponseMapHook;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A {@code type: import} page processor. */
final class ImportProcessor extends Processor {
  private final ImportPipeline pipeline;
  private final JobTracker flowJob;
  private final String flowId;
  private final boolean storeRetryData;
  private final TraceKeyResolver traceKeys;

  ImportProcessor(JobTracker job, JobTracker flowJob, ObjectNode definition,
      PostResponseMapHook postResponseMap, String postResponseMapId, HookContext context, ErrorRecorder errors,
      ImportPipeline pipeline, String flowId, boolean storeRetryData, TraceKeyResolver traceKeys) {
    super(job, definition, pipeline.hookCalls, postResponseMap, postResponseMapId, context, errors);
    this.pipeline = pipeline;
    this.flowJob = flowJob;
    this.flowId = flowId;
    this.storeRetryData = storeRetryData;
    this.traceKeys = traceKeys;
  }

  @Override
  CompletableFuture<List<ObjectNode>> run(List<ObjectNode> records) {
    if (records.isEmpty()) {
      return CompletableFuture.completedFuture(records);
    }
    return pipeline.process(records).thenApply(outcomes -> {
      Accounting.record(errors, job, List.of(flowJob), outcomes, pipeline.importId, flowId,
          storeRetryData);
      if (traceKeys.hasOpenErrors()) {
        List<String> succeeded = new java.util.ArrayList<>();
        for (RecordOutcome o : outcomes) {
          if (o.kind() == RecordOutcome.Kind.SUCCESS) {
            succeeded.add(ErrorRecorder.traceKey(o.input()));
          }
        }
        traceKeys.succeeded(succeeded);
      }
      job.pageProcessed();
      job.progress();
      refusedCredentials(outcomes).ifPresent(message -> {
        throw new ConnectionRefusedException(context.connectionId(), message);
      });
      return next(outcomes);
    });
  }

  private static Optional<String> refusedCredentials(List<RecordOutcome> outcomes) {
    for (RecordOutcome o : outcomes) {
      if (o.kind() == RecordOutcome.Kind.ERROR && o.response() != null
          && Classification.CONNECTION.equals(o.response().classification())) {
        return Optional.of(o.errors().isEmpty() ? "the destination refused the credentials"
            : o.errors().get(0).message());
      }
    }
    return Optional.empty();
  }

  @Override
  void finish() {
    List<io.integrator.job.ErrorRow> rows = pipeline.finish();
    if (!rows.isEmpty()) {
      errors.record(job.id(), rows, null, null);
    }
  }

  @Override
  public void close() {
    pipeline.close();
  }
}
