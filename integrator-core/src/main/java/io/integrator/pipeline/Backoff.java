package io.integrator.pipeline;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before submitting a transiently failed record again: {@code base x
 * 2^(attempt-1)}, capped at {@code max}, with "equal jitter" (a random value between half and all
 * of it). A wait the destination asked for ({@code Retry-After}) replaces the computed value,
 * capped at {@code maxServerWait}; a throttled record asking for more than that fails instead
 * ({@code SubmitStep}).
 *
 * @param base first wait, default 1 s
 * @param max longest computed wait, default 60 s
 * @param maxServerWait longest server-requested wait honoured, default 5 min
 */
public record Backoff(Duration base, Duration max, Duration maxServerWait) {

  /** The defaults: 1 s, 60 s, 5 min. */
  public static final Backoff DEFAULT =
      new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(5));

  /** Checks the values are not negative. */
  public Backoff {
    if (base.isNegative() || max.isNegative() || maxServerWait.isNegative()) {
      throw new IllegalArgumentException("backoff durations must not be negative");
    }
  }

  /**
   * The wait before attempt {@code attempt + 1}.
   *
   * @param attempt the attempt that just failed, 1-based
   * @param serverWait the wait the destination asked for, if any
   */
  public Duration delay(int attempt, Optional<Duration> serverWait) {
    if (serverWait.isPresent()) {
      Duration w = serverWait.get();
      return w.compareTo(maxServerWait) > 0 ? maxServerWait : w;
    }
    long baseMs = base.toMillis();
    long ms = attempt >= 31 ? Long.MAX_VALUE : baseMs * (1L << Math.max(0, attempt - 1));
    if (ms < 0 || ms > max.toMillis()) {
      ms = max.toMillis();
    }
    long half = ms / 2;
    return Duration.ofMillis(half + (ms - half == 0 ? 0 : ThreadLocalRandom.current().nextLong(ms - half + 1)));
  }
}
