package io.integrator.pipeline;

import io.integrator.hook.HookCalls;
import io.integrator.hook.HookException;
import io.integrator.job.ErrorRow;
import io.integrator.spi.AdaptorException;
import io.integrator.spi.AggregateResult;
import io.integrator.spi.Classification;
import io.integrator.spi.HookContext;
import io.integrator.spi.PostAggregateHook;
import io.integrator.spi.RecordWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The end of an import's run: the writer completes its aggregates ({@link RecordWriter#finish()}),
 * then the postAggregate hook sees each one. Failures become job-level errors: a failed aggregate
 * (classification connection) or a hook that threw (source {@code post_aggregate_hook}); neither
 * fails the run.
 */
final class AggregateStep {
  private final String importId;
  private final HookCalls calls;
  private final PostAggregateHook hook;
  private final String hookId;
  private final HookContext context;

  AggregateStep(String importId, HookCalls calls, PostAggregateHook hook, String hookId,
      HookContext context) {
    this.importId = importId;
    this.calls = calls;
    this.hook = hook;
    this.hookId = hookId;
    this.context = context;
  }

  /** No hook: only the writer's own aggregate failures are reported. */
  static AggregateStep withoutHook(String importId, HookCalls calls) {
    return new AggregateStep(importId, calls, null, null, null);
  }

  List<ErrorRow> finish(RecordWriter writer) {
    List<AggregateResult> results;
    try {
      results = writer.finish();
    } catch (AdaptorException e) {
      return List.of(ErrorRow.of(e.code(), "import '" + importId + "' could not complete its output: "
          + e.getMessage(), "connection", e.classification(), false));
    } catch (RuntimeException e) {
      return List.of(ErrorRow.of("internal_error", "import '" + importId
          + "' could not complete its output: " + e, "internal", Classification.VALUE, false));
    }
    List<ErrorRow> rows = new ArrayList<>();
    for (AggregateResult r : results == null ? List.<AggregateResult>of() : results) {
      if (!r.success()) {
        rows.add(ErrorRow.of(r.error().code(), "import '" + importId + "' could not write "
            + r.name() + ": " + r.error().message(),
            r.error().source() == null ? "connection" : r.error().source(),
            Classification.CONNECTION, false));
      }
      if (hook != null) {
        try {
          calls.postAggregate(hook, hookId, new PostAggregateHook.Request(r.toJson(), context));
        } catch (HookException e) {
          rows.add(ErrorRow.of(e.code(), e.getMessage() + " (aggregate " + r.name() + ")",
              "post_aggregate_hook", Classification.VALUE, false));
        }
      }
    }
    return rows;
  }
}
