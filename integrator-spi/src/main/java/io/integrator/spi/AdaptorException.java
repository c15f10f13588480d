package io.integrator.spi;

import java.time.Duration;
import java.util.Optional;

/**
 * Thrown by a {@link PageReader}, a {@link RecordWriter} or {@link Adaptor#markExported} when the
 * system cannot be used at all (unreachable, credentials refused, throttled, unreadable response).
 *
 * <p>From a reader it is fatal for the run: the job ends {@code failed}. From a writer it applies
 * to every record of the batch: the engine retries transient classifications ({@link
 * Classification#isTransient}) up to the import's {@code maxAttempts}, then records one job error
 * per record. The message must name what failed and must never contain a secret.
 */
public class AdaptorException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String code;
  private final String classification;
  private final transient Duration retryAfter;

  /**
   * Creates an exception.
   *
   * @param code status code as text ({@code "503"}) or a symbolic code ({@code unreachable})
   * @param message what failed, in words a user can act on; no secrets
   * @param classification one of {@link Classification}'s constants
   * @param retryAfter how long the system asked us to wait before trying again, or null
   * @param cause the underlying failure, or null
   */
  public AdaptorException(
      String code, String message, String classification, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.code = code == null ? "error" : code;
    this.classification = classification == null ? Classification.CONNECTION : classification;
    this.retryAfter = retryAfter;
  }

  /** An exception with a code, message and classification, no server wait, no cause. */
  public AdaptorException(String code, String message, String classification) {
    this(code, message, classification, null, null);
  }

  /** @return the code carried into job errors */
  public String code() {
    return code;
  }

  /** @return the classification, {@link Classification#CONNECTION} by default */
  public String classification() {
    return classification;
  }

  /** @return the wait the system asked for (e.g. a {@code Retry-After} header), if any */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
