package io.integrator.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One question a {@link LookupSource} must answer: "which values does this lookup yield for this input?".
 *
 * <p>{@code value} is the lookup input: the value the mapping field extracted from the record, or its
 * {@code hardCodedValue}, or {@link com.fasterxml.jackson.databind.node.NullNode} when the field has
 * neither (the lookup then works from the record alone, for example a NetSuite {@code expression} with
 * {@code {{last_order}}} placeholders or a REST {@code relativeURI} with {@code {field}} placeholders).
 * {@code record} is the source record as the preMap hook returned it; adaptors fill their
 * placeholders from it. Both are shared with the engine and must not be modified.
 *
 * @param value  the lookup input, never {@code null} (a JSON null is {@code NullNode})
 * @param record the source record the input came from, never {@code null}
 */
public record LookupQuery(JsonNode value, ObjectNode record) {

    /**
     * Creates a query.
     *
     * @param value  the lookup input ({@code NullNode} when none)
     * @param record the source record
     * @throws NullPointerException if an argument is {@code null}
     */
    public LookupQuery {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(record, "record");
    }
}
