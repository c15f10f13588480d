package io.integrator.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * One {@code import} call of the RESTlet protocol, with the semantics of {@code integrator_da_restlet.js}:
 * preMap hook, the existing-record search ({@code internalIdLookup}), the operation, the mapping, postMap
 * hook, the write, postSubmit hook; one result {@code {statusCode, id, errors[{code, message, source}],
 * ignored}} per record.
 */
final class RestletImport {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final JsonNode config;
    private final RestletRecords records;
    private final BiFunction<String, String, RestletHook> hooks;
    private final Map<String, List<String>> required;
    private final String recordType;

    RestletImport(JsonNode config, RestletRecords records, BiFunction<String, String, RestletHook> hooks,
            Map<String, List<String>> required) {
        this.config = config;
        this.records = records;
        this.hooks = hooks;
        this.required = required;
        this.recordType = config.path("recordType").asText("").toLowerCase(Locale.ROOT);
        if (recordType.isEmpty()) {
            throw new IllegalArgumentException("import.recordType is required (the lower-case record id, e.g. salesorder)");
        }
    }

    ArrayNode run(List<ObjectNode> input) {
        int n = input.size();
        ObjectNode[] result = new ObjectNode[n];
        ObjectNode[] current = input.toArray(new ObjectNode[0]);
        ObjectNode[] mapped = new ObjectNode[n];
        String[] existing = new String[n];
        String operation = config.path("operation").asText("add").toLowerCase(Locale.ROOT);

        hookItems("preMap", "preMapping", n, result, current, o -> o.set("data", array(current, result)));
        for (int i = 0; i < n; i++) {
            if (result[i] != null) {
                continue;
            }
            try {
                decide(i, operation, current, result, mapped, existing);
            } catch (IllegalArgumentException e) {
                result[i] = failure("INVALID_REQUEST", e.getMessage(), "lookup");
            }
        }
        hookItems("postMap", "postMapping", n, result, mapped, o -> {
            o.set("preMapData", array(current, result));
            o.set("postMapData", array(mapped, result));
        });
        return finish(operation, n, result, current, mapped, existing);
    }

    /** The existing-record search, the operation's rule and the mapping of record {@code i}. */
    private void decide(int i, String operation, ObjectNode[] current, ObjectNode[] result, ObjectNode[] mapped,
            String[] existing) {
        List<String> ids = idLookup(current[i]);
        if (ids.size() > 1) {
            result[i] = failure("duplicate", "internalIdLookup found " + ids.size() + " " + recordType
                    + " records (internal ids " + ids + "); make the search unique", "lookup");
            return;
        }
        existing[i] = ids.isEmpty() ? null : ids.get(0);
        boolean exists = existing[i] != null;
        boolean ignoreExisting = flag("ignoreExisting");
        boolean ignoreMissing = flag("ignoreMissing");
        if (exists && ignoreExisting && ("add".equals(operation) || "addupdate".equals(operation))) {
            result[i] = ignored(existing[i]);
            return;
        }
        if (!exists && ("update".equals(operation) || "delete".equals(operation))) {
            result[i] = ignoreMissing ? ignored(null) : failure("RCRD_DSNT_EXIST", "no " + recordType
                    + " matches internalIdLookup for this record; " + operation + " needs an existing record"
                    + " (set ignoreMissing to skip such records)", "application");
            return;
        }
        if ("delete".equals(operation)) {
            return;
        }
        RestletMapper.Outcome o = new RestletMapper(config, records).map(current[i]);
        if (!o.ok()) {
            result[i] = failure(o.errors());
        } else {
            mapped[i] = o.record();
        }
    }

    private ArrayNode finish(String operation, int n, ObjectNode[] result, ObjectNode[] current, ObjectNode[] mapped,
            String[] existing) {
        for (int i = 0; i < n; i++) {
            if (result[i] == null) {
                result[i] = write(operation, existing[i], mapped[i]);
            }
        }
        ArrayNode out = F.arrayNode();
        for (ObjectNode r : result) {
            out.add(r);
        }
        RestletHook post = hook("postSubmit", null);
        if (post != null) {
            ObjectNode options = options();
            options.set("preMapData", array(current, null));
            options.set("postMapData", array(mapped, null));
            options.set("responseData", out);
            JsonNode answer = call(post, options, n, "postSubmit");
            if (answer == null) {
                return failAll(n, "postSubmit");
            }
            return (ArrayNode) answer;
        }
        return out;
    }

    private ObjectNode write(String operation, String existingId, ObjectNode mapped) {
        List<String> missing = new ArrayList<>();
        boolean update = existingId != null && !"add".equals(operation);
        if (!update && !"delete".equals(operation)) {
            for (String f : required.getOrDefault(recordType, List.of())) {
                if (!mapped.hasNonNull(f) || mapped.get(f).asText().isEmpty()) {
                    missing.add(f);
                }
            }
        }
        if (!missing.isEmpty()) {
            return failure("USER_ERROR", "Please enter value(s) for: " + String.join(", ", missing), "application");
        }
        switch (operation) {
            case "delete" -> {
                records.delete(recordType, existingId);
                return success(existingId);
            }
            case "add", "update", "addupdate" -> {
                if (update) {
                    records.update(recordType, existingId, mapped);
                    return success(existingId);
                }
                return success(records.add(recordType, mapped));
            }
            default -> {
                return failure("unsupported_operation", "operation '" + operation
                        + "' is not supported by the distributed import; use add, update, addupdate or delete", "application");
            }
        }
    }

