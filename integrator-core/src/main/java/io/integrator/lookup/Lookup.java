package io.integrator.lookup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One compiled lookup definition with the outcome rules of REFERENCE §4.5. Immutable and thread-safe.
 *
 * <p>A definition is <b>static</b> when it has a {@code map} and no other fields than {@code name},
 * {@code map}, {@code default}, {@code allowFailures} (and {@code _id}); it then translates the input's
 * text by exact key in-process. Any other definition is <b>dynamic</b>: it is answered by the import's
 * {@link io.integrator.spi.LookupSource}, and a {@code map} on it translates the found value.
 *
 * <p>Outcome rules: exactly one match gives the value; zero matches fail with classification
 * {@code missing} unless {@code allowFailures}, which gives {@code default} (any JSON value) or {@code ""};
 * more than one match fails with {@code duplicate} unless {@code allowFailures}, which takes the first.
 * A found value that is not a key of {@code map} counts as no match.
 */
public final class Lookup {

    private static final Set<String> STATIC_FIELDS = Set.of("name", "map", "default", "allowFailures", "_id");

    private final String name;
    private final ObjectNode definition;
    /** map key -> the successful outcome carrying the translated value (built once, shared). */
    private final Map<String, LookupOutcome> map;
    private final JsonNode defaultValue;
    private final boolean allowFailures;
    private final boolean dynamic;

    private Lookup(String name, ObjectNode definition, Map<String, LookupOutcome> map, JsonNode defaultValue,
            boolean allowFailures, boolean dynamic) {
        this.name = name;
        this.definition = definition;
        this.map = map;
        this.defaultValue = defaultValue;
        this.allowFailures = allowFailures;
        this.dynamic = dynamic;
    }

    /**
     * Compiles a lookup definition.
     *
     * @param definition the JSON definition ({@code name}, {@code map?}, {@code default?}, {@code allowFailures?}, ...)
     * @return the compiled lookup
     * @throws IllegalArgumentException naming the offending property when the definition is malformed
     */
    public static Lookup of(ObjectNode definition) {
        JsonNode nameNode = definition.get("name");
        if (nameNode == null || !nameNode.isTextual() || nameNode.textValue().isBlank()) {
            throw new IllegalArgumentException("name: a lookup needs a non-empty string name");
        }
        Map<String, LookupOutcome> map = null;
        JsonNode mapNode = definition.get("map");
        if (mapNode != null && !mapNode.isNull()) {
            if (!mapNode.isObject()) {
                throw new IllegalArgumentException("map: must be an object of key to value");
            }
            map = new HashMap<>();
            for (Map.Entry<String, JsonNode> e : mapNode.properties()) {
                map.put(e.getKey(), LookupOutcome.of(e.getValue().deepCopy()));
            }
        }
        boolean allow = booleanProperty(definition, "allowFailures");
        boolean dynamic = map == null;
        for (Iterator<String> it = definition.fieldNames(); it.hasNext(); ) {
            if (!STATIC_FIELDS.contains(it.next())) {
                dynamic = true;
            }
        }
        JsonNode def = definition.get("default");
        return new Lookup(nameNode.textValue(), definition.deepCopy(), map,
                def == null ? null : def.deepCopy(), allow, dynamic);
    }

    /**
     * Reads a boolean property that may be a JSON boolean or the string {@code "true"}/{@code "false"}.
     *
     * @param node     the object
     * @param property the property name
     * @return the value, {@code false} when absent or null
     * @throws IllegalArgumentException when the value is neither
     */
    public static boolean booleanProperty(JsonNode node, String property) {
        JsonNode v = node.get(property);
        if (v == null || v.isNull()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual() && ("true".equalsIgnoreCase(v.textValue()) || "false".equalsIgnoreCase(v.textValue()))) {
            return Boolean.parseBoolean(v.textValue());
        }
        throw new IllegalArgumentException(property + ": must be true or false (a boolean or the string \"true\"/\"false\")");
    }

    /** @return the lookup's name */
    public String name() {
        return name;
    }

    /** @return the definition as written (a private copy); callers must not modify it */
    public ObjectNode definition() {
        return definition;
    }

    /** @return true when a {@link io.integrator.spi.LookupSource} must answer this lookup */
    public boolean isDynamic() {
        return dynamic;
    }

    /** @return whether failures fall back to {@code default} or the first match */
    public boolean allowFailures() {
        return allowFailures;
    }

    /**
     * Applies a static lookup: translates the input's text by exact key. A string input is looked up by
     * its text, a number or boolean by its JSON text ({@code 1}, {@code true}), JSON null or no input by
     * {@code ""}, an object or array by its JSON.
     *
     * @param input the lookup input, {@code null} when none
     * @return the outcome (callers must not modify its value)
     */
    public LookupOutcome translate(JsonNode input) {
        LookupOutcome found = map.get(keyText(input));
        return found != null ? found : noMatch(input);
    }

    /**
     * Applies the outcome rules to the raw matches a source returned, then {@code map} if present.
     *
     * @param input   the lookup input, for the failure message
     * @param matches the raw matches
     * @return the outcome
     */
    public LookupOutcome outcome(JsonNode input, List<JsonNode> matches) {
        if (matches.isEmpty()) {
            return noMatch(input);
        }
        if (matches.size() > 1 && !allowFailures) {
            return LookupOutcome.failure("lookup_duplicate", "duplicate",
                    "lookup \"" + name + "\" found " + matches.size() + " matches for " + describe(input));
        }
        JsonNode found = matches.get(0);
        if (map != null) {
            LookupOutcome translated = map.get(keyText(found));
            return translated != null ? translated : noMatch(input);
        }
        return LookupOutcome.of(found);
    }

    /**
     * Applies the rules of the <em>existence role</em> (REFERENCE §4.1, §4.3: {@code ignoreLookupName},
     * {@code resourceId.lookupName}, composite placeholders) to the raw matches: finding nothing only
     * means "does not exist", whatever {@code allowFailures} says. A found value that is not a key of
     * {@code map} counts as nothing found.
     *
     * @param input   the lookup input, for the failure message
     * @param matches the raw matches
     * @return empty when nothing was found; else the value, or a {@code duplicate} failure when there
     *         are several matches and {@code allowFailures} is false
     */
    public java.util.Optional<LookupOutcome> found(JsonNode input, List<JsonNode> matches) {
        if (matches.isEmpty()) {
            return java.util.Optional.empty();
        }
        if (matches.size() > 1 && !allowFailures) {
            return java.util.Optional.of(LookupOutcome.failure("lookup_duplicate", "duplicate",
                    "lookup \"" + name + "\" found " + matches.size() + " matches for " + describe(input)));
        }
        JsonNode first = matches.get(0);
        if (map != null) {
            return java.util.Optional.ofNullable(map.get(keyText(first)));
        }
        return java.util.Optional.of(LookupOutcome.of(first));
    }

    private LookupOutcome noMatch(JsonNode input) {
        if (allowFailures) {
            return LookupOutcome.of(defaultValue != null ? defaultValue : JsonNodeFactory.instance.textNode(""));
        }
        return LookupOutcome.failure("lookup_not_found", "missing",
                "lookup \"" + name + "\" found no match for " + describe(input));
    }

    private static String keyText(JsonNode v) {
        if (v instanceof TextNode) {
            return v.textValue();
        }
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "";
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    private static String describe(JsonNode input) {
        return input == null || input.isNull() || input.isMissingNode() ? "the record" : input.toString();
    }
}
