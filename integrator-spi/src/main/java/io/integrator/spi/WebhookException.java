package io.integrator.spi;

/**
 * Thrown by {@link WebhookSink#accept} when a request's records were not queued. Carries the HTTP
 * status a listener should answer with and a code for the error body; the message names the export
 * and what to do, and never contains a secret.
 */
public class WebhookException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;

  /**
   * Creates an exception.
   *
   * @param status the HTTP status to answer ({@code 404} unknown export, {@code 503} try later)
   * @param code a symbolic code ({@code not_found}, {@code no_flow}, {@code store_failed})
   * @param message what failed, in words a user can act on
   * @param cause the underlying failure, or null
   */
  public WebhookException(int status, String code, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.code = code;
  }

  /** @return the HTTP status a listener should answer with */
  public int status() {
    return status;
  }

  /** @return the symbolic code for the error body */
  public String code() {
    return code;
  }
}
