package io.integrator.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.Adaptor;
import io.integrator.spi.AdaptorException;
import io.integrator.spi.CredentialStore;
import io.integrator.spi.ExportContext;
import io.integrator.spi.ImportContext;
import io.integrator.spi.LookupSource;
import io.integrator.spi.PageReader;
import io.integrator.spi.PingResult;
import io.integrator.spi.RecordWriter;
import java.util.List;
import java.util.Optional;
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
 *   <li>{@link #markExported}: the {@code once} flag written back per record.
 *   <li>{@link #openWriter}: REST imports, one request per record, create or update as the
 *       engine decided, failures classified for the engine to retry.
 *   <li>{@link #lookupSource}: REST lookups for the engine's lookup resolver.
 * </ul>
 *
 * <p>Thread-safe: one instance serves every connection.
 */
public final class RestAdaptor implements Adaptor {
  private final ClientCache clients;
  private final HttpCalls calls;
  private volatile CredentialStore credentials = CredentialStore.NONE;

  /** The adaptor with the process-wide client cache and the default retry policy. */
  public RestAdaptor() {
    this(ClientCache.shared(), RetryPolicy.DEFAULT);
  }

  RestAdaptor(ClientCache clients, RetryPolicy retries) {
    this.clients = clients;
    this.calls = new HttpCalls(retries);
  }

  /** Refreshed OAuth 2.0 tokens (and rotated refresh tokens) are stored there. */
  @Override
  public void useCredentialStore(CredentialStore credentials) {
    this.credentials = java.util.Objects.requireNonNull(credentials, "credentials");
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
    return Pinger.ping(c, clients.client(c, credentials));
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
    return new RestPageReader(context, c, spec, clients.client(c, credentials), calls);
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
    new OnceMarker(context, c, spec, clients.client(c, credentials), calls).mark(records);
  }

  /**
   * Opens a writer for a REST import: one request per record, the requests of a page sent
   * concurrently, create or update per record as the engine decided (see {@code docs/rest.md},
   * "Imports"). Nothing is sent until the first batch.
   *
   * @throws AdaptorException ({@code value}) when the connection or the import's {@code rest} /
   *     {@code http} section is unusable, naming the field
   */
  @Override
  public RecordWriter openWriter(ImportContext context) throws AdaptorException {
    RestConnection c = RestConnection.of(context.connection());
    ImportEndpoint endpoint = ImportEndpoint.of(context.importDocument());
    return new RestRecordWriter(clients.client(c, credentials), endpoint, c);
  }

  /**
   * The source of REST lookups ({@code relativeURI}, {@code method}, {@code postData}, {@code
   * extract}; see {@code docs/rest.md}, "Lookups"), over the connection's shared client. Empty
   * when the connection document is unusable (the run then fails on the writer with the reason).
   */
  @Override
  public Optional<LookupSource> lookupSource(ObjectNode connection) {
    try {
      RestConnection c = RestConnection.of(connection);
      return Optional.of(new RestLookupSource(clients.client(c, credentials), c));
    } catch (AdaptorException e) {
      return Optional.empty();
    }
  }

  /** The shared client of a connection (for the import and lookup classes of this package). */
  ClientCache clients() {
    return clients;
  }
}
