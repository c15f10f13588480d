package io.integrator.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.AdaptorException;
import io.integrator.spi.Classification;
import io.integrator.spi.ErrorItem;
import io.integrator.spi.ImportRecord;
import io.integrator.spi.RecordWriter;
import io.integrator.spi.SubmitResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Submits the live records through the import's writer, within the connection's concurrency
 * limit, and resubmits transient failures ({@link Classification#isTransient}) after a backoff
 * scheduled on a timer, so no thread waits. {@code connection} and {@code intermittent} failures
 * use up attempts ({@code maxAttempts}, counting the first); {@code rate_limit} waits do not, up to
 * {@value #MAX_THROTTLE_WAITS} waits per record.
 */
final class SubmitStep implements Step {
  static final int MAX_THROTTLE_WAITS = 10;

  private final RecordWriter writer;
  private final AsyncLimiter limiter;
  private final Executor workers;
  private final ScheduledExecutorService timer;
  private final Backoff backoff;
  private final int maxAttempts;

  SubmitStep(RecordWriter writer, AsyncLimiter limiter, Executor workers,
      ScheduledExecutorService timer, Backoff backoff, int maxAttempts) {
    this.writer = writer;
    this.limiter = limiter;
    this.workers = workers;
    this.timer = timer;
    this.backoff = backoff;
    this.maxAttempts = Math.max(1, maxAttempts);
  }

  @Override
  public CompletableFuture<Void> apply(PageWork w) {
    List<Integer> all = w.live();
    List<Integer> live = new ArrayList<>(all.size());
    for (Integer i : all) {
      if (w.mapped[i] == null) {
        w.fail(i, source(), List.of(io.integrator.job.ErrorRow.of("internal_error",
            "the record was not mapped", "internal", Classification.VALUE, true)));
      } else {
        live.add(i);
      }
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (live.isEmpty()) {
      done.complete(null);
      return done;
    }
    attempt(w, live, new int[w.size()], new int[w.size()], done);
    return done;
  }

  private void attempt(PageWork w, List<Integer> idx, int[] attempts, int[] throttles,
      CompletableFuture<Void> done) {
    List<ImportRecord> records = new ArrayList<>(idx.size());
    for (int i : idx) {
      records.add(w.importRecord(i));
    }
    List<ImportRecord> batch = Collections.unmodifiableList(records);
    limiter.run(workers, () -> writer.submitRecords(batch)).whenComplete((results, ex) -> {
      try {
        List<SubmitResult> rs = ex == null ? results : null;
        if (rs != null && rs.size() != idx.size()) {
          rs = null;
          ex = new IllegalStateException("the adaptor returned " + results.size()
              + " results for " + idx.size() + " records");
        }
        List<Integer> again = new ArrayList<>();
        Optional<Duration> wait = Optional.empty();
        for (int k = 0; k < idx.size(); k++) {
          int i = idx.get(k);
          SubmitResult r = rs != null ? rs.get(k) : fromException(ex);
          if (r == null) {
            r = fromException(new IllegalStateException("the adaptor returned a null result"));
          }
          if (r.isError() && Classification.RATE_LIMIT.equals(r.classification())
              && r.retryAfter().filter(d -> d.compareTo(backoff.maxServerWait()) > 0).isPresent()) {
            w.response[i] = waitTooLong(r, backoff.maxServerWait());
            continue;
          }
          w.response[i] = r;
          if (r.isError() && Classification.isTransient(r.classification())) {
            boolean throttled = Classification.RATE_LIMIT.equals(r.classification());
            if (throttled ? ++throttles[i] <= MAX_THROTTLE_WAITS : ++attempts[i] < maxAttempts) {
              again.add(i);
              if (r.retryAfter().isPresent()
                  && (wait.isEmpty() || r.retryAfter().get().compareTo(wait.get()) > 0)) {
                wait = r.retryAfter();
              }
            }
          }
        }
        if (again.isEmpty()) {
          done.complete(null);
          return;
        }
        int n = 0;
        for (int i : again) {
          n = Math.max(n, attempts[i] + throttles[i]);
        }
        Duration delay = backoff.delay(n, wait);
        timer.schedule(() -> attempt(w, again, attempts, throttles, done),
            delay.toMillis(), TimeUnit.MILLISECONDS);
      } catch (RuntimeException e) {
        done.completeExceptionally(e);
      }
    });
  }

  /**
   * A throttled record whose destination asked for a longer wait than the engine's cap fails at
   * once (REFERENCE: above the cap the record fails with classification {@code rate_limit}); it
   * keeps its retry data, so {@code retry} sends it again once the destination accepts requests.
   */
  private static SubmitResult waitTooLong(SubmitResult r, Duration cap) {
    String why = "the destination asked to wait " + words(r.retryAfter().orElseThrow())
        + " before the next request, longer than the " + words(cap) + " the engine waits; retry"
        + " the record later";
    List<ErrorItem> errors = new ArrayList<>(r.errors());
    if (errors.isEmpty()) {
      errors.add(new ErrorItem(String.valueOf(r.statusCode()), why, "application"));
    } else {
      ErrorItem first = errors.get(0);
      errors.set(0, new ErrorItem(first.code(), first.message() + "; " + why, first.source()));
    }
    return new SubmitResult(r.statusCode(), r.id(), r.json(), errors, false,
        Classification.RATE_LIMIT, r.retryAfter());
  }

  private static String words(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  private static SubmitResult fromException(Throwable ex) {
    Throwable t = ex instanceof CompletionException && ex.getCause() != null ? ex.getCause() : ex;
    if (t instanceof AdaptorException a) {
      int status = 0;
      try {
        status = Integer.parseInt(a.code());
      } catch (NumberFormatException notNumeric) {
        status = 0;
      }
      return new SubmitResult(status, null, null,
          List.of(new ErrorItem(a.code(), a.getMessage() == null ? a.code() : a.getMessage(),
              Classification.CONNECTION.equals(a.classification()) ? "connection" : "application")),
          false, a.classification(), a.retryAfter());
    }
    return new SubmitResult(500, null, null,
        List.of(new ErrorItem("internal_error",
            "the adaptor failed: " + t.getClass().getSimpleName()
                + (t.getMessage() == null ? "" : ": " + t.getMessage()), "internal")),
        false, Classification.VALUE, Optional.empty());
  }

  @Override
  public String source() {
    return "application";
  }
}
