package io.integrator.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Objects;

/**
 * A path into one record in the mapping's {@code extract} syntax ({@code a.b}, {@code lines.0.sku},
 * {@code lines[0].sku}, {@code ['first name']}), without {@code [*]}. Used where an import names a
 * single source field outside its mapping ({@code rest.resourceId.extract}, {@code
 * rest.ignoreExtract}, {@code existingExtract}). Immutable and thread-safe.
 */
public final class RecordPath {
    private final SourcePath path;

    private RecordPath(SourcePath path) {
        this.path = path;
    }

    /**
     * Parses a path.
     *
     * @param text the path
     * @return the compiled path
     * @throws IllegalArgumentException with a reason when the path is empty, malformed or has {@code [*]}
     */
    public static RecordPath parse(String text) {
        SourcePath p = SourcePath.parse(text);
        if (p.hasWildcard()) {
            throw new IllegalArgumentException("[*] is not allowed here: the path must name one value");
        }
        return new RecordPath(p);
    }

    /**
     * Reads the value at this path.
     *
     * @param record the record
     * @return the value, or a missing node when any segment is absent
     */
    public JsonNode get(JsonNode record) {
        JsonNode v = path.get(Objects.requireNonNull(record, "record"));
        return v == null ? MissingNode.getInstance() : v;
    }

    @Override
    public String toString() {
        return path.text();
    }
}
