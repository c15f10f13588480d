package io.integrator.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The NetSuite-side mapping of a distributed import (the same rules as {@code integrator_da_restlet.js}):
 * {@code mapping.fields[]} set body fields, {@code mapping.lists[]} build sublist lines (one line per
 * element of the {@code [*]} arrays their extracts name), {@code lookups[]} translate values with a
 * static {@code map} or a search ({@code searchField} or {@code expression} with {@code {{field}}}
 * placeholders), with the outcome rules of REFERENCE §4.5. Field ids are lower-cased.
 */
final class RestletMapper {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** A mapped record, or the errors ({@code {code, message, source}}) that kept it from being mapped. */
    record Outcome(ObjectNode record, List<ObjectNode> errors) {
        boolean ok() {
            return errors.isEmpty();
        }
    }

    private final JsonNode mapping;
    private final Map<String, JsonNode> lookups = new HashMap<>();
    private final RestletRecords records;

    RestletMapper(JsonNode distributed, RestletRecords records) {
        this.mapping = distributed.path("mapping");
        this.records = records;
        distributed.path("lookups").forEach(l -> lookups.put(l.path("name").asText(), l));
    }

    Outcome map(ObjectNode source) {
        ObjectNode out = F.objectNode();
        List<ObjectNode> errors = new ArrayList<>();
        for (JsonNode f : mapping.path("fields")) {
            JsonNode v = value(f, source, source, -1, errors);
            if (v != null) {
                out.set(f.path("generate").asText().toLowerCase(Locale.ROOT), v);
            }
        }
        for (JsonNode list : mapping.path("lists")) {
            int lines = lineCount(list, source);
            ArrayNode sublist = F.arrayNode();
            for (int i = 0; i < lines; i++) {
                ObjectNode line = F.objectNode();
                for (JsonNode f : list.path("fields")) {
                    JsonNode v = value(f, source, source, i, errors);
                    if (v != null) {
                        line.set(f.path("generate").asText().toLowerCase(Locale.ROOT), v);
                    }
                }
                sublist.add(line);
            }
            if (lines > 0) {
                out.set(list.path("generate").asText().toLowerCase(Locale.ROOT), sublist);
            }
        }
        return new Outcome(out, errors);
    }

    /** The value of one field mapping, null when there is none; lookup failures go to errors. */
    private JsonNode value(JsonNode f, ObjectNode source, ObjectNode record, int line, List<ObjectNode> errors) {
        if (f.has("hardCodedValue")) {
            return f.get("hardCodedValue");
        }
        String extract = f.path("extract").asText("");
        JsonNode v = extract.isEmpty() ? null : extract(record, extract, line);
        String lookupName = f.path("lookupName").asText(f.path("lookup").asText(""));
        if (lookupName.isEmpty()) {
            return v;
        }
        JsonNode lookup = lookups.get(lookupName);
        if (lookup == null) {
            errors.add(error("lookup_undefined", "field '" + f.path("generate").asText() + "' names lookup '"
                    + lookupName + "', which the distributed import does not define", "mapping"));
            return null;
        }
        return lookup(lookup, extract.isEmpty() ? null : v, source, errors);
    }

