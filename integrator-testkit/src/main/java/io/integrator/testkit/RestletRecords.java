package io.integrator.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The NetSuite records a {@link RestletServer} holds, by record type: flat JSON objects with lower-case
 * field ids, sublists as arrays of line objects, {@code internalid} (text) set by the store and
 * {@code lastmodifieddate} (ISO-8601) set on every add and update unless the record brings one.
 */
final class RestletRecords {
    private final Map<String, Map<String, ObjectNode>> byType = new LinkedHashMap<>();
    private final AtomicLong ids = new AtomicLong(100);
    private final Clock clock;

    RestletRecords(Clock clock) {
        this.clock = clock;
    }

    private static String type(String recordType) {
        return recordType.toLowerCase(Locale.ROOT);
    }

    /** Adds a record; returns its new internal id. */
    synchronized String add(String recordType, ObjectNode record) {
        String id = Long.toString(ids.incrementAndGet());
        ObjectNode copy = record.deepCopy();
        copy.put("internalid", id);
        if (!copy.hasNonNull("lastmodifieddate")) {
            copy.put("lastmodifieddate", clock.instant().toString());
        }
        byType.computeIfAbsent(type(recordType), t -> new LinkedHashMap<>()).put(id, copy);
        return id;
    }

    /** Sets the given fields on an existing record (sublists are replaced); false when there is none. */
    synchronized boolean update(String recordType, String id, ObjectNode fields) {
        ObjectNode existing = byType.getOrDefault(type(recordType), Map.of()).get(id);
        if (existing == null) {
            return false;
        }
        fields.properties().forEach(e -> existing.set(e.getKey(), e.getValue().deepCopy()));
        existing.put("internalid", id);
        if (!fields.hasNonNull("lastmodifieddate")) {
            existing.put("lastmodifieddate", clock.instant().toString());
        }
        return true;
    }

    synchronized boolean delete(String recordType, String id) {
        return byType.getOrDefault(type(recordType), new LinkedHashMap<>()).remove(id) != null;
    }

    synchronized ObjectNode get(String recordType, String id) {
        ObjectNode r = byType.getOrDefault(type(recordType), Map.of()).get(id);
        return r == null ? null : r.deepCopy();
    }

    /** Copies of the records of a type that meet the filter expression, by internal id ascending. */
    synchronized List<ObjectNode> search(String recordType, JsonNode expression) {
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode r : byType.getOrDefault(type(recordType), Map.of()).values()) {
            if (expression == null || RestletFilter.matches(expression, r)) {
                out.add(r.deepCopy());
            }
        }
        out.sort((a, b) -> Long.compare(a.path("internalid").asLong(), b.path("internalid").asLong()));
        return out;
    }
}
