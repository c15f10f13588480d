package io.integrator.netsuite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.Adaptor;
import io.integrator.spi.AdaptorException;
import io.integrator.spi.Classification;
import io.integrator.spi.ExportContext;
import io.integrator.spi.ImportContext;
import io.integrator.spi.PageReader;
import io.integrator.spi.LookupSource;
import io.integrator.spi.PingResult;
import io.integrator.spi.RecordWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The adaptor for connections of type {@code netsuite} (found with {@link java.util.ServiceLoader}).
 *
 * <p>Web services (SuiteTalk SOAP): imports of {@code netsuite.recordType} with {@code operation}
 * add, update, addupdate or delete, {@code internalIdLookup}, {@code ignoreExisting}, {@code
 * ignoreMissing}, {@code retryUpdateAsAdd} and {@code customFieldMetadata}, batched as
 * addList/updateList/upsertList/deleteList; NetSuite lookups ({@code netsuite.lookups} with {@code
 * recordType}, {@code searchField}, {@code resultField}, {@code includeInactive}); exports of
 * {@code netsuite.type} {@code search} (saved searches) and {@code basicSearch}, with delta and
 * once ({@link #markExported}); and {@link #ping}
 * (an authenticated {@code getServerTime}). The transport is a jaxws-rt {@code
 * Dispatch<SOAPMessage>} with our own small XML codec, so any web services version works
 * ({@code netsuite.wsdlVersion}, default {@value NetSuiteConnection#DEFAULT_WSDL_VERSION}).
 * See {@code docs/netsuite.md}.
 *
 * <p>Distributed (NetSuite-side) work goes to the RESTlet of the distributed adaptor: imports with
 * {@code distributed: true} and exports of {@code netsuite.type: restlet}
 * ({@code docs/netsuite-distributed.md}).
 *
 * <p>One client per connection is kept (its calls in flight are bounded by {@code
 * netsuite.concurrencyLevelWebServices} or {@code netsuite.concurrencyLevel}, default 1, shared by
 * every job using the connection); a changed connection document gets a new client. The adaptor
 * stores nothing. Thread-safe.
 */
public final class NetSuiteAdaptor implements Adaptor {
  private record Cached(String document, SuiteTalkClient client) {}

  private final Map<String, Cached> clients = new ConcurrentHashMap<>();
  /** Imports with {@code distributed: true} and exports of {@code netsuite.type: restlet}. */
  private final DistributedAdaptor distributed = new DistributedAdaptor();

  /** Creates the adaptor (ServiceLoader needs this constructor). */
  public NetSuiteAdaptor() {}

  @Override
  public Set<String> connectionTypes() {
    return Set.of("netsuite");
  }

  @Override
  public PingResult ping(ObjectNode connection) {
    SuiteTalkClient client;
    try {
      client = client(connection);
    } catch (IllegalArgumentException e) {
      return PingResult.failure("invalid_connection", e.getMessage());
    }
    try {
      client.call("getServerTime", null, (op, ns) -> { });
      return PingResult.success();
    } catch (SuiteTalkFault f) {
      return PingResult.failure(f.code(), f.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return PingResult.failure("interrupted", "the ping of " + client.connection.describe()
          + " was interrupted");
    }
  }

  @Override
  public Optional<LookupSource> lookupSource(ObjectNode connection) {
    return Optional.of(new SuiteTalkLookupSource(() -> client(connection)));
  }

  @Override
  public RecordWriter openWriter(ImportContext context) throws AdaptorException {
    if (DistributedAdaptor.handlesImport(context.importDocument())) {
      return distributed.openWriter(context);
    }
    SuiteTalkImportPlan plan;
    SuiteTalkClient client;
    try {
      plan = new SuiteTalkImportPlan(context.importDocument());
    } catch (IllegalArgumentException e) {
      throw new AdaptorException("invalid_import", e.getMessage(), Classification.VALUE);
    }
    try {
      client = client(context.connection());
    } catch (IllegalArgumentException e) {
      throw new AdaptorException("invalid_connection", e.getMessage(), Classification.CONNECTION);
    }
    return new SuiteTalkRecordWriter(client, plan);
  }

  @Override
  public PageReader openReader(ExportContext context) throws AdaptorException {
    if (DistributedAdaptor.handles(context.export())) {
      return distributed.openReader(context);
    }
    SuiteTalkExportPlan plan = exportPlan(context);
    return new SuiteTalkPageReader(client(context.connection(), "export"), plan, context);
  }

  /**
   * Sets {@code once.booleanField} to true on the page's records with one {@code updateList} per
   * 200 records (a custom field is written as a {@code BooleanCustomFieldRef}).
   */
  @Override
  public void markExported(ExportContext context, List<ObjectNode> records)
      throws AdaptorException {
    SuiteTalkExportPlan plan = exportPlan(context);
    if (plan.onceField == null) {
      throw new AdaptorException("invalid_export", "export '" + plan.exportName + "' is not a once"
          + " export (once.booleanField)", Classification.VALUE);
    }
    new SuiteTalkOnceMarker(client(context.connection(), "export"), plan).mark(records);
  }

  private static SuiteTalkExportPlan exportPlan(ExportContext context) throws AdaptorException {
    try {
      return new SuiteTalkExportPlan(context.export());
    } catch (IllegalArgumentException e) {
      throw new AdaptorException("invalid_export", e.getMessage(), Classification.VALUE);
    }
  }

  private SuiteTalkClient client(ObjectNode connection, String what) throws AdaptorException {
    try {
      return client(connection);
    } catch (IllegalArgumentException e) {
      throw new AdaptorException("invalid_connection", e.getMessage() + " (" + what + ")",
          Classification.CONNECTION);
    }
  }

  /**
   * The client of a connection, created on first use and replaced when the document changed.
   *
   * @throws IllegalArgumentException when the connection lacks what SuiteTalk needs
   */
  SuiteTalkClient client(ObjectNode connection) {
    String doc = connection.toString();
    String key = connection.path("_id").asText(doc);
    Cached c = clients.get(key);
    if (c != null && c.document().equals(doc)) {
      return c.client();
    }
    SuiteTalkClient fresh = new SuiteTalkClient(NetSuiteConnection.of(connection));
    return clients.compute(key, (k, old) -> old != null && old.document().equals(doc) ? old
        : new Cached(doc, fresh)).client();
  }
}
