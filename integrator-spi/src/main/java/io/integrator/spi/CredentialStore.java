package io.integrator.spi;

import java.util.Map;

/**
 * Where an adaptor keeps credentials it obtained itself, such as an OAuth 2.0 access token it
 * refreshed and the refresh token the provider rotated with it, so that the next run and the next
 * process start from them instead of from values the provider no longer accepts.
 *
 * <p>The engine hands its store to every adaptor once, through {@link
 * Adaptor#useCredentialStore}, before any other call. Implementations are thread-safe and never
 * log the values.
 */
public interface CredentialStore {

  /** A store that keeps nothing (an adaptor used without an engine). */
  CredentialStore NONE = (connectionId, secrets) -> {};

  /**
   * Writes new values of secret fields into the stored connection document.
   *
   * @param connectionId the connection's {@code _id}; a connection that is not stored (an
   *     export run standalone, say) is left alone
   * @param secrets dotted paths in the connection document, such as {@code rest.bearerToken},
   *     and their new values
   * @throws IllegalArgumentException when a path is not one of the connection's secret fields
   */
  void update(String connectionId, Map<String, String> secrets);
}
