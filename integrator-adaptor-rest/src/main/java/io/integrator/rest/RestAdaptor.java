package io.integrator.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.Adaptor;
import io.integrator.spi.AdaptorException;
import io.integrator.spi.ExportContext;
import io.integrator.spi.PageReader;
import io.integrator.spi.PingResult;
import java.util.List;
import java.util.Set;

/**
 * The adaptor for connections of type {@code rest} (the API document's) and {@code http}, over
 * okhttp. Found by the engine through {@code META-INF/services/io.integrator.spi.Adaptor}.
 *
 * <p>One okhttp client per connection is shared by every flow, lookup and ping that uses it
 * (connection pool and dispatcher shared by all connections). Settings, paging, failure handling
 * and the decisions taken are described in {@code docs/rest.md}.
 *
 * <ul>
 *   <li>{@link #ping}: the connection's ping URI; success without a request when it has none.
 *   <li>{@link #openReader}: REST exports with every paging method, records streamed out of each
 *       response, intermittent failures and throttling retried inside the reader.
 * </ul>
 *
 * <p>Thread-safe: one instance serves every connection.
 */
public final class RestAdaptor implements Adaptor {
  private final ClientCache clients;
  private final HttpCalls calls;

  /** The adaptor with the process-wide client cache and the default retry policy. */
  public RestAdaptor() {
    this(ClientCache.shared(), RetryPolicy.DEFAULT);
  }

  RestAdaptor(ClientCache clients, RetryPolicy retries) {
    this.clients = clients;
    this.calls = new HttpCalls(retries);
  }

  /** {@code rest} and {@code http}. */
  @Override
  public Set<String> connectionTypes() {
    return Set.of("rest", "http");
  }

  /**
   * Pings the connection: GET (or {@code ping.method}) its ping URI with its credentials. Without
   * a ping URI the ping succeeds without a request. A connection document that cannot be used
   * fails with code {@code invalid_connection} naming the field.
   */
  @Override
  public PingResult ping(ObjectNode connection) {
    RestConnection c;
    try {
      c = RestConnection.of(connection);
    } catch (AdaptorException e) {
      return PingResult.failure(e.code(), e.getMessage());
    }
    return Pinger.ping(c, clients.client(c));
  }

  /**
   * Opens a reader for a REST export. Nothing is requested until the first {@link
   * PageReader#next()}.
   *
   * @throws AdaptorException ({@code value}) when the connection or export settings are unusable,
   *     naming the field
   */
  @Override
  public PageReader openReader(ExportContext context) throws AdaptorException {
    RestConnection c = RestConnection.of(context.connection());
    ExportSpec spec = ExportSpec.of(context.export(), c);
    return new RestPageReader(context, c, spec, clients.client(c), calls);
  }

  /**
   * Writes {@code once.booleanField} back for a page of a {@code once} export: one request per
   * record with the export's {@code once} settings ({@code relativeURI} required, {@code method}
   * PUT by default, {@code postBody} by default {@code {"<booleanField>": true}}), rendered against
   * the record.
   *
   * @throws AdaptorException naming the first record that could not be marked
   */
  @Override
  public void markExported(ExportContext context, List<ObjectNode> records)
      throws AdaptorException {
    RestConnection c = RestConnection.of(context.connection());
    ExportSpec spec = ExportSpec.of(context.export(), c);
    new OnceMarker(context, c, spec, clients.client(c), calls).mark(records);
  }

  /** The shared client of a connection (for the import and lookup classes of this package). */
  ClientCache clients() {
    return clients;
  }
}
