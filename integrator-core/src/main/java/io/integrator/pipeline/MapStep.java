package io.integrator.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.job.ErrorRow;
import io.integrator.lookup.LookupResolver;
import io.integrator.mapping.Mapping;
import io.integrator.mapping.MappingError;
import io.integrator.mapping.Operation;
import io.integrator.mapping.RecordResult;
import io.integrator.spi.ImportRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Resolves lookups for the whole page (batched, cached per job) and applies the mapping: records
 * to update ({@link ExistenceStep}) without their {@code immutable} fields.
 */
final class MapStep implements Step {
  private final Mapping mapping;
  private final LookupResolver resolver;

  MapStep(Mapping mapping, LookupResolver resolver) {
    this.mapping = mapping;
    this.resolver = resolver;
  }

  @Override
  public CompletableFuture<Void> apply(PageWork w) {
    List<Integer> live = w.live();
    if (live.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    List<Integer> creates = new ArrayList<>(live.size());
    List<Integer> updates = new ArrayList<>(0);
    for (int i : live) {
      (w.operation[i] == ImportRecord.Operation.UPDATE ? updates : creates).add(i);
    }
    map(w, creates, Operation.CREATE);
    map(w, updates, Operation.UPDATE);
    return CompletableFuture.completedFuture(null);
  }

  /** Maps some records of the page as creates or updates (updates leave out immutable fields). */
  private void map(PageWork w, List<Integer> idx, Operation op) {
    if (idx.isEmpty()) {
      return;
    }
    List<ObjectNode> records = new ArrayList<>(idx.size());
    idx.forEach(i -> records.add(w.current[i]));
    List<RecordResult> results = mapping.applyPage(records, resolver, op);
    for (int k = 0; k < idx.size(); k++) {
      int i = idx.get(k);
      RecordResult r = results.get(k);
      if (r.isSuccess()) {
        w.mapped[i] = r.record();
      } else {
        List<ErrorRow> rows = new ArrayList<>();
        String src = "mapping";
        for (MappingError e : r.errors()) {
          String s = "lookup".equals(e.source()) ? "lookup" : "mapping";
          src = s;
          rows.add(new ErrorRow(e.code(), e.message(), s, e.classification(), true,
              e.extract(), e.generate(), e.extracted()));
        }
        w.fail(i, src, rows);
      }
    }
  }

  @Override
  public String source() {
    return "mapping";
  }
}
