package io.integrator.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.lookup.LookupBatch;
import io.integrator.lookup.LookupResolver;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A compiled mapping plan (REFERENCE §5): an import's {@code mapping} object ({@code {fields:[...], lists:[...]}})
 * compiled together with its lookups ({@code rest.lookups}, {@code netsuite.lookups} or a distributed import's
 * {@code lookups}). Compile once per import; the plan is immutable and thread-safe, and applying it parses
 * nothing.
 *
 * <pre>{@code
 * Mapping mapping = Mapping.compile(importDoc.get("mapping"), importDoc.path("netsuite").get("lookups"), "netsuite.lookups");
 * LookupResolver resolver = new LookupResolver(adaptorLookupSource);          // one per job
 * List<RecordResult> results = mapping.applyPage(page, resolver, Operation.CREATE);
 * }</pre>
 *
 * <p>An absent mapping ({@code null}, missing or JSON null) passes every record through unchanged (a deep copy).
 */
public final class Mapping {

    private static final Logger LOG = LoggerFactory.getLogger(Mapping.class);

    private final FieldPlan[] fields;
    private final ListPlan[] lists;
    private final boolean passThrough;
    private final boolean dynamic;
    private final List<MappingProblem> warnings;
    /** Initial capacity of a mapped record's map: its top-level names fit without a resize. */
    private final int outCapacity;

    private Mapping(FieldPlan[] fields, ListPlan[] lists, boolean passThrough, List<MappingProblem> warnings) {
        this.fields = fields;
        this.lists = lists;
        this.passThrough = passThrough;
        this.warnings = List.copyOf(warnings);
        boolean dyn = false;
        for (FieldPlan f : fields) {
            dyn |= f.hasDynamicLookup();
        }
        for (ListPlan l : lists) {
            dyn |= l.hasDynamicLookup;
        }
        this.dynamic = dyn;
        Set<String> top = new HashSet<>();
        for (FieldPlan f : fields) {
            top.add(f.target.segments()[0]);
        }
        for (ListPlan l : lists) {
            top.add(l.target.segments()[0]);
        }
        this.outCapacity = (int) (top.size() / 0.75f) + 1;
    }

    /**
     * Compiles a mapping whose lookups sit at {@code lookups} in the import (problem paths use that prefix).
     *
     * @param mapping the import's {@code mapping} node; {@code null}, missing or JSON null means pass-through
     * @param lookups the import's lookups array, or {@code null}
     * @return the compiled plan
     * @throws MappingDefinitionException carrying every problem found
     */
    public static Mapping compile(JsonNode mapping, JsonNode lookups) {
        return compile(mapping, lookups, "lookups");
    }

    /**
     * Compiles a mapping.
     *
     * @param mapping     the import's {@code mapping} node; {@code null}, missing or JSON null means pass-through
     * @param lookups     the import's lookups array, or {@code null}
     * @param lookupsPath where the lookups sit in the import, for problem paths: {@code rest.lookups},
     *                    {@code netsuite.lookups} or {@code lookups}
     * @return the compiled plan
     * @throws MappingDefinitionException carrying every problem found
     */
    public static Mapping compile(JsonNode mapping, JsonNode lookups, String lookupsPath) {
        MappingCompiler c = run(mapping, lookups, lookupsPath);
        if (!c.problems.isEmpty()) {
            throw new MappingDefinitionException(c.problems);
        }
        for (MappingProblem w : c.warnings) {
            LOG.warn("mapping: {}", w);
        }
        boolean absent = mapping == null || mapping.isNull() || mapping.isMissingNode();
        return new Mapping(c.fields.toArray(new FieldPlan[0]), c.lists.toArray(new ListPlan[0]), absent, c.warnings);
    }

    /**
     * Checks a mapping and its lookups without building a plan, for validators.
     *
     * @param mapping the import's {@code mapping} node (may be {@code null})
     * @param lookups the import's lookups array (may be {@code null})
     * @return every problem (empty when valid); warnings are not included
     */
    public static List<MappingProblem> check(JsonNode mapping, JsonNode lookups) {
        return check(mapping, lookups, "lookups");
    }

