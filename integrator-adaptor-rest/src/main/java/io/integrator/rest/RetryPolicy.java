package io.integrator.rest;

import java.time.Duration;

/**
 * How export and ping requests are retried inside the adaptor (the engine cannot retry a page
 * read): intermittent failures (5xx, 408, timeouts, resets) up to {@code attempts} tries in all,
 * waiting {@code baseDelay} doubled per try (at most {@code maxDelay}) or longer when the server
 * asks for it; throttled answers (429, {@code rateLimit.failStatusCode}) wait what the server asks
 * for (1 s when it does not say) and do not use up attempts, up to {@code throttles} waits. A
 * server wait over {@link Responses#MAX_WAIT} fails at once with classification {@code
 * rate_limit}.
 *
 * @param attempts tries in all for intermittent failures (default 4)
 * @param throttles throttled waits before giving up (default 10)
 * @param baseDelay first backoff (default 1 s)
 * @param maxDelay longest backoff (default 30 s)
 */
record RetryPolicy(int attempts, int throttles, Duration baseDelay, Duration maxDelay) {
  static final RetryPolicy DEFAULT =
      new RetryPolicy(4, 10, Duration.ofSeconds(1), Duration.ofSeconds(30));
  static final Duration DEFAULT_THROTTLE_WAIT = Duration.ofSeconds(1);

  /** The backoff before try {@code attempt + 1} (attempt counts from 1). */
  Duration backoff(int attempt) {
    long ms = baseDelay.toMillis() << Math.min(20, Math.max(0, attempt - 1));
    return Duration.ofMillis(Math.min(ms, maxDelay.toMillis()));
  }
}
