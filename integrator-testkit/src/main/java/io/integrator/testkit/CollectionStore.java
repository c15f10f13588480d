package io.integrator.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One named collection: its records in insertion order, the rules for writes (id field, required
 * and unique fields) and its paging. Reads may serve a generated read-only list as it is; the first
 * write copies it. Every access holds this object's lock.
 */
final class CollectionStore {

    /** The outcome of one write: the status and the body to answer. */
    record Outcome(int status, ObjectNode body) {
    }

    final String name;
    final String idField;
    final List<String> required;
    final List<String> unique;
    private volatile Paging paging;
    private List<ObjectNode> records;
    private boolean mutable;
    private Map<String, ObjectNode> byId;
    private Map<String, Map<String, ObjectNode>> uniqueIndex;
    private long nextId;

    CollectionStore(String name, String idField, List<String> required, List<String> unique, Paging paging,
            List<ObjectNode> records) {
        this.name = name;
        this.idField = idField;
        this.required = List.copyOf(required);
        this.unique = List.copyOf(unique);
        this.paging = paging;
        this.records = records;
    }

    Paging paging() {
        return paging;
    }

    void paging(Paging paging) {
        paging.validate(name);
        this.paging = paging;
    }

    /** Runs {@code reader} on the live records under the lock; it must not keep them. */
    synchronized <T> T read(Function<List<ObjectNode>, T> reader) {
        return reader.apply(records);
    }

    synchronized List<ObjectNode> snapshot() {
        List<ObjectNode> copy = new ArrayList<>(records.size());
        for (ObjectNode record : records) {
            copy.add(record.deepCopy());
        }
        return copy;
    }

    synchronized ObjectNode find(String id) {
        ObjectNode record = index().get(id);
        return record == null ? null : record.deepCopy();
    }

    synchronized Outcome create(JsonNode body) {
        if (!(body instanceof ObjectNode object)) {
            return invalid("not_an_object", null, "A record for '" + name + "' must be a JSON object, got "
                    + body.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
        }
        ObjectNode record = object.deepCopy();
        Outcome problem = missingRequired(record);
        if (problem != null) {
            return problem;
        }
        Map<String, ObjectNode> ids = index();
        JsonNode id = record.get(idField);
        if (id == null || id.isNull()) {
            id = LongNode.valueOf(nextId++);
            record.set(idField, id);
        } else if (ids.containsKey(id.asText())) {
            return conflict(idField, id.asText(), ids.get(id.asText()));
        }
        problem = duplicateUnique(record, null);
        if (problem != null) {
            return problem;
        }
        records.add(record);
        ids.put(id.asText(), record);
        indexUnique(record);
        return new Outcome(201, record.deepCopy());
    }

    synchronized Outcome replace(String id, JsonNode body, boolean merge) {
        if (!(body instanceof ObjectNode object)) {
            return invalid("not_an_object", null, "A record for '" + name + "' must be a JSON object");
        }
        ObjectNode existing = index().get(id);
        if (existing == null) {
            return notFound(id);
        }
        ObjectNode updated = merge ? existing.deepCopy() : Json.MAPPER.createObjectNode();
        updated.setAll(object);
        updated.set(idField, existing.get(idField));
        Outcome problem = missingRequired(updated);
        if (problem == null) {
            problem = duplicateUnique(updated, existing);
        }
        if (problem != null) {
            return problem;
        }
        unindexUnique(existing);
        existing.removeAll();
        existing.setAll(updated);
        indexUnique(existing);
        return new Outcome(200, existing.deepCopy());
    }

    synchronized Outcome delete(String id) {
        ObjectNode existing = index().get(id);
        if (existing == null) {
            return notFound(id);
        }
        unindexUnique(existing);
        byId.remove(id);
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i) == existing) {
                records.remove(i);
                break;
            }
        }
        return new Outcome(204, null);
    }

    private Outcome missingRequired(ObjectNode record) {
        for (String field : required) {
            JsonNode value = Json.get(record, field);
            if (value == null || value.isNull() || (value.isTextual() && value.asText().isEmpty())) {
                return invalid("missing_field", field, "Field '" + field + "' is required for a record of '"
                        + name + "'");
            }
        }
        return null;
    }

    private Outcome duplicateUnique(ObjectNode record, ObjectNode self) {
        for (String field : unique) {
            JsonNode value = Json.get(record, field);
            if (value == null || value.isNull()) {
                continue;
            }
            ObjectNode other = uniqueIndex.get(field).get(value.asText());
            if (other != null && other != self) {
                return conflict(field, value.asText(), other);
            }
        }
        return null;
    }

    private Outcome invalid(String code, String field, String message) {
        ObjectNode body = Json.error(code, message);
        if (field != null) {
            body.put("field", field);
        }
        return new Outcome(422, body);
    }

    private Outcome conflict(String field, String value, ObjectNode other) {
        ObjectNode body = Json.error("duplicate", "A record of '" + name + "' with " + field + " '" + value
                + "' already exists (" + idField + " " + other.get(idField) + ")");
        body.put("field", field);
        body.set("existingId", other.get(idField));
        return new Outcome(409, body);
    }

    private Outcome notFound(String id) {
        return new Outcome(404, Json.error("not_found", "No record of '" + name + "' has " + idField + " '" + id
                + "'"));
    }

    /** Makes the records writable and builds the indexes, once. */
    private Map<String, ObjectNode> index() {
        if (byId != null) {
            return byId;
        }
        if (!mutable) {
            records = new ArrayList<>(records);
            mutable = true;
        }
        byId = new HashMap<>();
        uniqueIndex = new HashMap<>();
        for (String field : unique) {
            uniqueIndex.put(field, new HashMap<>());
        }
        long maxId = 0;
        for (ObjectNode record : records) {
            JsonNode id = record.get(idField);
            if (id != null && !id.isNull()) {
                byId.put(id.asText(), record);
                if (id.canConvertToLong()) {
                    maxId = Math.max(maxId, id.asLong());
                } else if (id.isTextual() && id.asText().matches("\\d{1,18}")) {
                    maxId = Math.max(maxId, Long.parseLong(id.asText()));
                }
            }
            indexUnique(record);
        }
        nextId = maxId + 1;
        return byId;
    }

    private void indexUnique(ObjectNode record) {
        for (String field : unique) {
            JsonNode value = Json.get(record, field);
            if (value != null && !value.isNull()) {
                uniqueIndex.get(field).putIfAbsent(value.asText(), record);
            }
        }
    }

    private void unindexUnique(ObjectNode record) {
        for (String field : unique) {
            JsonNode value = Json.get(record, field);
            if (value != null && !value.isNull()) {
                uniqueIndex.get(field).remove(value.asText(), record);
            }
        }
    }

    /** @return the position of the record with that id in {@code view}, or -1 */
    int positionOf(List<ObjectNode> view, String id) {
        for (int i = 0; i < view.size(); i++) {
            JsonNode value = view.get(i).get(idField);
            if (value != null && value.asText().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
