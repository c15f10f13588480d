package io.integrator.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Answers <em>dynamic</em> lookups (REST calls, NetSuite searches) for a whole page of records at once.
 *
 * <p>An adaptor implements this for its import connection; the engine's lookup resolver calls it once
 * per page and per lookup with every distinct question that the page needs and that is not already in
 * the job's cache. Static lookups (only {@code name}, {@code map}, {@code default},
 * {@code allowFailures}) never reach a source.
 *
 * <h2>How to implement</h2>
 * <ol>
 *   <li>Read the adaptor-specific fields from the lookup definition: REST {@code relativeURI},
 *       {@code method}, {@code postData}, {@code extract}; NetSuite {@code recordType},
 *       {@code searchField}, {@code expression}, {@code resultField}, {@code operator},
 *       {@code includeInactive}. Booleans may be JSON booleans or the strings {@code "true"} /
 *       {@code "false"}.</li>
 *   <li>Answer every query: the returned list has exactly one entry per query, in the same order.
 *       An entry is the list of values the lookup yields for that query: the NetSuite
 *       {@code resultField} of each matching record, or the value at the REST {@code extract} path
 *       (an empty list when that value is missing, null or {@code ""}). Return the raw found values;
 *       the engine applies the lookup's {@code map}, {@code default} and {@code allowFailures} and
 *       turns 0 or more than 1 matches into record errors.</li>
 *   <li>Batch where the system allows it (one search with an {@code anyOf} filter, one call per
 *       distinct URI). The queries you receive are already distinct by {@link #cacheKey}.</li>
 *   <li>If the system cannot be asked at all, throw {@link LookupException}; every record of the page
 *       that needed this lookup fails with its classification.</li>
 *   <li>Override {@link #cacheKey} when the answer depends on more than the input value, for example
 *       when placeholders read other fields of the record. The key must capture everything the
 *       answer depends on, because the engine asks the source only once per key per job.</li>
 * </ol>
 *
 * <p>Implementations must be thread-safe: pages of one job may be mapped concurrently. Neither the
 * definition nor the queries may be modified.
 */
public interface LookupSource {

    /**
     * Resolves a batch of distinct queries for one lookup.
     *
     * @param lookupDefinition the lookup's JSON definition as written in the import
     *                         ({@code name}, {@code map}, {@code default}, {@code allowFailures} and the
     *                         adaptor-specific fields); read-only
     * @param queries          distinct queries (by {@link #cacheKey}), never empty; read-only
     * @return one list of matches per query, aligned with {@code queries}; an empty list means no match
     * @throws LookupException when the destination cannot answer (connection, auth, throttling, parse)
     */
    List<List<JsonNode>> resolve(ObjectNode lookupDefinition, List<LookupQuery> queries) throws LookupException;

    /**
     * The cache key of a query: two queries with equal keys must have equal answers for this lookup.
     *
     * <p>The default is the input value's text when there is an input (a JSON string's text, other
     * values as JSON), and the whole record as JSON when the input is JSON null (the lookup then
     * depends on the record only, like the seed's {@code orderLookup}). Sources whose placeholders
     * read record fields next to a non-null input must override this, for example by returning the
     * rendered URI or search expression.
     *
     * @param lookupDefinition the lookup's JSON definition; read-only
     * @param query            the query; read-only
     * @return a non-null key
     */
    default String cacheKey(ObjectNode lookupDefinition, LookupQuery query) {
        JsonNode value = query.value();
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isNull() || value.isMissingNode()) {
            return "record:" + query.record();
        }
        return value.toString();
    }
}