    /**
     * Checks a mapping and its lookups without building a plan, for validators.
     *
     * @param mapping     the import's {@code mapping} node (may be {@code null})
     * @param lookups     the import's lookups array (may be {@code null})
     * @param lookupsPath where the lookups sit in the import, for problem paths
     * @return every problem (empty when valid); warnings are not included
     */
    public static List<MappingProblem> check(JsonNode mapping, JsonNode lookups, String lookupsPath) {
        return List.copyOf(run(mapping, lookups, lookupsPath).problems);
    }

    /**
     * Checks a mapping and its lookups without building a plan, returning warnings too (for example
     * two fields that generate the same path: the last one wins).
     *
     * @param mapping     the {@code mapping} node (may be {@code null})
     * @param lookups     the lookups array (may be {@code null})
     * @param lookupsPath where the lookups sit in the import, for problem paths
     * @return the problems and the warnings
     */
    public static MappingReview review(JsonNode mapping, JsonNode lookups, String lookupsPath) {
        MappingCompiler c = run(mapping, lookups, lookupsPath);
        return new MappingReview(List.copyOf(c.problems), List.copyOf(c.warnings));
    }

    /**
     * Compiles the mapping of a whole import document: {@code mapping} with the lookups found at
     * {@code rest.lookups}, {@code http.lookups}, {@code netsuite.lookups} or (distributed config)
     * {@code lookups}, the first present.
     *
     * @param importDocument an import resource or a distributed import config
     * @return the compiled plan
     * @throws MappingDefinitionException carrying every problem found
     */
    public static Mapping compileImport(JsonNode importDocument) {
        String lookupsPath = lookupsPathOf(importDocument);
        return compile(importDocument.get("mapping"), at(importDocument, lookupsPath), lookupsPath);
    }

    /**
     * Checks the mapping of a whole import document, like {@link #compileImport}, without building a plan.
     *
     * @param importDocument an import resource or a distributed import config
     * @return every problem (empty when valid)
     */
    public static List<MappingProblem> checkImport(JsonNode importDocument) {
        String lookupsPath = lookupsPathOf(importDocument);
        return check(importDocument.get("mapping"), at(importDocument, lookupsPath), lookupsPath);
    }

    /**
     * Where an import document keeps its lookups: the first present of {@code rest.lookups},
     * {@code http.lookups}, {@code netsuite.lookups} and {@code lookups} (a distributed config).
     *
     * @param importDocument an import resource or a distributed import config
     * @return the dotted path ({@code lookups} when none is present)
     */
    public static String lookupsPath(JsonNode importDocument) {
        return lookupsPathOf(importDocument);
    }

    /**
     * The lookups array of an import document, at {@link #lookupsPath}.
     *
     * @param importDocument an import resource or a distributed import config
     * @return the array, or {@code null} when there is none
     */
    public static JsonNode lookupsOf(JsonNode importDocument) {
        JsonNode n = at(importDocument, lookupsPathOf(importDocument));
        return n == null || n.isNull() ? null : n;
    }

    private static String lookupsPathOf(JsonNode doc) {
        for (String path : new String[] {"rest.lookups", "http.lookups", "netsuite.lookups", "lookups"}) {
            JsonNode n = at(doc, path);
            if (n != null && !n.isNull()) {
                return path;
            }
        }
        return "lookups";
    }

    private static JsonNode at(JsonNode doc, String dotted) {
        JsonNode n = doc;
        for (String seg : dotted.split("\\.")) {
            n = n == null ? null : n.get(seg);
        }
        return n;
    }

    private static MappingCompiler run(JsonNode mapping, JsonNode lookups, String lookupsPath) {
        MappingCompiler c = new MappingCompiler();
        c.compileLookups(lookups, Objects.requireNonNull(lookupsPath, "lookupsPath"));
        if (mapping != null && !mapping.isNull() && !mapping.isMissingNode()) {
            c.compileMapping(mapping, "mapping");
        }
        return c;
    }

    /** @return non-fatal findings, e.g. two fields with the same generate (the last one wins) */
    public List<MappingProblem> warnings() {
        return warnings;
    }

