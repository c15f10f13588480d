package io.integrator.lookup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.LookupException;
import io.integrator.spi.LookupQuery;
import io.integrator.spi.LookupSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dynamic lookup questions of one page. Use it in three steps: {@link #add} every question the page
 * needs, {@link #resolve()} once (one {@link LookupSource#resolve} call per lookup, with the distinct
 * questions that are not cached yet), then read answers with {@link #outcome}. Not thread-safe: one batch
 * belongs to one page.
 */
public final class LookupBatch {

    private final LookupResolver resolver;
    /** lookup name -> (source key -> query), in first-seen order. */
    private final Map<String, Map<String, LookupQuery>> pending = new LinkedHashMap<>();
    private final Map<String, Lookup> lookups = new HashMap<>();
    /** "name\0key" -> matches. */
    private final Map<String, List<JsonNode>> answers = new HashMap<>();
    /** lookup name -> failure of the whole lookup for this page. */
    private final Map<String, LookupException> failures = new HashMap<>();
    private boolean resolved;

    LookupBatch(LookupResolver resolver) {
        this.resolver = resolver;
    }

    /**
     * Registers a question.
     *
     * @param lookup a dynamic lookup
     * @param value  the lookup input ({@code null} means none)
     * @param record the source record
     */
    public void add(Lookup lookup, JsonNode value, ObjectNode record) {
        if (resolved) {
            throw new IllegalStateException("batch already resolved");
        }
        LookupSource source = source(lookup);
        LookupQuery query = new LookupQuery(value == null ? NullNode.getInstance() : value, record);
        String key = source.cacheKey(lookup.definition(), query);
        lookups.putIfAbsent(lookup.name(), lookup);
        Map<String, LookupQuery> queries = pending.computeIfAbsent(lookup.name(), n -> new LinkedHashMap<>());
        if (!queries.containsKey(key) && !answers.containsKey(cacheKey(lookup, key))) {
            List<JsonNode> cached = resolver.cached(cacheKey(lookup, key));
            if (cached != null) {
                answers.put(cacheKey(lookup, key), cached);
            } else {
                queries.put(key, query);
            }
        }
    }

    /** Asks the source each pending distinct question, one call per lookup. Idempotent. */
    public void resolve() {
        if (resolved) {
            return;
        }
        resolved = true;
        for (Map.Entry<String, Map<String, LookupQuery>> e : pending.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            Lookup lookup = lookups.get(e.getKey());
            List<String> keys = new ArrayList<>(e.getValue().keySet());
            List<LookupQuery> queries = new ArrayList<>(e.getValue().values());
            List<List<JsonNode>> result;
            try {
                result = source(lookup).resolve(lookup.definition(), List.copyOf(queries));
            } catch (LookupException ex) {
                failures.put(lookup.name(), ex);
                continue;
            } catch (RuntimeException ex) {
                failures.put(lookup.name(), new LookupException("lookup_failed",
                        "lookup source failed: " + ex, "connection", ex));
                continue;
            }
            if (result == null || result.size() != keys.size()) {
                failures.put(lookup.name(), new LookupException("lookup_failed",
                        "lookup source returned " + (result == null ? "null" : result.size() + " answers")
                                + " for " + keys.size() + " queries", "connection", null));
                continue;
            }
            for (int i = 0; i < keys.size(); i++) {
                List<JsonNode> matches = result.get(i) == null ? List.of() : List.copyOf(result.get(i));
                String k = cacheKey(lookup, keys.get(i));
                answers.put(k, matches);
                resolver.remember(k, matches);
            }
        }
    }

    /**
     * The outcome for a question registered with {@link #add} (same lookup, value and record).
     *
     * @param lookup the lookup
     * @param value  the lookup input ({@code null} means none)
     * @param record the source record
     * @return the outcome after the rules of {@link Lookup#outcome}
     */
    public LookupOutcome outcome(Lookup lookup, JsonNode value, ObjectNode record) {
        resolve();
        LookupException failure = failures.get(lookup.name());
        if (failure != null) {
            return LookupOutcome.failure(failure.code(), failure.classification(),
                    "lookup \"" + lookup.name() + "\" failed: " + failure.getMessage());
        }
        JsonNode input = value == null ? NullNode.getInstance() : value;
        String key = source(lookup).cacheKey(lookup.definition(), new LookupQuery(input, record));
        List<JsonNode> matches = answers.get(cacheKey(lookup, key));
        if (matches == null) {
            throw new IllegalStateException("lookup \"" + lookup.name() + "\" was not registered for key " + key);
        }
        return lookup.outcome(input, matches);
    }

    private LookupSource source(Lookup lookup) {
        LookupSource source = resolver.source();
        if (source == null) {
            throw new IllegalStateException("lookup \"" + lookup.name()
                    + "\" is dynamic but the resolver has no LookupSource");
        }
        return source;
    }

    private static String cacheKey(Lookup lookup, String key) {
        return lookup.name() + '\u0000' + key;
    }
}
