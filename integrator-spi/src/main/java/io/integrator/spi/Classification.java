package io.integrator.spi;

/**
 * The job-error classifications (REFERENCE §12) and the default mapping from a destination's
 * status code. Adaptors may pass any of these constants where a classification is asked for.
 */
public final class Classification {
  /** A bad value (conversion errors, most 4xx). Not retried automatically. */
  public static final String VALUE = "value";
  /** A lookup found no match, a required value is missing. */
  public static final String MISSING = "missing";
  /** Unreachable system, refused credentials (401, 403, offline). Retried automatically. */
  public static final String CONNECTION = "connection";
  /** Transient failure (408, 500, 502, 503, 504, network errors). Retried automatically. */
  public static final String INTERMITTENT = "intermittent";
  /** Throttled (429). Retried automatically. */
  public static final String RATE_LIMIT = "rate_limit";
  /** The record is over a size cap. */
  public static final String TOO_LARGE = "too_large";
  /** A body or file could not be parsed. */
  public static final String PARSE = "parse";
  /** Several matches, or the destination said the record exists (409). */
  public static final String DUPLICATE = "duplicate";

  private Classification() {}

  /**
   * The classification of an HTTP-like status code: 408/500/502/503/504 and 0 (no response) are
   * {@link #INTERMITTENT}, 429 {@link #RATE_LIMIT}, 401/403 {@link #CONNECTION}, 409 {@link
   * #DUPLICATE}, 413 {@link #TOO_LARGE}, anything else {@link #VALUE}.
   */
  public static String ofStatus(int statusCode) {
    return switch (statusCode) {
      case 0, 408, 500, 502, 503, 504 -> INTERMITTENT;
      case 429 -> RATE_LIMIT;
      case 401, 403 -> CONNECTION;
      case 409 -> DUPLICATE;
      case 413 -> TOO_LARGE;
      default -> VALUE;
    };
  }

  /**
   * True for the classifications the engine retries within a run ({@link #CONNECTION}, {@link
   * #INTERMITTENT}, {@link #RATE_LIMIT}), up to the import's {@code maxAttempts}.
   */
  public static boolean isTransient(String classification) {
    return CONNECTION.equals(classification)
        || INTERMITTENT.equals(classification)
        || RATE_LIMIT.equals(classification);
  }
}
