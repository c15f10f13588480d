package io.integrator.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which records a list or search request asks for: equality on fields (dotted paths, compared as
 * text) and the delta window {@code updatedSince < updatedAt <= updatedUntil}.
 */
final class RecordFilter implements Predicate<ObjectNode> {

    static final String UPDATED_SINCE = "updatedSince";
    static final String UPDATED_UNTIL = "updatedUntil";

    private final Map<String, String> equals;
    private final String updatedField;
    private final Instant since;
    private final Instant until;

    private RecordFilter(Map<String, String> equals, String updatedField, Instant since, Instant until) {
        this.equals = equals;
        this.updatedField = updatedField;
        this.since = since;
        this.until = until;
    }

    /**
     * @param params request parameters (first values)
     * @param notFilters parameter names that are not field filters
     */
    static RecordFilter of(Map<String, String> params, Set<String> notFilters, String updatedField) {
        Map<String, String> equals = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (!notFilters.contains(name) && !name.equals(UPDATED_SINCE) && !name.equals(UPDATED_UNTIL)) {
                equals.put(name, value);
            }
        });
        return new RecordFilter(equals, updatedField, instant(params.get(UPDATED_SINCE), UPDATED_SINCE),
                instant(params.get(UPDATED_UNTIL), UPDATED_UNTIL));
    }

    boolean isEmpty() {
        return equals.isEmpty() && since == null && until == null;
    }

    @Override
    public boolean test(ObjectNode record) {
        for (Map.Entry<String, String> e : equals.entrySet()) {
            JsonNode value = Json.get(record, e.getKey());
            if (value == null || value.isContainerNode() || !value.asText().equals(e.getValue())) {
                return false;
            }
        }
        if (since == null && until == null) {
            return true;
        }
        JsonNode updated = record.get(updatedField);
        Instant at = updated == null ? null : parse(updated.asText());
        return at != null && (since == null || at.isAfter(since)) && (until == null || !at.isAfter(until));
    }

    private static Instant instant(String value, String param) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        Instant parsed = parse(value);
        if (parsed == null) {
            throw new Request.BadRequest(400, "bad_parameter", "Query parameter '" + param + "' must be an ISO-8601"
                    + " date-time such as 2024-01-01T00:00:00Z (or a date), got '" + value + "'");
        }
        return parsed;
    }

    static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
