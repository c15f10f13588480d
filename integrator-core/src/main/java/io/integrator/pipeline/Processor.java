package io.integrator.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.hook.HookCalls;
import io.integrator.hook.HookException;
import io.integrator.job.ErrorRecorder;
import io.integrator.job.ErrorRow;
import io.integrator.job.JobTracker;
import io.integrator.mapping.Mapping;
import io.integrator.mapping.RecordResult;
import io.integrator.spi.Classification;
import io.integrator.spi.HookContext;
import io.integrator.spi.PostResponseMapHook;
import io.integrator.spi.SubmitResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One page processor of a flow run (REFERENCE §7): runs a page, accounts for it on its child job,
 * and returns the records for the next processor: those that did not fail (and, with {@code
 * proceedOnFailure}, those that did), with {@code responseMapping} merged in and the {@code
 * postResponseMap} hook applied.
 */
abstract class Processor implements AutoCloseable {
  final JobTracker job;
  final boolean proceedOnFailure;
  private final Mapping responseMapping;
  private final HookCalls calls;
  private final PostResponseMapHook postResponseMap;
  private final String postResponseMapId;
  final HookContext context;
  final ErrorRecorder errors;

  Processor(JobTracker job, ObjectNode definition, HookCalls calls,
      PostResponseMapHook postResponseMap, String postResponseMapId, HookContext context,
      ErrorRecorder errors) {
    this.job = job;
    this.calls = calls;
    this.proceedOnFailure = definition.path("proceedOnFailure").asBoolean(false)
        || "true".equals(definition.path("proceedOnFailure").asText());
    ObjectNode rm = definition.path("responseMapping").isObject()
        ? (ObjectNode) definition.get("responseMapping") : null;
    this.responseMapping = rm != null && (rm.path("fields").size() > 0 || rm.path("lists").size() > 0)
        ? Mapping.compile(rm, null) : null;
    this.postResponseMap = postResponseMap;
    this.postResponseMapId = postResponseMapId;
    this.context = context;
    this.errors = errors;
  }

  /** Runs the page and accounts for it; completes with the records for the next processor. */
  abstract CompletableFuture<List<ObjectNode>> run(List<ObjectNode> records);

  /** Builds the next processor's records from this processor's outcomes. */
  List<ObjectNode> next(List<RecordOutcome> outcomes) {
    List<ObjectNode> keep = new ArrayList<>(outcomes.size());
    // the hook's request pairs each kept record with its response; without the hook, none is kept
    List<SubmitResult> responses = postResponseMap == null ? null : new ArrayList<>(outcomes.size());
    for (RecordOutcome o : outcomes) {
      if (o.kind() != RecordOutcome.Kind.ERROR || proceedOnFailure) {
        ObjectNode r = o.input();
        if (responseMapping != null && o.kind() == RecordOutcome.Kind.SUCCESS) {
          RecordResult m = responseMapping.apply(responseSource(o));
          if (!m.isSuccess()) {
            errors.record(job.id(), List.of(ErrorRow.of(m.errors().get(0).code(),
                "responseMapping: " + m.errors().get(0).message(), "mapping",
                Classification.VALUE, false)), null, ErrorRecorder.traceKey(r));
            continue;
          }
          r = r.deepCopy();
          r.setAll(m.record());
        }
        keep.add(r);
        if (responses != null) {
          responses.add(o.response());
        }
      }
    }
    if (postResponseMap == null || keep.isEmpty()) {
      return keep;
    }
    try {
      return calls.postResponseMap(postResponseMap, postResponseMapId,
          new PostResponseMapHook.Request(keep, responses, context));
    } catch (HookException e) {
      for (ObjectNode r : keep) {
        errors.record(job.id(), List.of(ErrorRow.of(e.code(), e.getMessage(),
            "post_response_map_hook", Classification.VALUE, false)), null,
            ErrorRecorder.traceKey(r));
      }
      return List.of();
    }
  }

  /** What {@code responseMapping} extracts from: the §4.8 result by default. */
  ObjectNode responseSource(RecordOutcome o) {
    return o.response().toJson();
  }

  /** Completes the processor's output after the last page of a run that neither failed nor was canceled. */
  void finish() {}

  @Override
  public void close() {}
}
