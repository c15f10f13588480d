package io.integrator.spi;

import java.util.Objects;

/**
 * The outcome of {@link Adaptor#ping}: success, or a failure with a code and a message a user can
 * act on (never containing a secret).
 *
 * @param ok true when the connection works
 * @param code {@code "200"} on success; on failure a status code or a symbolic code such as
 *     {@code "unauthorized"} or {@code "unreachable"}
 * @param message empty on success; on failure what went wrong and what to check
 */
public record PingResult(boolean ok, String code, String message) {

  public PingResult {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  /** A successful ping. */
  public static PingResult success() {
    return new PingResult(true, "200", "");
  }

  /** A failed ping with the given code and message. */
  public static PingResult failure(String code, String message) {
    return new PingResult(false, code, message);
  }
}
