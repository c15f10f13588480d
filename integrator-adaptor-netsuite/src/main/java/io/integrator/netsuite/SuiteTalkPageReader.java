package io.integrator.netsuite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.AdaptorException;
import io.integrator.spi.Classification;
import io.integrator.spi.ExportContext;
import io.integrator.spi.Page;
import io.integrator.spi.PageReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Reads a web-services export lazily: runs each search of the plan (once per delta date field),
 * fetches one NetSuite result page at a time ({@code search}, then {@code searchMoreWithId}) and
 * hands out engine pages of the export's {@code pageSize}.
 *
 * <p>Delta: criterion {@code dateField after lastExportDateTime} (or {@code onOrBefore
 * currentExportDateTime} on a first run without a lower bound); records changed after {@code
 * currentExportDateTime} are left for the next run (dropped here by their date), so the window is
 * {@code lower < date <= upper}. Once: criterion {@code booleanField = false}. Test mode and
 * invocations stop at the engine's limit.
 */
final class SuiteTalkPageReader implements PageReader {
  private final SuiteTalkClient client;
  private final SuiteTalkExportPlan plan;
  private final ExportContext ctx;
  private final SuiteTalkPreferences prefs;
  private final Deque<ObjectNode> buffer = new ArrayDeque<>();
  private final List<SearchRun> runs = new ArrayList<>();
  private int runIndex;
  private SearchRun current;
  private int produced;
  private boolean statsDone;

  private record SearchRun(SuiteTalkExportPlan.Search search,
      List<SuiteTalkSearch.Criterion> criteria, String dateField) {}

  SuiteTalkPageReader(SuiteTalkClient client, SuiteTalkExportPlan plan, ExportContext ctx) {
    this.client = client;
    this.plan = plan;
    this.ctx = ctx;
    int size = plan.netsuitePageSize > 0 ? plan.netsuitePageSize : ctx.pageSize();
    this.prefs = new SuiteTalkPreferences(size, plan.bodyFieldsOnly, false);
    for (SuiteTalkExportPlan.Search s : plan.searches) {
      if (plan.dateFields.isEmpty()) {
        runs.add(new SearchRun(s, withOnce(s.criteria()), null));
      }
      for (String dateField : plan.dateFields) {
        List<SuiteTalkSearch.Criterion> c = withOnce(s.criteria());
        Optional<Instant> lower = ctx.lastExportDateTime();
        Instant upper = ctx.currentExportDateTime().orElseGet(Instant::now);
        c.add(lower.isPresent()
            ? new SuiteTalkSearch.Criterion(dateField, SuiteTalkSearch.Kind.DATE, "after",
                List.of(ExportContext.iso(lower.get())), null)
            : new SuiteTalkSearch.Criterion(dateField, SuiteTalkSearch.Kind.DATE, "onOrBefore",
                List.of(ExportContext.iso(upper)), null));
        runs.add(new SearchRun(s, c, dateField));
      }
    }
  }

  private List<SuiteTalkSearch.Criterion> withOnce(List<SuiteTalkSearch.Criterion> base) {
    List<SuiteTalkSearch.Criterion> c = new ArrayList<>(base);
    if (plan.onceField != null) {
      c.add(new SuiteTalkSearch.Criterion(plan.onceField, SuiteTalkSearch.Kind.BOOLEAN, null,
          List.of("false"), null));
    }
    return c;
  }

  private String searchId;
  private int pageIndex;
  private int totalPages;

  @Override
  public Optional<Page> next() throws AdaptorException {
    try {
      if (plan.statsOnly) {
        return stats();
      }
      List<ObjectNode> page = new ArrayList<>();
      while (page.size() < ctx.pageSize() && !ctx.isCanceled() && !limitReached(page.size())) {
        if (buffer.isEmpty() && !fill()) {
          break;
        }
        if (!buffer.isEmpty()) {
          page.add(buffer.poll());
        }
      }
      produced += page.size();
      return page.isEmpty() ? Optional.empty() : Optional.of(Page.of(page));
    } catch (SuiteTalkFault f) {
      throw new AdaptorException(f.code(), "export '" + plan.exportName + "': " + f.getMessage(),
          f.classification(), null, f);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AdaptorException("interrupted", "export '" + plan.exportName + "' was interrupted",
          Classification.INTERMITTENT);
    }
  }

  private boolean limitReached(int inPage) {
    return ctx.limit() > 0 && produced + inPage >= ctx.limit();
  }

  /** Fetches the next NetSuite page into the buffer; false when every search is exhausted. */
  private boolean fill() throws SuiteTalkFault, InterruptedException {
    while (true) {
      SuiteTalkSearch.Result r;
      if (current == null) {
        if (runIndex >= runs.size()) {
          return false;
        }
        current = runs.get(runIndex++);
        r = SuiteTalkSearch.search(client, current.search().type(), current.search().savedSearchId(),
            current.criteria(), prefs);
        searchId = r.searchId();
        totalPages = r.totalPages();
        pageIndex = 1;
      } else if (pageIndex < totalPages) {
        r = SuiteTalkSearch.more(client, searchId, ++pageIndex, prefs);
      } else {
        current = null;
        continue;
      }
      for (ObjectNode rec : r.records()) {
        if (inWindow(rec)) {
          buffer.add(rec);
        }
      }
      if (pageIndex >= totalPages) {
        current = null;
      }
      if (!buffer.isEmpty()) {
        return true;
      }
    }
  }

  /** Drops records changed after the run's upper bound (left for the next run). */
  private boolean inWindow(ObjectNode rec) {
    if (current.dateField() == null || ctx.currentExportDateTime().isEmpty()) {
      return true;
    }
    JsonNode d = rec.get(current.dateField());
    if (d == null || !d.isTextual()) {
      return true;
    }
    try {
      return !OffsetDateTime.parse(d.asText()).toInstant()
          .isAfter(ctx.currentExportDateTime().get());
    } catch (DateTimeParseException e) {
      return true;
    }
  }

  private Optional<Page> stats() throws SuiteTalkFault, InterruptedException {
    if (statsDone) {
      return Optional.empty();
    }
    statsDone = true;
    int total = 0;
    for (SearchRun run : runs) {
      total += SuiteTalkSearch.search(client, run.search().type(), run.search().savedSearchId(),
          run.criteria(), prefs).totalRecords();
    }
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("totalRecords", total);
    return Optional.of(Page.of(List.of(o)));
  }

  @Override
  public void close() {
    buffer.clear();
  }
}