    /** @return true when some field uses a dynamic lookup, so {@link #applyPage} needs a resolver with a source */
    public boolean usesDynamicLookups() {
        return dynamic;
    }

    /**
     * Maps a page. Dynamic lookups are resolved first for the whole page: each distinct question once, and
     * not at all when the resolver's job cache already knows it. A failing record never stops the others.
     *
     * @param records   the page's records (as the preMap hook returned them); not modified
     * @param resolver  the job's lookup resolver ({@link LookupResolver#none()} when there are no dynamic lookups)
     * @param operation {@link Operation#CREATE} or {@link Operation#UPDATE} (drops {@code immutable} fields)
     * @return one result per record, aligned with {@code records}
     * @throws IllegalStateException when the mapping uses dynamic lookups and the resolver has no source
     */
    public List<RecordResult> applyPage(List<ObjectNode> records, LookupResolver resolver, Operation operation) {
        Objects.requireNonNull(resolver, "resolver");
        Objects.requireNonNull(operation, "operation");
        LookupBatch batch = null;
        Object[][] flattened = null; // per record, per list: the [*] columns flattened while collecting
        if (dynamic && !records.isEmpty()) {
            batch = resolver.newBatch();
            flattened = new Object[records.size()][];
            for (int r = 0; r < records.size(); r++) {
                flattened[r] = collect(records.get(r), operation, batch);
            }
            batch.resolve();
        }
        List<RecordResult> out = new ArrayList<>(records.size());
        for (int r = 0; r < records.size(); r++) {
            out.add(map(records.get(r), operation, batch, flattened == null ? null : flattened[r]));
        }
        return out;
    }

    /**
     * Maps one record of a mapping without dynamic lookups, as a create.
     *
     * @param record the source record; not modified
     * @return the result
     * @throws IllegalStateException when the mapping uses dynamic lookups (use {@link #applyPage})
     */
    public RecordResult apply(ObjectNode record) {
        return apply(record, Operation.CREATE);
    }

    /**
     * Maps one record of a mapping without dynamic lookups.
     *
     * @param record    the source record; not modified
     * @param operation create or update
     * @return the result
     * @throws IllegalStateException when the mapping uses dynamic lookups (use {@link #applyPage})
     */
    public RecordResult apply(ObjectNode record, Operation operation) {
        if (dynamic) {
            throw new IllegalStateException("this mapping uses dynamic lookups: use applyPage with a LookupResolver");
        }
        return map(record, Objects.requireNonNull(operation, "operation"), null, null);
    }

    /** @return per list, the columns flattened while collecting (null entries for lists without dynamic lookups) */
    private Object[] collect(ObjectNode record, Operation op, LookupBatch batch) {
        for (FieldPlan f : fields) {
            if (f.hasDynamicLookup() && !(f.immutable && op == Operation.UPDATE)) {
                f.collect(f.raw(record), record, batch);
            }
        }
        Object[] flattened = null;
        for (int i = 0; i < lists.length; i++) {
            if (lists[i].hasDynamicLookup) {
                if (flattened == null) {
                    flattened = new Object[lists.length];
                }
                flattened[i] = lists[i].collect(record, op, batch);
            }
        }
        return flattened;
    }

    private RecordResult map(ObjectNode record, Operation op, LookupBatch batch, Object[] flattened) {
        if (passThrough) {
            return new RecordResult(record.deepCopy(), List.of());
        }
        ObjectNode out = new ObjectNode(JsonNodeFactory.instance, new LinkedHashMap<>(outCapacity));
        RecordContext ctx = new RecordContext(record, op, batch);
        try {
            for (FieldPlan f : fields) {
                if (f.immutable && op == Operation.UPDATE) {
                    continue;
                }
                f.produce(f.raw(record), ctx, out, null, 0);
            }
            for (int i = 0; i < lists.length; i++) {
                lists[i].produce(ctx, out, flattened == null ? null : (Object[]) flattened[i]);
            }
        } catch (RuntimeException e) {
            ctx.error(new MappingError("internal_error", "mapping failed: " + e, "mapping", "", "", null, null, "value"));
        }
        return ctx.errors == null ? new RecordResult(out, List.of()) : new RecordResult(null, ctx.errors);
    }
}
