package io.integrator.store;

/**
 * A store operation failed: the database could not be reached or written, a secret could not be
 * decrypted, the store is closed, or the like. The message is one line that says what failed and
 * what to do; it never contains a secret value.
 *
 * <p>Unchecked, so callers that cannot recover need not declare it.
 */
public class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message one line: what failed and what to do
   */
  public StoreException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message one line: what failed and what to do
   * @param cause the underlying error (for example a {@link java.sql.SQLException})
   */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
