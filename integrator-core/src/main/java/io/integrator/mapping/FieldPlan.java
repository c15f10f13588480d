package io.integrator.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.lookup.Lookup;
import io.integrator.lookup.LookupBatch;
import io.integrator.lookup.LookupOutcome;

/**
 * One compiled field: where its raw value comes from, the lookup, the conversion and where it goes.
 * Order per value: extract (or hard-coded) -> lookup -> dataType -> discardIfEmpty -> write.
 */
final class FieldPlan {

    final String extractText;   // for errors; "" when none
    final Extractor extractor;  // null for lookup-only fields
    final Lookup lookup;        // null when none
    final Converter converter;  // null when none
    final boolean discardIfEmpty;
    final boolean immutable;
    final TargetPath target;
    /** Fast paths that avoid the megamorphic Extractor call: a plain path, or a constant. */
    private final SourcePath path;
    private final JsonNode constant;
    private final boolean sequence;

    FieldPlan(String extractText, Extractor extractor, Lookup lookup, Converter converter, boolean discardIfEmpty,
            boolean immutable, TargetPath target) {
        this.extractText = extractText;
        this.extractor = extractor;
        this.lookup = lookup;
        this.converter = converter;
        this.discardIfEmpty = discardIfEmpty;
        this.immutable = immutable;
        this.target = target;
        this.sequence = extractor != null && extractor.isSequence();
        this.path = extractor instanceof Extractor.PathExtractor && !sequence ? ((Extractor.PathExtractor) extractor).path : null;
        this.constant = extractor instanceof Extractor.Constant ? ((Extractor.Constant) extractor).value : null;
    }

    boolean isSequence() {
        return sequence;
    }

    boolean hasDynamicLookup() {
        return lookup != null && lookup.isDynamic();
    }

    /** The raw value of a non-sequence field; {@code null} means missing (field left out). */
    JsonNode raw(ObjectNode record) {
        if (path != null) {
            return path.get(record);
        }
        if (constant != null) {
            return constant;
        }
        return extractor == null ? null : extractor.extract(record);
    }

    /** Registers the dynamic lookup question for a raw value (phase 1 of a page). */
    void collect(JsonNode raw, ObjectNode record, LookupBatch batch) {
        if (raw == null && extractor != null) {
            return; // missing extract: the field is left out and the lookup is not asked
        }
        batch.add(lookup, raw, record);
    }

    /**
     * Produces and writes the field's value into {@code out}.
     *
     * @param raw       the raw value ({@code null} = missing; ignored for lookup-only fields)
     * @param out       the object to write into (the record or a list line)
     * @param listName  the list's generate when this field is in a list, else {@code null} (for errors)
     * @param line      the list line (for errors)
     */
    void produce(JsonNode raw, RecordContext ctx, ObjectNode out, String listName, int line) {
        if (raw == null && extractor != null) {
            return;
        }
        JsonNode value = raw;
        if (lookup != null) {
            LookupOutcome outcome = lookup.isDynamic() ? dynamic(raw, ctx) : lookup.translate(raw);
            if (outcome.value() == null) {
                lookupFailed(outcome, raw, ctx, listName, line);
                return;
            }
            value = outcome.value();
        }
        if (value == null) {
            return;
        }
        if (converter != null) {
            try {
                value = converter.convert(value);
            } catch (Converter.ConversionException e) {
                conversionFailed(e, raw, value, ctx, listName, line);
                return;
            }
        }
        if (discardIfEmpty && isEmpty(value)) {
            return;
        }
        target.write(out, value instanceof ContainerNode ? value.deepCopy() : value);
    }

    private LookupOutcome dynamic(JsonNode raw, RecordContext ctx) {
        if (ctx.batch == null) {
            throw new IllegalStateException("mapping uses dynamic lookup \"" + lookup.name()
                    + "\": use Mapping.applyPage with a LookupResolver");
        }
        return ctx.batch.outcome(lookup, raw, ctx.record);
    }

    private void lookupFailed(LookupOutcome outcome, JsonNode raw, RecordContext ctx, String listName, int line) {
        String generate = generate(listName, line);
        ctx.error(new MappingError(outcome.code(), describe(generate) + ": " + outcome.reason(), "lookup",
                extractText, generate, raw, null, outcome.classification()));
    }

    private void conversionFailed(Converter.ConversionException e, JsonNode raw, JsonNode value, RecordContext ctx,
            String listName, int line) {
        String generate = generate(listName, line);
        ctx.error(new MappingError("invalid_value", describe(generate) + ": " + e.getMessage(), "mapping",
                extractText, generate, raw, value, "value"));
    }

    private String generate(String listName, int line) {
        return listName == null ? target.text() : listName + "[" + line + "]." + target.text();
    }

    private String describe(String generate) {
        return extractText.isEmpty()
                ? "field generate \"" + generate + "\""
                : "field extract \"" + extractText + "\" generate \"" + generate + "\"";
    }

    private static boolean isEmpty(JsonNode v) {
        return v.isNull() || (v.isTextual() && v.textValue().isEmpty()) || (v.isContainerNode() && v.size() == 0);
    }
}
