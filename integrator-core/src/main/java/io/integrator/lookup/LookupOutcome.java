package io.integrator.lookup;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The result of passing one value through a lookup: either a value, or a failure with the
 * job-error {@code code}, {@code classification} ({@code missing}, {@code duplicate}, {@code connection}, ...)
 * and a human reason.
 *
 * @param value          the value to use; {@code null} when the lookup failed
 * @param code           error code when failed ({@code lookup_not_found}, {@code lookup_duplicate}, or the
 *                       source's code), else {@code null}
 * @param classification error classification when failed, else {@code null}
 * @param reason         human reason when failed, else {@code null}
 */
public record LookupOutcome(JsonNode value, String code, String classification, String reason) {

    /**
     * @param value the found value
     * @return a successful outcome
     */
    public static LookupOutcome of(JsonNode value) {
        return new LookupOutcome(value, null, null, null);
    }

    /**
     * @param code           error code
     * @param classification error classification
     * @param reason         human reason
     * @return a failed outcome
     */
    public static LookupOutcome failure(String code, String classification, String reason) {
        return new LookupOutcome(null, code, classification, reason);
    }

    /** @return true when the lookup produced a value */
    public boolean ok() {
        return classification == null;
    }
}
