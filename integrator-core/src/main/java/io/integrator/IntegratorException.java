package io.integrator;

/**
 * The base of every exception the {@link Integrator} facade throws on purpose. Its message is one
 * line a person can act on; it never contains a secret.
 */
public class IntegratorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected IntegratorException(String message) {
    super(message);
  }
}
