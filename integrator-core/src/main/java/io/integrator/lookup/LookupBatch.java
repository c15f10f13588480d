package io.integrator.lookup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
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

    /** The questions and answers of one lookup in this page. */
    private static final class PerLookup {
        final Lookup lookup;
        /** source key -> query, not cached yet, in first-seen order. */
        final Map<String, LookupQuery> pending = new LinkedHashMap<>();
        /** source key -> matches (from the job cache or from the source). */
        final Map<String, List<JsonNode>> answers = new HashMap<>();
        /** source key -> outcome, computed on first use. */
        final Map<String, LookupOutcome> outcomes = new HashMap<>();
        LookupException failure;

        PerLookup(Lookup lookup) {
            this.lookup = lookup;
        }
    }

    private final LookupResolver resolver;
    /** Few lookups per import: a linear scan by identity beats hashing. */
    private PerLookup[] lookups = new PerLookup[0];
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
        JsonNode input = value == null ? NullNode.getInstance() : value;
        String key = key(lookup, input, record);
        PerLookup per = find(lookup);
        if (per == null) {
            per = new PerLookup(lookup);
            lookups = java.util.Arrays.copyOf(lookups, lookups.length + 1);
            lookups[lookups.length - 1] = per;
        }
        if (per.answers.containsKey(key) || per.pending.containsKey(key)) {
            return;
        }
        List<JsonNode> cached = resolver.cached(lookup.name(), key);
        if (cached != null) {
            per.answers.put(key, cached);
        } else {
            per.pending.put(key, new LookupQuery(input, record));
        }
    }

    /** Asks the source each pending distinct question, one call per lookup. Idempotent. */
    public void resolve() {
        if (resolved) {
            return;
        }
        resolved = true;
        for (PerLookup per : lookups) {
            if (per.pending.isEmpty()) {
                continue;
            }
            Lookup lookup = per.lookup;
            List<String> keys = new ArrayList<>(per.pending.keySet());
            List<LookupQuery> queries = List.copyOf(per.pending.values());
            List<List<JsonNode>> result;
            try {
                result = source(lookup).resolve(lookup.definition(), queries);
            } catch (LookupException ex) {
                per.failure = ex;
                continue;
            } catch (RuntimeException ex) {
                per.failure = new LookupException("lookup_failed", "lookup source failed: " + ex, LookupException.CONNECTION, ex);
                continue;
            }
            if (result == null || result.size() != keys.size()) {
                per.failure = new LookupException("lookup_failed", "lookup source returned "
                        + (result == null ? "null" : result.size() + " answers") + " for " + keys.size() + " queries",
                        LookupException.CONNECTION, null);
                continue;
            }
            for (int i = 0; i < keys.size(); i++) {
                List<JsonNode> matches = result.get(i) == null ? List.of() : List.copyOf(result.get(i));
                per.answers.put(keys.get(i), matches);
                resolver.remember(lookup.name(), keys.get(i), matches);
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
     * @throws IllegalStateException when the question was not registered
     */
    public LookupOutcome outcome(Lookup lookup, JsonNode value, ObjectNode record) {
        resolve();
        PerLookup per = find(lookup);
        if (per == null) {
            throw new IllegalStateException("lookup \"" + lookup.name() + "\" was not registered in this batch");
        }
        if (per.failure != null) {
            return LookupOutcome.failure(per.failure.code(), per.failure.classification(),
                    "lookup \"" + lookup.name() + "\" failed: " + per.failure.getMessage());
        }
        JsonNode input = value == null ? NullNode.getInstance() : value;
        String key = key(lookup, input, record);
        LookupOutcome outcome = per.outcomes.get(key);
        if (outcome == null) {
            List<JsonNode> matches = per.answers.get(key);
            if (matches == null) {
                throw new IllegalStateException("lookup \"" + lookup.name() + "\" was not registered for key " + key);
            }
            outcome = lookup.outcome(input, matches);
            per.outcomes.put(key, outcome);
        }
        return outcome;
    }

    /**
     * The answer for a registered question in the existence role ({@link Lookup#found}): empty when the
     * lookup found nothing, which is never a failure there.
     *
     * @param lookup the lookup
     * @param value  the lookup input ({@code null} means none)
     * @param record the source record
     * @return empty when nothing was found; else the value, or a failure (the source could not answer,
     *         or several matches without {@code allowFailures})
     * @throws IllegalStateException when the question was not registered
     */
    public java.util.Optional<LookupOutcome> found(Lookup lookup, JsonNode value, ObjectNode record) {
        resolve();
        PerLookup per = find(lookup);
        if (per == null) {
            throw new IllegalStateException("lookup \"" + lookup.name() + "\" was not registered in this batch");
        }
        if (per.failure != null) {
            return java.util.Optional.of(LookupOutcome.failure(per.failure.code(), per.failure.classification(),
                    "lookup \"" + lookup.name() + "\" failed: " + per.failure.getMessage()));
        }
        JsonNode input = value == null ? NullNode.getInstance() : value;
        List<JsonNode> matches = per.answers.get(key(lookup, input, record));
        if (matches == null) {
            throw new IllegalStateException("lookup \"" + lookup.name() + "\" was not registered for this record");
        }
        return lookup.found(input, matches);
    }

    private PerLookup find(Lookup lookup) {
        for (PerLookup per : lookups) {
            if (per.lookup == lookup) {
                return per;
            }
        }
        return null;
    }

    private String key(Lookup lookup, JsonNode input, ObjectNode record) {
        if (input instanceof TextNode && resolver.defaultCacheKey()) {
            return input.textValue(); // what LookupSource's default cacheKey returns, without the query object
        }
        return source(lookup).cacheKey(lookup.definition(), new LookupQuery(input, record));
    }

    private LookupSource source(Lookup lookup) {
        LookupSource source = resolver.source();
        if (source == null) {
            throw new IllegalStateException("lookup \"" + lookup.name()
                    + "\" is dynamic but the resolver has no LookupSource");
        }
        return source;
    }
}
