package io.integrator.rest;

import java.io.IOException;

/**
 * Thrown inside okhttp's interceptor chain when an access token cannot be obtained or refreshed;
 * {@link Responses#classify(IOException)} makes it a {@code connection} failure. The message never
 * holds a secret.
 */
final class AuthFailedException extends IOException {
  private static final long serialVersionUID = 1L;

  private final int status;

  AuthFailedException(String message, int status) {
    super(message);
    this.status = status;
  }

  /** The token endpoint's status, or 0 when it did not answer. */
  int status() {
    return status;
  }
}
