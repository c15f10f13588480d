package io.integrator.rest;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * {@code rateLimit.limit}: at most {@code limit} requests start in any window of {@code window}
 * (a sliding window of start times); a request that would be one too many waits until the oldest
 * start leaves the window. Such a connection runs one request at a time (validation requires
 * {@code concurrencyLevel} 1), so the wait is that request's own and holds no other work up.
 */
final class RequestPacer implements Interceptor {
  private static final long MAX_SLICE_NANOS = 1_000_000_000L;
  private final int limit;
  private final long windowNanos;
  private final ArrayDeque<Long> starts = new ArrayDeque<>();

  RequestPacer(int limit, Duration window) {
    if (limit < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("limit and window must be positive");
    }
    this.limit = limit;
    this.windowNanos = window.toNanos();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    awaitTurn(chain.call());
    return chain.proceed(chain.request());
  }

  /** Waits in slices of at most a second, so a canceled call (a canceled run) stops waiting. */
  private synchronized void awaitTurn(Call call) throws IOException {
    while (true) {
      if (call.isCanceled()) {
        throw new IOException("Canceled while waiting for its turn (rateLimit.limit)");
      }
      long now = System.nanoTime();
      while (!starts.isEmpty() && now - starts.peekFirst() >= windowNanos) {
        starts.removeFirst();
      }
      if (starts.size() < limit) {
        starts.addLast(now);
        return;
      }
      long waitNanos = Math.min(windowNanos - (now - starts.peekFirst()), MAX_SLICE_NANOS);
      try {
        wait(Math.max(1, waitNanos / 1_000_000), (int) (waitNanos % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while pacing requests (rateLimit.limit)");
      }
    }
  }
}
