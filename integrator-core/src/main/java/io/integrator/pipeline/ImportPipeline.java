package io.integrator.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.hook.HookException;
import io.integrator.job.ErrorRow;
import io.integrator.spi.Classification;
import io.integrator.spi.RecordWriter;
import io.integrator.spi.SubmitResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The per-page pipeline of one import for one job (REFERENCE §4.2): preMap, lookups + mapping,
 * postMap, submit, postSubmit, then one outcome per record. Built once per job and import (hooks
 * found, mapping compiled, writer opened); {@link #process} may run for several pages at once.
 */
final class ImportPipeline implements AutoCloseable {
  private final List<Step> steps;
  private final RecordWriter writer;
  private final Executor workers;
  final String importId;
  final io.integrator.hook.HookCalls hookCalls;
  private final AggregateStep aggregates;

  ImportPipeline(String importId, List<Step> steps, RecordWriter writer, Executor workers,
      io.integrator.hook.HookCalls hookCalls, AggregateStep aggregates) {
    this.importId = importId;
    this.aggregates = aggregates;
    this.hookCalls = hookCalls;
    this.steps = List.copyOf(steps);
    this.writer = writer;
    this.workers = workers;
  }

  /**
   * Runs a page; the future always completes normally, with one outcome per record. The steps run
   * on the workers, never on the calling thread (the export's reader): the chain is built on a
   * future that a worker completes only after the chain is attached. (Starting from {@code
   * runAsync(() -> {})} let the first steps, mapping included, run on the reader's thread whenever
   * the empty task finished first, which made the reader, the one serial part of a run, slower.)
   */
  CompletableFuture<List<RecordOutcome>> process(List<ObjectNode> records) {
    PageWork w = new PageWork(records);
    CompletableFuture<Void> start = new CompletableFuture<>();
    CompletableFuture<Void> f = start;
    for (Step s : steps) {
      f = f.thenCompose(v -> guarded(s, w));
    }
    CompletableFuture<List<RecordOutcome>> done = f.thenApply(v -> finish(w));
    workers.execute(() -> start.complete(null));
    return done;
  }

  private static CompletableFuture<Void> guarded(Step s, PageWork w) {
    try {
      return s.apply(w).exceptionally(t -> {
        failPage(s, w, t);
        return null;
      });
    } catch (RuntimeException e) {
      failPage(s, w, e);
      return CompletableFuture.completedFuture(null);
    }
  }

  private static void failPage(Step s, PageWork w, Throwable t) {
    Throwable e = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    if (e instanceof HookException h) {
      w.failLive(s.source(), ErrorRow.of(h.code(), h.getMessage(), s.source(),
          Classification.VALUE, true));
    } else {
      w.failLive(s.source(), ErrorRow.of("internal_error",
          "the " + s.source() + " step failed: " + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage()),
          "mapping".equals(s.source()) ? "mapping" : "internal", Classification.VALUE, true));
    }
  }

  private static List<RecordOutcome> finish(PageWork w) {
    for (int i : w.live()) {
      SubmitResult r = w.response[i];
      if (r == null) {
        continue;
      }
      if (r.ignored()) {
        w.ignore(i);
      } else if (r.isError()) {
        List<ErrorRow> rows = new ArrayList<>();
        rows.addAll(PageWork.rows(r.errors(), "application", r.classification(), true));
        w.fail(i, "submit", rows);
      }
    }
    return w.outcomes();
  }

  /**
   * Completes what the writer aggregated (file imports) and runs the postAggregate hook on each
   * aggregate; call once after the last page, when the run neither failed nor was canceled.
   *
   * @return the job-level errors to record (failed aggregates, hook failures)
   */
  List<ErrorRow> finish() {
    return aggregates.finish(writer);
  }

  @Override
  public void close() {
    try {
      writer.close();
    } catch (RuntimeException ignored) {
      // closing must not hide the run's outcome
    }
  }
}
