package io.integrator.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Produces a field's raw value from a record: a path, a template or a constant. Thread-safe. */
interface Extractor {

    /** @return the value, or {@code null} when missing. Must not be called when {@link #isSequence()}. */
    JsonNode extract(ObjectNode record);

    /** @return true when the value is a sequence of list slots (the extract uses {@code [*]}) */
    default boolean isSequence() {
        return false;
    }

    /** Appends one slot per list line (a {@code null} slot is missing). Only when {@link #isSequence()}. */
    default void sequence(ObjectNode record, List<JsonNode> out) {
        throw new UnsupportedOperationException("not a sequence");
    }

    /** Extract through a {@link SourcePath}. */
    static Extractor path(SourcePath path) {
        return new PathExtractor(path);
    }

    /** A hard-coded value (never missing). */
    static Extractor constant(JsonNode value) {
        return new Constant(value);
    }

    /** A plain path. */
    final class PathExtractor implements Extractor {
        final SourcePath path;

        PathExtractor(SourcePath path) {
            this.path = path;
        }

        @Override
        public JsonNode extract(ObjectNode record) {
            return path.get(record);
        }

        @Override
        public boolean isSequence() {
            return path.hasWildcard();
        }

        @Override
        public void sequence(ObjectNode record, List<JsonNode> out) {
            path.flatten(record, out);
        }
    }

    /** A hard-coded value. */
    final class Constant implements Extractor {
        final JsonNode value;

        Constant(JsonNode value) {
            this.value = value;
        }

        @Override
        public JsonNode extract(ObjectNode record) {
            return value;
        }

    }
}
