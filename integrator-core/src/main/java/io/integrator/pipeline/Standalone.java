package io.integrator.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.job.ErrorRow;
import io.integrator.model.Export;
import io.integrator.model.Import;
import io.integrator.model.Resources;
import io.integrator.spi.Adaptor;
import io.integrator.spi.AdaptorException;
import io.integrator.spi.ErrorItem;
import io.integrator.spi.ExportContext;
import io.integrator.spi.Page;
import io.integrator.spi.PageReader;
import io.integrator.spi.SubmitResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Standalone calls without a job (REFERENCE §3.10, §4.9): invoke an export, invoke an import,
 * preview an unsaved export. None of them writes run state or job errors.
 */
final class Standalone {
  /** Most records a preview returns. */
  static final int PREVIEW_LIMIT = 100;

  private Standalone() {}

  static List<ObjectNode> invokeExport(Engine engine, String idOrApi, int limit, ObjectNode data) {
    return read(engine, engine.export(idOrApi), limit, data);
  }

  static List<ObjectNode> preview(Engine engine, ObjectNode exportDocument) {
    ObjectNode doc = exportDocument.deepCopy();
    Export e = Resources.of(Export.class, doc);
    int limit = doc.path("test").path("limit").isMissingNode()
        ? PREVIEW_LIMIT : Math.min(PREVIEW_LIMIT, Math.max(1, e.testLimit()));
    return read(engine, e, limit, null);
  }

  private static List<ObjectNode> read(Engine engine, Export export, int limit, ObjectNode data) {
    ExportContext ctx = engine.exportContext(export, null, Math.max(0, limit), data, true,
        () -> false);
    String what = "export '" + (export.id() == null ? export.name() : export.id()) + "'";
    if (Engine.isPushed(export)) {
      throw new FlowRunException("unsupported", what + " is a " + export.type() + " export: its"
          + " records arrive with requests to its listener, so it cannot be invoked or previewed;"
          + " send it a request instead (docs/webhooks.md, docs/netsuite-distributed.md)");
    }
    Adaptor adaptor = engine.adaptorFor(ctx.connection(), what);
    List<ObjectNode> out = new ArrayList<>();
    int max = limit > 0 ? limit : Integer.MAX_VALUE;
    try (PageReader reader = adaptor.openReader(ctx)) {
      Optional<Page> p;
      while (out.size() < max && (p = reader.next()).isPresent()) {
        for (ObjectNode r : p.get().records()) {
          if (out.size() < max) {
            out.add(r);
          }
        }
      }
    } catch (AdaptorException e) {
      throw new FlowRunException(e.code(), "reading " + what + " failed: " + e.getMessage());
    }
    return out;
  }

  static List<SubmitResult> invokeImport(Engine engine, String idOrApi, List<ObjectNode> records) {
    Import imp = engine.importDoc(idOrApi);
    List<SubmitResult> out = new ArrayList<>(records.size());
    try (ImportPipeline pipeline = engine.importPipeline(imp, null, null, false)) {
      for (int from = 0; from < records.size(); from += RetryRun.CHUNK) {
        List<ObjectNode> chunk = records.subList(from, Math.min(records.size(), from + RetryRun.CHUNK));
        for (RecordOutcome o : pipeline.process(chunk).join()) {
          out.add(result(o));
        }
      }
      List<ErrorRow> unfinished = pipeline.finish();
      if (!unfinished.isEmpty()) {
        throw new FlowRunException(unfinished.get(0).code(), unfinished.get(0).message());
      }
    } catch (AdaptorException e) {
      throw new FlowRunException(e.code(), "import '" + imp.id() + "' cannot submit: "
          + e.getMessage());
    }
    return out;
  }

  private static SubmitResult result(RecordOutcome o) {
    if (o.kind() != RecordOutcome.Kind.ERROR) {
      return o.response();
    }
    List<ErrorItem> items = new ArrayList<>();
    String cls = null;
    for (ErrorRow e : o.errors()) {
      items.add(new ErrorItem(e.code(), e.message(), e.source()));
      cls = cls == null ? e.classification() : cls;
    }
    SubmitResult r = o.response();
    int status = r != null && r.isError() ? r.statusCode() : 422;
    return new SubmitResult(status, r == null ? null : r.id(), r == null ? null : r.json(), items,
        false, cls, Optional.empty());
  }
}
