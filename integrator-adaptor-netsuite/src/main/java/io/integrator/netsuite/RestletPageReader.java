package io.integrator.netsuite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.AdaptorException;
import io.integrator.spi.ExportContext;
import io.integrator.spi.Page;
import io.integrator.spi.PageReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a NetSuite-side batch export: the saved search of the export's distributed document, run by
 * the RESTlet page by page ({@code pageIndex} from 0, {@code pageSize} of the export), with the delta
 * window on {@code delta.dateField} (lower case, default {@code lastmodifieddate}) for delta exports.
 * One call per {@link #next()}.
 */
final class RestletPageReader implements PageReader {
  private final RestletClient client;
  private final RestletSettings settings;
  private final ExportContext ctx;
  private final ObjectNode request;
  private final String what;
  private int pageIndex;
  private int produced;
  private boolean done;

  RestletPageReader(RestletClient client, RestletSettings settings, ExportContext ctx,
      String exportId) {
    this.client = client;
    this.settings = settings;
    this.ctx = ctx;
    this.what = "export '" + exportId + "'";
    ObjectNode r = RestletClient.JSON.createObjectNode();
    r.put("operation", "export");
    r.set("export", ctx.distributed());
    r.put("pageSize", ctx.pageSize());
    if (ctx.currentExportDateTime().isPresent()) {
      ObjectNode delta = r.putObject("delta");
      delta.put("dateField", ctx.export().path("delta").path("dateField")
          .asText("lastmodifieddate").toLowerCase(Locale.ROOT));
      ctx.lastExportDateTime().ifPresent(t -> delta.put("from", ExportContext.iso(t)));
      delta.put("to", ExportContext.iso(ctx.currentExportDateTime().get()));
    }
    this.request = r;
  }

  @Override
  public Optional<Page> next() throws AdaptorException {
    if (done || ctx.isCanceled() || (ctx.limit() > 0 && produced >= ctx.limit())) {
      return Optional.empty();
    }
    ObjectNode body = request.deepCopy();
    body.put("pageIndex", pageIndex++);
    JsonNode answer = client.call(settings, body, what);
    List<ObjectNode> records = new ArrayList<>();
    for (JsonNode r : answer.path("records")) {
      if (r instanceof ObjectNode o) {
        records.add(o);
      }
    }
    done = answer.path("done").asBoolean(true) || records.isEmpty();
    produced += records.size();
    return records.isEmpty() ? Optional.empty() : Optional.of(Page.of(records));
  }

  @Override
  public void close() {
    // nothing is held between calls
  }
}
