package io.integrator.netsuite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.Adaptor;
import io.integrator.spi.AdaptorException;
import io.integrator.spi.Classification;
import io.integrator.spi.ExportContext;
import io.integrator.spi.ImportContext;
import io.integrator.spi.PageReader;
import io.integrator.spi.PingResult;
import io.integrator.spi.RecordWriter;
import java.util.Set;

/**
 * The distributed (NetSuite-side) half of the NetSuite adaptor: imports with {@code distributed: true}
 * and exports with {@code netsuite.type: restlet} go through the Integrator RESTlet deployed in the
 * account (docs/netsuite-distributed.md). Realtime exports ({@code type: distributed}) are pushed by the
 * user-event script and received by {@link DistributedListener}; the engine reads them from its queue,
 * so they never reach this class. {@code NetSuiteAdaptor} delegates the distributed cases here.
 */
final class DistributedAdaptor implements Adaptor {
  private final RestletClient client = new RestletClient();

  @Override
  public Set<String> connectionTypes() {
    return Set.of("netsuite");
  }

  /** True for the exports this class reads: {@code netsuite.type: restlet}. */
  static boolean handles(ObjectNode export) {
    return "restlet".equals(export.path("netsuite").path("type").asText());
  }

  /** True for the imports this class writes: {@code distributed: true} (or "true"). */
  static boolean handlesImport(ObjectNode importDocument) {
    return importDocument.path("distributed").asBoolean(false)
        || "true".equalsIgnoreCase(importDocument.path("distributed").asText());
  }

  /** Calls the RESTlet's {@code ping}: the URL, the token-based credentials and the deployment. */
  @Override
  public PingResult ping(ObjectNode connection) {
    try {
      RestletSettings s = RestletSettings.of(connection);
      ObjectNode body = RestletClient.JSON.createObjectNode().put("operation", "ping");
      client.call(s, body, "ping of connection '" + connection.path("_id").asText("(unsaved)") + "'");
      return PingResult.success();
    } catch (AdaptorException e) {
      return PingResult.failure(e.code(), e.getMessage());
    }
  }

  @Override
  public PageReader openReader(ExportContext ctx) throws AdaptorException {
    String id = ctx.export().path("_id").asText("(unsaved)");
    if (!handles(ctx.export())) {
      throw new AdaptorException("unsupported", "export '" + id + "' is not a NetSuite-side "
          + "(netsuite.type: restlet) export", Classification.VALUE);
    }
    if (ctx.distributed().path("searchId").asText("").isEmpty()) {
      throw new AdaptorException("missing_distributed", "export '" + id + "' has netsuite.type "
          + "restlet but its distributed document has no searchId; PUT /exports/" + id
          + "/distributed with {\"type\": \"batch\", \"recordType\": ..., \"searchId\": ...}",
          Classification.VALUE);
    }
    return new RestletPageReader(client, RestletSettings.of(ctx.connection()), ctx, id);
  }

  @Override
  public RecordWriter openWriter(ImportContext ctx) throws AdaptorException {
    String id = ctx.importDocument().path("_id").asText("(unsaved)");
    if (!handlesImport(ctx.importDocument())) {
      throw new AdaptorException("unsupported", "import '" + id + "' is not distributed",
          Classification.VALUE);
    }
    if (ctx.distributed().path("recordType").asText("").isEmpty()) {
      throw new AdaptorException("missing_distributed", "import '" + id + "' is distributed but its "
          + "distributed document has no recordType; PUT /imports/" + id + "/distributed",
          Classification.VALUE);
    }
    ObjectNode config = ctx.distributed().deepCopy();
    config.put("_importId", id);
    return new RestletImportWriter(client, RestletSettings.of(ctx.connection()), config, id);
  }
}
