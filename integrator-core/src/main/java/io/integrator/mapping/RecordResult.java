package io.integrator.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The outcome of mapping one record: either the mapped record or the errors (all errors of the record,
 * not only the first).
 *
 * @param record the mapped record, or {@code null} when {@code errors} is not empty
 * @param errors the record's errors, empty on success
 */
public record RecordResult(ObjectNode record, List<MappingError> errors) {

    /**
     * Normalizes {@code errors} to an unmodifiable list.
     *
     * @param record the mapped record, or {@code null} on failure
     * @param errors the errors ({@code null} means none)
     */
    public RecordResult {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** @return true when the record was mapped */
    public boolean isSuccess() {
        return errors.isEmpty();
    }
}
