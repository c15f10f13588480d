package io.integrator.pipeline;

/**
 * A destination refused an import's credentials (a record result classified {@code connection}:
 * 401/403 after the adaptor's one refresh). The page's records are already accounted for as
 * retriable errors; the run stops and the connection is marked offline.
 */
final class ConnectionRefusedException extends RuntimeException {
  private final String connectionId;

  ConnectionRefusedException(String connectionId, String message) {
    super(message, null, false, false);
    this.connectionId = connectionId;
  }

  String connectionId() {
    return connectionId;
  }
}
