package io.integrator.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.LookupException;
import io.integrator.spi.LookupQuery;
import io.integrator.spi.LookupSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small in-memory "destination" for dynamic lookups: per lookup name, the matches for each key. Lookups
 * with an {@code expression} key by the expression with {@code {{field}}} placeholders filled from the record.
 * Records every call so tests can prove batching and caching.
 */
final class InMemoryLookupSource implements LookupSource {

    final Map<String, Map<String, List<JsonNode>>> data = new HashMap<>();
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<List<String>> callKeys = new CopyOnWriteArrayList<>();
    volatile LookupException failWith;

    InMemoryLookupSource put(String lookup, String key, String... matches) {
        List<JsonNode> values = new ArrayList<>();
        for (String m : matches) {
            values.add(Json.MAPPER.getNodeFactory().textNode(m));
        }
        data.computeIfAbsent(lookup, k -> new HashMap<>()).put(key, values);
        return this;
    }

    @Override
    public List<List<JsonNode>> resolve(ObjectNode definition, List<LookupQuery> queries) throws LookupException {
        String name = definition.get("name").textValue();
        calls.add(name);
        List<String> keys = new ArrayList<>();
        List<List<JsonNode>> out = new ArrayList<>();
        for (LookupQuery q : queries) {
            String key = cacheKey(definition, q);
            keys.add(key);
            out.add(data.getOrDefault(name, Map.of()).getOrDefault(key, List.of()));
        }
        callKeys.add(keys);
        if (failWith != null) {
            throw failWith;
        }
        return out;
    }

    @Override
    public String cacheKey(ObjectNode definition, LookupQuery query) {
        JsonNode expression = definition.get("expression");
        if (expression == null) {
            return LookupSource.super.cacheKey(definition, query);
        }
        String text = expression.textValue();
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf("{{", i);
            if (open < 0) {
                sb.append(text, i, text.length());
                break;
            }
            int close = text.indexOf("}}", open);
            sb.append(text, i, open);
            JsonNode v = query.record().get(text.substring(open + 2, close));
            sb.append(v == null ? "" : v.asText());
            i = close + 2;
        }
        return sb.toString();
    }

    int callsFor(String lookup) {
        return (int) calls.stream().filter(lookup::equals).count();
    }
}
