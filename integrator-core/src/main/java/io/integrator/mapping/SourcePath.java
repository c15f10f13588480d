package io.integrator.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A compiled source path: {@code a.b}, {@code lines.0.sku}, {@code lines[0].sku}, {@code lines[*].sku},
 * {@code ['first name']}, {@code ["a.b"]}, {@code [billing.city]}. Immutable.
 */
final class SourcePath {

    /** Segment kinds. */
    static final byte NAME = 0;
    static final byte INDEX = 1;
    static final byte WILDCARD = 2;

    private final String text;
    private final byte[] kinds;
    private final String[] names;
    private final int[] indexes;
    private final int wildcards;
    private final int lastWildcard;

    private SourcePath(String text, byte[] kinds, String[] names, int[] indexes) {
        this.text = text;
        this.kinds = kinds;
        this.names = names;
        this.indexes = indexes;
        int w = 0;
        int last = -1;
        for (int i = 0; i < kinds.length; i++) {
            if (kinds[i] == WILDCARD) {
                w++;
                last = i;
            }
        }
        this.wildcards = w;
        this.lastWildcard = last;
    }

    /**
     * Parses a path.
     *
     * @throws IllegalArgumentException with a reason when malformed
     */
    static SourcePath parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("empty path");
        }
        List<Byte> kinds = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        int i = 0;
        int n = text.length();
        boolean expectSegment = true;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '[') {
                int close;
                String seg;
                if (i + 1 < n && (text.charAt(i + 1) == '\'' || text.charAt(i + 1) == '"')) {
                    char quote = text.charAt(i + 1);
                    StringBuilder sb = new StringBuilder();
                    int j = i + 2;
                    while (j < n && text.charAt(j) != quote) {
                        if (text.charAt(j) == '\\' && j + 1 < n) {
                            j++;
                        }
                        sb.append(text.charAt(j));
                        j++;
                    }
                    if (j + 1 >= n || text.charAt(j + 1) != ']') {
                        throw new IllegalArgumentException("unclosed quoted name at position " + i + " in \"" + text + "\"");
                    }
                    add(kinds, names, indexes, NAME, sb.toString(), -1);
                    close = j + 1;
                } else {
                    close = text.indexOf(']', i);
                    if (close < 0) {
                        throw new IllegalArgumentException("unclosed '[' at position " + i + " in \"" + text + "\"");
                    }
                    seg = text.substring(i + 1, close);
                    if (seg.isEmpty()) {
                        throw new IllegalArgumentException("empty '[]' at position " + i + " in \"" + text + "\"");
                    }
                    addSegment(kinds, names, indexes, seg);
                }
                i = close + 1;
                expectSegment = false;
                if (i < n) {
                    char next = text.charAt(i);
                    if (next == '.') {
                        i++;
                        expectSegment = true;
                        if (i == n) {
                            throw new IllegalArgumentException("path ends with '.' in \"" + text + "\"");
                        }
                    } else if (next != '[') {
                        throw new IllegalArgumentException("expected '.' or '[' after ']' at position " + i + " in \"" + text + "\"");
                    }
                }
            } else {
                if (!expectSegment) {
                    throw new IllegalArgumentException("unexpected '" + c + "' at position " + i + " in \"" + text + "\"");
                }
                int j = i;
                while (j < n && text.charAt(j) != '.' && text.charAt(j) != '[') {
                    char d = text.charAt(j);
                    if (d == ']' || d == '{' || d == '}') {
                        throw new IllegalArgumentException("unexpected '" + d + "' at position " + j + " in \"" + text + "\"");
                    }
                    j++;
                }
                String seg = text.substring(i, j);
                if (seg.isEmpty()) {
                    throw new IllegalArgumentException("empty segment at position " + i + " in \"" + text + "\"");
                }
                addSegment(kinds, names, indexes, seg);
                i = j;
                if (i < n && text.charAt(i) == '.') {
                    i++;
                    if (i == n) {
                        throw new IllegalArgumentException("path ends with '.' in \"" + text + "\"");
                    }
                }
                expectSegment = true;
            }
        }
        byte[] k = new byte[kinds.size()];
        for (int x = 0; x < k.length; x++) {
            k[x] = kinds.get(x);
        }
        int[] idx = indexes.stream().mapToInt(Integer::intValue).toArray();
        return new SourcePath(text, k, names.toArray(new String[0]), idx);
    }

    /** A {@code *}, an all-digit index or a field name. */
    private static void addSegment(List<Byte> kinds, List<String> names, List<Integer> indexes, String seg) {
        if (seg.equals("*")) {
            add(kinds, names, indexes, WILDCARD, null, -1);
        } else if (isDigits(seg)) {
            add(kinds, names, indexes, INDEX, seg, Integer.parseInt(seg));
        } else {
            add(kinds, names, indexes, NAME, seg, -1);
        }
    }

    private static void add(List<Byte> kinds, List<String> names, List<Integer> indexes, byte kind, String name, int index) {
        kinds.add(kind);
        // interned like Jackson's parser interns field names, so map look-ups mostly hit by identity
        names.add(name == null ? null : name.intern());
        indexes.add(index);
    }

    private static boolean isDigits(String s) {
        if (s.length() > 9) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    String text() {
        return text;
    }

    /** @return the names of all segments (indexes as their digits); wildcards as {@code *} */
    List<String> segmentNames() {
        List<String> out = new ArrayList<>(names.length);
        for (int i = 0; i < names.length; i++) {
            out.add(kinds[i] == WILDCARD ? "*" : names[i]);
        }
        return out;
    }

    boolean hasWildcard() {
        return wildcards > 0;
    }

    /** @return the value at this path, or {@code null} when missing. Only for paths without {@code [*]}. */
    JsonNode get(JsonNode root) {
        return walk(root, 0, kinds.length);
    }

    private JsonNode walk(JsonNode node, int from, int to) {
        for (int i = from; i < to && node != null; i++) {
            node = step(node, i);
        }
        return node;
    }

    private JsonNode step(JsonNode node, int i) {
        // type checks instead of JsonNode's virtual is*() calls: they are megamorphic on the hot path
        if (node instanceof ObjectNode) {
            // a name, or a numeric segment on an object naming the field with those digits
            return ((ObjectNode) node).get(names[i]);
        }
        if (kinds[i] == INDEX && node instanceof ArrayNode) {
            return ((ArrayNode) node).get(indexes[i]);
        }
        return null;
    }

    /**
     * Flattens a path with {@code [*]} into slots, in document order. Each element of the innermost
     * {@code [*]} array gives one slot: the value below it, or {@code null} when missing there. A
     * missing or null array gives no slots; a non-array value counts as a one-element array.
     */
    void flatten(JsonNode root, List<JsonNode> out) {
        flatten(root, 0, out);
    }

    private void flatten(JsonNode node, int from, List<JsonNode> out) {
        int i = from;
        while (i < kinds.length && kinds[i] != WILDCARD) {
            if (node == null) {
                break;
            }
            node = step(node, i);
            i++;
        }
        if (i > lastWildcard) {
            out.add(node); // below the innermost [*]: a value, or a hole (null) when missing
            return;
        }
        // kinds[i] is a wildcard; node is the array (or missing)
        if (node instanceof ArrayNode) {
            ArrayNode array = (ArrayNode) node;
            for (int e = 0, size = array.size(); e < size; e++) {
                flatten(array.get(e), i + 1, out);
            }
        } else if (node != null && !(node instanceof NullNode) && !(node instanceof MissingNode)) {
            flatten(node, i + 1, out);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
