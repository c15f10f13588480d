package io.integrator.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.job.ErrorRow;
import io.integrator.spi.ErrorItem;
import io.integrator.spi.ImportRecord;
import io.integrator.spi.SubmitResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One page on its way through one import: per record, its state at each step and, once decided,
 * its outcome. A record whose outcome is decided is no longer "live" and later steps skip it.
 */
final class PageWork {
  /** Boxed indices of the usual page sizes, shared: steps ask for the live indices of every page. */
  private static final Integer[] INDEXES = new Integer[10_000];

  static {
    for (int i = 0; i < INDEXES.length; i++) {
      INDEXES[i] = i;
    }
  }

  final List<ObjectNode> input;
  final ObjectNode[] current;
  final ObjectNode[] mapped;
  final SubmitResult[] response;
  final RecordOutcome.Kind[] kind;
  final String[] step;
  /** Set by {@link ExistenceStep}: create (the default) or update. */
  final ImportRecord.Operation[] operation;
  /** Set by {@link ExistenceStep}: the destination id when known. */
  final String[] existingId;
  /** Set by {@link ExistenceStep}: lookup values for request placeholders, by lookup name. */
  final Map<String, JsonNode>[] lookups;
  /** Per record, its errors; null until it has one (most records never do). */
  private final List<ErrorRow>[] errors;

  PageWork(List<ObjectNode> input) {
    this.input = input;
    int n = input.size();
    current = new ObjectNode[n];
    mapped = new ObjectNode[n];
    response = new SubmitResult[n];
    kind = new RecordOutcome.Kind[n];
    step = new String[n];
    operation = new ImportRecord.Operation[n];
    existingId = new String[n];
    @SuppressWarnings("unchecked")
    Map<String, JsonNode>[] l = new Map[n];
    lookups = l;
    @SuppressWarnings("unchecked")
    List<ErrorRow>[] e = new List[n];
    errors = e;
    input.toArray(current);
    java.util.Arrays.fill(operation, ImportRecord.Operation.CREATE);
    java.util.Arrays.fill(lookups, Map.of());
  }

  /** What the writer gets for record {@code i}: the mapped record and what is known about it. */
  ImportRecord importRecord(int i) {
    return new ImportRecord(mapped[i], current[i], lookups[i], existingId[i], operation[i]);
  }

  int size() {
    return input.size();
  }

  /** Indices of records still going on. */
  List<Integer> live() {
    List<Integer> out = new ArrayList<>(size());
    for (int i = 0; i < size(); i++) {
      if (kind[i] == null) {
        out.add(index(i));
      }
    }
    return out;
  }

  private static Integer index(int i) {
    return i < INDEXES.length ? INDEXES[i] : Integer.valueOf(i);
  }

  void fail(int i, String atStep, List<ErrorRow> rows) {
    kind[i] = RecordOutcome.Kind.ERROR;
    step[i] = atStep;
    errorsOf(i).addAll(rows);
  }

  private List<ErrorRow> errorsOf(int i) {
    if (errors[i] == null) {
      errors[i] = new ArrayList<>(2);
    }
    return errors[i];
  }

  void ignore(int i) {
    kind[i] = RecordOutcome.Kind.IGNORE;
  }

  /** Errors that do not decide the outcome ({@code {data, errors}} hook items). */
  void note(int i, List<ErrorRow> rows) {
    errorsOf(i).addAll(rows);
  }

  /** Fails every live record with one error (a page-level failure). */
  void failLive(String atStep, ErrorRow row) {
    for (int i : live()) {
      fail(i, atStep, List.of(row));
    }
  }

  /** The Job Error {@code source} values (REFERENCE §12); an item naming another keeps the step's. */
  static final java.util.Set<String> SOURCES = java.util.Set.of("connection", "application",
      "internal", "resource", "lookup", "mapping", "pre_save_page_hook", "pre_map_hook",
      "post_map_hook", "post_submit_hook", "post_response_map_hook", "post_aggregate_hook");

  static List<ErrorRow> rows(List<ErrorItem> items, String source, String classification,
      boolean retriable) {
    List<ErrorRow> out = new ArrayList<>(items.size());
    for (ErrorItem e : items) {
      String src = e.source() != null && SOURCES.contains(e.source()) ? e.source() : source;
      out.add(ErrorRow.of(e.code(), e.message(), src, classification, retriable));
    }
    return out;
  }

  List<RecordOutcome> outcomes() {
    List<RecordOutcome> out = new ArrayList<>(size());
    for (int i = 0; i < size(); i++) {
      RecordOutcome.Kind k = kind[i] == null ? RecordOutcome.Kind.SUCCESS : kind[i];
      List<ErrorRow> rows = errors[i] == null ? List.of() : List.copyOf(errors[i]);
      SubmitResult r = response[i];
      if (r == null) {
        r = k == RecordOutcome.Kind.IGNORE ? SubmitResult.ignore(null)
            : k == RecordOutcome.Kind.ERROR ? synthetic(rows)
            : SubmitResult.success(null, null);
      }
      out.add(new RecordOutcome(k, input.get(i), r, rows, step[i]));
    }
    return out;
  }

  private static SubmitResult synthetic(List<ErrorRow> rows) {
    List<ErrorItem> items = new ArrayList<>();
    for (ErrorRow e : rows) {
      items.add(new ErrorItem(e.code(), e.message(), e.source()));
    }
    return new SubmitResult(422, null, null, items, false,
        rows.isEmpty() ? null : rows.get(0).classification(), java.util.Optional.empty());
  }
}
