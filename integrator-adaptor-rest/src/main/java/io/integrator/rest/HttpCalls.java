package io.integrator.rest;

import io.integrator.spi.AdaptorException;
import io.integrator.spi.Classification;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Executes one request with the {@link RetryPolicy}, for export pages. */
final class HttpCalls {
  private static final Logger LOG = LoggerFactory.getLogger(HttpCalls.class);
  private static final long SLICE_MS = 50;

  private final RetryPolicy policy;

  HttpCalls(RetryPolicy policy) {
    this.policy = policy;
  }

  /**
   * Sends a request until it succeeds, fails for good, or the run is canceled.
   *
   * @param accept statuses handed back as they are besides 2xx (end-of-paging statuses)
   * @param what names the request in messages, e.g. {@code export 'e1' page 3}
   * @return the open response (2xx or accepted), or empty when canceled while waiting
   * @throws AdaptorException the last failure, classified, with status and server message
   */
  Optional<Response> execute(OkHttpClient client, Request request, RestConnection connection,
      IntPredicate accept, String what, BooleanSupplier canceled) throws AdaptorException {
    int attempt = 0;
    int throttled = 0;
    while (true) {
      Response r;
      try {
        r = client.newCall(request).execute();
      } catch (IOException e) {
        String cls = Responses.classify(e);
        attempt++;
        if (Classification.INTERMITTENT.equals(cls) && attempt < policy.attempts()) {
          Duration wait = policy.backoff(attempt);
          LOG.info("{}: {} {} failed ({}); try {} of {} in {} ms", what, request.method(),
              connection.safeUrl(request.url()), Responses.code(e), attempt + 1,
              policy.attempts(), wait.toMillis());
          if (!sleep(wait, canceled)) {
            return Optional.empty();
          }
          continue;
        }
        throw Responses.failure(e, connection, request.method(), request.url(),
            what + (attempt > 1 ? " (after " + attempt + " tries)" : ""));
      }
      if (r.isSuccessful() || accept.test(r.code())) {
        return Optional.of(r);
      }
      String cls = Responses.classify(r, connection);
      if (Classification.RATE_LIMIT.equals(cls)) {
        Optional<Duration> asked = Responses.uncappedWait(r, connection.retryHeader());
        Duration wait = asked.orElse(RetryPolicy.DEFAULT_THROTTLE_WAIT);
        if (wait.compareTo(Responses.MAX_WAIT) > 0) {
          throw fail(r, connection, what + " (the server asked to wait " + wait.toSeconds()
              + " s, more than the " + Responses.MAX_WAIT.toMinutes() + " minute cap)");
        }
        throttled++;
        if (throttled <= policy.throttles()) {
          r.close();
          LOG.info("{}: throttled ({}), waiting {} ms", what, r.code(), wait.toMillis());
          if (!sleep(wait, canceled)) {
            return Optional.empty();
          }
          continue;
        }
        throw fail(r, connection, what + " (still throttled after " + policy.throttles()
            + " waits)");
      }
      attempt++;
      if (Classification.INTERMITTENT.equals(cls) && attempt < policy.attempts()) {
        Duration wait = policy.backoff(attempt);
        Optional<Duration> asked = Responses.serverWait(r, connection.retryHeader());
        if (asked.isPresent() && asked.get().compareTo(wait) > 0) {
          wait = asked.get();
        }
        r.close();
        LOG.info("{}: {} {} answered {}; try {} of {} in {} ms", what, request.method(),
            connection.safeUrl(request.url()), r.code(), attempt + 1, policy.attempts(),
            wait.toMillis());
        if (!sleep(wait, canceled)) {
          return Optional.empty();
        }
        continue;
      }
      throw fail(r, connection, what + (attempt > 1 ? " (after " + attempt + " tries)" : ""));
    }
  }

  private static AdaptorException fail(Response r, RestConnection connection, String what) {
    try (r) {
      return Responses.failure(r, connection, what);
    }
  }

  /** Sleeps in slices, checking for cancel; false when canceled or interrupted. */
  static boolean sleep(Duration wait, BooleanSupplier canceled) {
    long end = System.nanoTime() + wait.toNanos();
    while (true) {
      if (canceled.getAsBoolean()) {
        return false;
      }
      long left = end - System.nanoTime();
      if (left <= 0) {
        return true;
      }
      try {
        Thread.sleep(Math.min(SLICE_MS, Math.max(1, left / 1_000_000)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }
}
