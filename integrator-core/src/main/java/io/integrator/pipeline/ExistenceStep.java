package io.integrator.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.job.ErrorRow;
import io.integrator.lookup.Lookup;
import io.integrator.lookup.LookupBatch;
import io.integrator.lookup.LookupOutcome;
import io.integrator.lookup.LookupResolver;
import io.integrator.spi.ImportRecord;
import io.integrator.spi.SubmitResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Decides, per record and before mapping, whether the record exists at the destination (REFERENCE
 * §4.1, §4.3): it resolves the existence checks and the lookups the request placeholders name (the
 * whole page at once, cached per job), skips records {@code ignoreExisting} / {@code
 * ignoreMissing} rule out ({@code {ignored: true}}), and records the operation (create or update),
 * the existing id and the lookup values for the mapping and the writer.
 *
 * <p>In the existence role a lookup that finds nothing only means "does not exist"; it is never a
 * record error, whatever {@code allowFailures} says. A lookup that fails (the source could not
 * answer) or finds several matches without {@code allowFailures} fails the record (source {@code
 * lookup}). Lookups that a chosen request's placeholders need and that are not existence checks
 * follow the ordinary lookup rules (REFERENCE §4.5).
 */
final class ExistenceStep implements Step {
  private final ExistencePlan plan;
  private final LookupResolver resolver;

  ExistenceStep(ExistencePlan plan, LookupResolver resolver) {
    this.plan = plan;
    this.resolver = resolver;
  }