    JsonNode lookup(JsonNode lookup, JsonNode key, ObjectNode source, List<ObjectNode> errors) {
        String name = lookup.path("name").asText();
        boolean allowFailures = lookup.path("allowFailures").asBoolean(false)
                || "true".equalsIgnoreCase(lookup.path("allowFailures").asText());
        List<JsonNode> found = new ArrayList<>();
        String asked;
        if (lookup.has("recordType") || lookup.has("expression")) {
            JsonNode filter;
            if (lookup.has("expression")) {
                filter = RestletFilter.fill(RestletFilter.parse(lookup.get("expression"), "lookup '" + name + "' expression"),
                        source);
                asked = "matching " + filter;
            } else {
                String keyText = key == null || key.isNull() ? "" : key.asText();
                filter = F.arrayNode().add(F.arrayNode().add(lookup.path("searchField").asText())
                        .add(lookup.path("operator").asText("is")).add(keyText));
                asked = "with " + lookup.path("searchField").asText() + " = '" + keyText + "'";
            }
            boolean includeInactive = lookup.path("includeInactive").asBoolean(false)
                    || "true".equalsIgnoreCase(lookup.path("includeInactive").asText());
            String resultField = lookup.path("resultField").asText("internalid").toLowerCase(Locale.ROOT);
            for (ObjectNode r : records.search(lookup.path("recordType").asText(), filter)) {
                if (includeInactive || !isInactive(r)) {
                    JsonNode v = r.get(resultField);
                    found.add(v == null ? F.textNode("") : v);
                }
            }
            if (lookup.has("map") && !found.isEmpty()) {
                found.replaceAll(v -> lookup.path("map").path(v.asText()).isMissingNode()
                        ? v : lookup.path("map").get(v.asText()));
            }
            asked = "found no " + lookup.path("recordType").asText() + " " + asked;
        } else {
            String keyText = key == null || key.isNull() ? "" : key.asText();
            JsonNode v = lookup.path("map").get(keyText);
            if (v != null) {
                found.add(v);
            }
            asked = "has no entry for '" + keyText + "'";
        }
        if (found.size() == 1 || (found.size() > 1 && allowFailures)) {
            return found.get(0);
        }
        if (found.size() > 1) {
            errors.add(error("lookup_duplicate", "lookup '" + name + "' found " + found.size()
                    + " " + lookup.path("recordType").asText() + " records; make the search unique or set allowFailures", "lookup"));
            return null;
        }
        if (allowFailures) {
            return lookup.has("default") ? lookup.get("default") : TextNode.valueOf("");
        }
        errors.add(error("lookup_missing", "lookup '" + name + "' " + asked, "lookup"));
        return null;
    }

    private static boolean isInactive(ObjectNode r) {
        JsonNode v = r.get("isinactive");
        return v != null && (v.asBoolean(false) || "T".equalsIgnoreCase(v.asText()));
    }

    /** Lines of a list: the longest {@code [*]} array its extracts name; 1 when none names one. */
    private static int lineCount(JsonNode list, ObjectNode source) {
        int max = -1;
        for (JsonNode f : list.path("fields")) {
            String e = f.path("extract").asText("");
            int star = e.indexOf("[*]");
            if (star > 0) {
                JsonNode arr = extract(source, e.substring(0, star), -1);
                max = Math.max(max, arr == null || arr.isNull() ? 0 : arr.isArray() ? arr.size() : 1);
            }
        }
        return max < 0 ? 1 : max;
    }

    /** A dotted path ({@code [*]} meaning the current line's index), or a {@code {a} {b}} template. */
    static JsonNode extract(JsonNode record, String extract, int line) {
        if (extract.contains("{")) {
            StringBuilder b = new StringBuilder();
            int i = 0;
            while (true) {
                int open = extract.indexOf('{', i);
                int close = open < 0 ? -1 : extract.indexOf('}', open);
                if (close < 0) {
                    b.append(extract, i, extract.length());
                    return TextNode.valueOf(b.toString());
                }
                b.append(extract, i, open);
                JsonNode v = extract(record, extract.substring(open + 1, close).trim(), line);
                b.append(v == null || v.isNull() ? "" : v.asText());
                i = close + 1;
            }
        }
        JsonNode n = record;
        for (String part : extract.split("\\.")) {
            String name = part;
            int index = -2;
            int bracket = part.indexOf('[');
            if (bracket >= 0 && part.endsWith("]")) {
                name = part.substring(0, bracket);
                String idx = part.substring(bracket + 1, part.length() - 1);
                index = "*".equals(idx) ? line : Integer.parseInt(idx);
            }
            n = n == null ? null : n.get(name);
            if (index != -2) {
                // a single value where [*] expects an array counts as a one-element array
                n = n == null || n.isNull() ? null : n.isArray() ? (index >= 0 ? n.get(index) : null) : index == 0 ? n : null;
            }
            if (n == null) {
                return null;
            }
        }
        return n;
    }

    static ObjectNode error(String code, String message, String source) {
        ObjectNode e = F.objectNode();
        e.put("code", code);
        e.put("message", message);
        e.put("source", source);
        return e;
    }
}
