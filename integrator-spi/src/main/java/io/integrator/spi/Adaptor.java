package io.integrator.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.Set;

/**
 * Connects the engine to one kind of external system (a REST API, an FTP server, NetSuite...).
 *
 * <p>An adaptor is found with {@link java.util.ServiceLoader}: ship a jar whose
 * {@code META-INF/services/io.integrator.spi.Adaptor} names the implementing class, which needs a
 * public no-argument constructor. The engine picks the adaptor whose {@link #connectionTypes()}
 * contains the connection's {@code type} ({@code rest}, {@code http}, {@code ftp},
 * {@code netsuite}...). Core never refers to an adaptor class by name.
 *
 * <p>Implementations must be thread-safe: one instance serves every connection of its types.
 * Connection documents are handed over as Jackson trees in the API document's shape, with secrets
 * in clear text; an adaptor must never log them or put them in an exception message.
 */
public interface Adaptor {

  /**
   * The connection {@code type} values this adaptor serves, in lower case, e.g.
   * {@code Set.of("rest", "http")}. Two adaptors on the classpath must not claim the same type.
   */
  Set<String> connectionTypes();

  /**
   * Tests that the system a connection points at can be reached with its credentials, as the API
   * document's {@code GET /connections/{id}/ping} does.
   *
   * @param connection the connection document, secrets in clear text
   * @return the outcome; a failure says what is wrong in words a user can act on
   */
  PingResult ping(ObjectNode connection);

  /**
   * The source that answers dynamic lookups ({@code rest.lookups}, {@code netsuite.lookups}) of
   * imports whose connection this adaptor serves. The engine asks it once per page with every
   * distinct question (see {@link LookupSource}).
   *
   * @param connection the import's connection document, secrets in clear text
   * @return the lookup source, or empty when this adaptor has no dynamic lookups
   */
  default Optional<LookupSource> lookupSource(ObjectNode connection) {
    return Optional.empty();
  }
}