    /** Internal ids of the records internalIdLookup finds; none when the import has no internalIdLookup. */
    private List<String> idLookup(ObjectNode source) {
        JsonNode l = config.path("internalIdLookup");
        JsonNode filter;
        if (l.has("expression")) {
            filter = RestletFilter.fill(RestletFilter.parse(l.get("expression"), "internalIdLookup.expression"), source);
        } else if (l.has("extract") && l.has("searchField")) {
            JsonNode v = RestletMapper.extract(source, l.get("extract").asText(), -1);
            if (v == null || v.isNull() || v.asText().isEmpty()) {
                return List.of();
            }
            filter = F.arrayNode().add(F.arrayNode().add(l.get("searchField").asText())
                    .add(l.path("operator").asText("is")).add(v.asText()));
        } else {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        records.search(recordType, filter).forEach(r -> ids.add(r.path("internalid").asText()));
        return ids;
    }

    private void hookItems(String name, String alias, int n, ObjectNode[] result, ObjectNode[] records,
            java.util.function.Consumer<ObjectNode> fill) {
        RestletHook hook = hook(name, alias);
        if (hook == null) {
            return;
        }
        ObjectNode options = options();
        fill.accept(options);
        List<Integer> live = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (result[i] == null) {
                live.add(i);
            }
        }
        JsonNode answer = call(hook, options, live.size(), name);
        for (int k = 0; k < live.size(); k++) {
            int i = live.get(k);
            JsonNode item = answer == null ? null : answer.get(k);
            if (item == null) {
                result[i] = failure("hook_failed", name + " hook failed or broke its contract (one item per record)",
                        name.toLowerCase(Locale.ROOT) + "_hook");
            } else if (item.has("errors") && item.get("errors").size() > 0) {
                List<ObjectNode> errs = new ArrayList<>();
                item.get("errors").forEach(e -> errs.add(RestletMapper.error(e.path("code").asText("hook_error"),
                        e.path("message").asText(), name.toLowerCase(Locale.ROOT) + "_hook")));
                result[i] = failure(errs);
            } else if (item.get("data") instanceof ObjectNode d) {
                records[i] = d;
            } else {
                result[i] = ignored(null);
            }
        }
    }

    private JsonNode call(RestletHook hook, ObjectNode options, int expected, String name) {
        try {
            JsonNode answer = hook.apply(options);
            return answer != null && answer.isArray() && answer.size() == expected ? answer : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private ArrayNode failAll(int n, String name) {
        ArrayNode out = F.arrayNode();
        for (int i = 0; i < n; i++) {
            out.add(failure("hook_failed", name + " hook failed or broke its contract (one result per record);"
                    + " the records were already written", "post_submit_hook"));
        }
        return out;
    }

    private RestletHook hook(String name, String alias) {
        JsonNode h = config.path("hooks").path(name).isMissingNode() && alias != null
                ? config.path("hooks").path(alias) : config.path("hooks").path(name);
        if (!h.isObject()) {
            return null;
        }
        String function = h.path("functionName").asText(h.path("function").asText(""));
        RestletHook hook = hooks.apply(h.path("fileInternalId").asText(), function);
        if (hook == null) {
            return options -> {
                throw new IllegalStateException("no script function " + function + " in file " + h.path("fileInternalId").asText());
            };
        }
        return hook;
    }

    private ObjectNode options() {
        ObjectNode o = F.objectNode();
        o.set("settings", config.path("settings").isObject() ? config.get("settings") : F.objectNode());
        return o;
    }

    private boolean flag(String name) {
        JsonNode v = config.path(name);
        return v.asBoolean(false) || "true".equalsIgnoreCase(v.asText());
    }

    private static ArrayNode array(ObjectNode[] records, ObjectNode[] result) {
        ArrayNode a = F.arrayNode();
        for (int i = 0; i < records.length; i++) {
            if (result == null || result[i] == null) {
                a.add(records[i] == null ? F.nullNode() : records[i]);
            }
        }
        return a;
    }

    static ObjectNode success(String id) {
        ObjectNode r = F.objectNode();
        r.put("statusCode", 200);
        r.put("id", id);
        r.putArray("errors");
        r.put("ignored", false);
        return r;
    }

    static ObjectNode ignored(String id) {
        ObjectNode r = F.objectNode();
        r.put("statusCode", 200);
        if (id != null) {
            r.put("id", id);
        }
        r.putArray("errors");
        r.put("ignored", true);
        return r;
    }

    static ObjectNode failure(String code, String message, String source) {
        return failure(List.of(RestletMapper.error(code, message, source)));
    }

    static ObjectNode failure(List<ObjectNode> errors) {
        ObjectNode r = F.objectNode();
        r.put("statusCode", 422);
        ArrayNode e = r.putArray("errors");
        errors.forEach(e::add);
        r.put("ignored", false);
        return r;
    }
}
