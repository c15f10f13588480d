package io.integrator.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A compiled {@code generate} path: dot-separated names building nested objects; a name holding dots or
 * spaces can be bracketed ({@code ['a.b']}, {@code [a.b]}). Numeric segments are plain names. Immutable.
 */
final class TargetPath {

    private final String text;
    private final String[] segments;

    private TargetPath(String text, String[] segments) {
        this.text = text;
        this.segments = segments;
    }

    /** @throws IllegalArgumentException with a reason when malformed */
    static TargetPath parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty generate path");
        }
        SourcePath p = SourcePath.parse(text);
        if (p.hasWildcard()) {
            throw new IllegalArgumentException("[*] is not allowed in a generate path (use lists)");
        }
        // re-split through the source parser, keeping every segment as a name
        List<String> segs = new ArrayList<>();
        for (String s : names(p)) {
            segs.add(s);
        }
        return new TargetPath(text, segs.toArray(new String[0]));
    }

    private static List<String> names(SourcePath p) {
        return p.segmentNames();
    }

    String text() {
        return text;
    }

    String[] segments() {
        return segments;
    }

    /** Writes {@code value} at this path, creating intermediate objects. */
    void write(ObjectNode root, JsonNode value) {
        int last = segments.length - 1;
        if (last == 0) {
            root.set(segments[0], value);
            return;
        }
        ObjectNode parent = root;
        for (int i = 0; i < last; i++) {
            JsonNode child = parent.get(segments[i]);
            if (child instanceof ObjectNode) {
                parent = (ObjectNode) child;
            } else {
                parent = parent.putObject(segments[i]);
            }
        }
        parent.set(segments[last], value);
    }

    @Override
    public String toString() {
        return text;
    }
}
