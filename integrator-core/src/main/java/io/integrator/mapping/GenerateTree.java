package io.integrator.mapping;

import java.util.HashMap;
import java.util.Map;

/** Tracks the generate paths of one scope (the record or a list line) to find scalar/object conflicts. */
final class GenerateTree {

    private static final class Node {
        final Map<String, Node> children = new HashMap<>();
        String leafPath;  // the definition path of a field or list ending here
        boolean leafIsList;
    }

    private final Node root = new Node();

    /** @return {@code null}, a problem, or a message prefixed {@code warning:} */
    String add(String[] segments, String path, boolean isList) {
        Node n = root;
        for (int i = 0; i < segments.length - 1; i++) {
            n = n.children.computeIfAbsent(segments[i], k -> new Node());
            if (n.leafPath != null) {
                return "\"" + String.join(".", segments) + "\" writes inside \"" + segments[i] + "\", which "
                        + n.leafPath + " already uses as a value";
            }
        }
        Node leaf = n.children.computeIfAbsent(segments[segments.length - 1], k -> new Node());
        if (!leaf.children.isEmpty()) {
            return "\"" + String.join(".", segments) + "\" is used both as a value and as an object";
        }
        if (leaf.leafPath != null) {
            String previous = leaf.leafPath;
            boolean previousList = leaf.leafIsList;
            leaf.leafPath = path;
            leaf.leafIsList = isList;
            if (isList && previousList) {
                return "two lists with the same generate \"" + String.join(".", segments) + "\" (also " + previous + "); merge their fields into one list";
            }
            if (isList || previousList) {
                return "\"" + String.join(".", segments) + "\" is generated both by a field and a list (also " + previous + ")";
            }
            return "warning:same generate as " + previous + "; the last one wins";
        }
        leaf.leafPath = path;
        leaf.leafIsList = isList;
        return null;
    }
}