  @Override
  public CompletableFuture<Void> apply(PageWork w) {
    List<Integer> live = w.live();
    if (live.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    LookupBatch checks = plan.usesDynamicLookups() ? resolver.newBatch() : null;
    for (int i : live) {
      for (Lookup l : existenceLookups()) {
        checks.add(l, NullNode.getInstance(), w.current[i]);
      }
    }
    if (checks != null) {
      checks.resolve();
    }
    LookupBatch requests = plan.usesDynamicLookups() ? resolver.newBatch() : null;
    for (int i : live) {
      decide(w, i, checks);
      if (w.kind[i] == null) {
        for (Lookup l : requestLookups(w, i)) {
          requests.add(l, NullNode.getInstance(), w.current[i]);
        }
      }
    }
    if (requests != null) {
      requests.resolve();
      for (int i : live) {
        if (w.kind[i] == null) {
          fillRequestLookups(w, i, requests);
        }
      }
    }
    return CompletableFuture.completedFuture(null);
  }

  private List<Lookup> existenceLookups() {
    List<Lookup> out = new java.util.ArrayList<>(plan.updateEntryLookups);
    for (ExistencePlan.Check c : new ExistencePlan.Check[] {plan.resourceId, plan.existing,
        plan.ignore}) {
      if (c != null && c.lookup() != null && !out.contains(c.lookup())) {
        out.add(c.lookup());
      }
    }
    return out;
  }

  /** Sets the record's operation, existing id and existence-role lookup values, or ignores/fails it. */
  private void decide(PageWork w, int i, LookupBatch checks) {
    ObjectNode source = w.current[i];
    Map<String, JsonNode> values = new HashMap<>();
    String resourceId = null;
    Boolean resourceExists = null;
    Boolean existingExists = null;
    String existingValue = null;
    Boolean ignoreExists = null;
    String ignoreValue = null;
    try {
      if (plan.resourceId != null) {
        resourceId = check(plan.resourceId, source, checks, values);
        resourceExists = resourceId != null;
      }
      if (plan.existing != null) {
        existingValue = check(plan.existing, source, checks, values);
        existingExists = existingValue != null;
      }
      if (plan.ignore != null) {
        ignoreValue = check(plan.ignore, source, checks, values);
        ignoreExists = ignoreValue != null;
      }
      Boolean compositeExists = null;
      if (plan.legacyComposite
          && (!plan.updateEntryLookups.isEmpty() || plan.updateEntryNeedsResourceId)) {
        boolean all = !plan.updateEntryNeedsResourceId || resourceId != null;
        for (Lookup l : plan.updateEntryLookups) {
          all &= found(l, source, checks, values) != null;
        }
        compositeExists = all;
      }
      Boolean exists = first(compositeExists, resourceExists, existingExists, ignoreExists);
      if (exists == null && plan.legacyComposite) {
        exists = true; // entry 0 has nothing to resolve: every record takes it (REFERENCE §4.3)
      }
      Boolean forIgnore = ignoreExists != null ? ignoreExists : exists;
      String id = resourceId != null ? resourceId
          : existingValue != null ? existingValue : ignoreValue;
      w.existingId[i] = id;
      w.lookups[i] = values;
      w.operation[i] = Boolean.TRUE.equals(exists)
          ? ImportRecord.Operation.UPDATE : ImportRecord.Operation.CREATE;
      if ((plan.ignoreExisting && Boolean.TRUE.equals(forIgnore))
          || (plan.ignoreMissing && Boolean.FALSE.equals(forIgnore))) {
        w.response[i] = SubmitResult.ignore(id);
        w.ignore(i);
      }
    } catch (LookupFailed e) {
      w.fail(i, "lookup", List.of(e.row));
    }
  }

  /** The lookups of the request entry the record takes that are not resolved yet. */
  private List<Lookup> requestLookups(PageWork w, int i) {
    int entry = plan.entry(w.operation[i] == ImportRecord.Operation.UPDATE);
    List<Lookup> out = new java.util.ArrayList<>();
    for (Lookup l : plan.entryLookups.get(entry)) {
      if (!w.lookups[i].containsKey(l.name())) {
        out.add(l);
      }
    }
    return out;
  }

  private void fillRequestLookups(PageWork w, int i, LookupBatch requests) {
    for (Lookup l : requestLookups(w, i)) {
      LookupOutcome o = requests.outcome(l, NullNode.getInstance(), w.current[i]);
      if (!o.ok()) {
        w.fail(i, "lookup", List.of(row(l, o)));
        return;
      }
      w.lookups[i].put(l.name(), o.value());
    }
  }

  /** The check's value as text when the record exists, else null. */
  private static String check(ExistencePlan.Check c, ObjectNode source, LookupBatch checks,
      Map<String, JsonNode> values) throws LookupFailed {
    JsonNode v = c.lookup() != null ? found(c.lookup(), source, checks, values)
        : c.extract().get(source);
    return text(v);
  }

  /** The lookup's value in the existence role, or null when it found nothing. */
  private static JsonNode found(Lookup l, ObjectNode source, LookupBatch checks,
      Map<String, JsonNode> values) throws LookupFailed {
    if (values.containsKey(l.name())) {
      return values.get(l.name());
    }
    Optional<LookupOutcome> o = checks.found(l, NullNode.getInstance(), source);
    if (o.isEmpty()) {
      return null;
    }
    if (!o.get().ok()) {
      throw new LookupFailed(row(l, o.get()));
    }
    JsonNode v = o.get().value();
    if (text(v) == null) {
      return null;
    }
    values.put(l.name(), v);
    return v;
  }

  private static ErrorRow row(Lookup l, LookupOutcome o) {
    return new ErrorRow(o.code(), o.reason(), "lookup", o.classification(), true, null, null,
        null);
  }

  /** A value's text when it says "exists" (non-empty), else null. */
  static String text(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return null;
    }
    if (v.isContainerNode()) {
      return v.isEmpty() ? null : v.toString();
    }
    String t = v.asText();
    return t.isEmpty() ? null : t;
  }

  @SafeVarargs
  private static <T> T first(T... values) {
    for (T v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  /** A lookup in the existence role could not answer for the record. */
  private static final class LookupFailed extends Exception {
    final transient ErrorRow row;

    LookupFailed(ErrorRow row) {
      super(row.message(), null, false, false);
      this.row = row;
    }
  }

  @Override
  public String source() {
    return "lookup";
  }
}
