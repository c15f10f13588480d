package io.integrator.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A single-brace template such as {@code "{first_name} {last_name}"}: each {@code {path}} becomes the
 * value's text, a missing or null value becomes {@code ""}. {@code \{}, {@code \}} and {@code \\} are
 * literal characters. Inside lists, placeholders with {@code [*]} take the element of the current line.
 */
final class BraceTemplate implements Extractor {

    private final String[] literals; // literals[i] precedes paths[i]; literals[paths.length] is the tail
    private final SourcePath[] paths;
    private final boolean sequence;

    private BraceTemplate(String[] literals, SourcePath[] paths) {
        this.literals = literals;
        this.paths = paths;
        boolean seq = false;
        for (SourcePath p : paths) {
            seq |= p.hasWildcard();
        }
        this.sequence = seq;
    }

    /** @return true when {@code text} holds an unescaped '{' and so is a template, not a path */
    static boolean isTemplate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                return true;
            }
        }
        return false;
    }

    /** @throws IllegalArgumentException when malformed */
    static BraceTemplate parse(String text) {
        List<String> literals = new ArrayList<>();
        List<SourcePath> paths = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\') {
                if (i + 1 >= n) {
                    throw new IllegalArgumentException("template ends with '\\'");
                }
                lit.append(text.charAt(i + 1));
                i += 2;
            } else if (c == '{') {
                int close = text.indexOf('}', i + 1);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed '{' at position " + i);
                }
                String inner = text.substring(i + 1, close).trim();
                if (inner.isEmpty()) {
                    throw new IllegalArgumentException("empty '{}' at position " + i);
                }
                SourcePath p;
                try {
                    p = SourcePath.parse(inner);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("placeholder {" + inner + "}: " + e.getMessage());
                }
                literals.add(lit.toString());
                lit.setLength(0);
                paths.add(p);
                i = close + 1;
            } else if (c == '}') {
                throw new IllegalArgumentException("unmatched '}' at position " + i + " (write \\} for a literal brace)");
            } else {
                lit.append(c);
                i++;
            }
        }
        literals.add(lit.toString());
        return new BraceTemplate(literals.toArray(new String[0]), paths.toArray(new SourcePath[0]));
    }

    SourcePath[] paths() {
        return paths;
    }

    @Override
    public JsonNode extract(ObjectNode record) {
        StringBuilder sb = new StringBuilder(32);
        for (int i = 0; i < paths.length; i++) {
            sb.append(literals[i]);
            appendText(sb, paths[i].get(record));
        }
        sb.append(literals[paths.length]);
        return JsonNodeFactory.instance.textNode(sb.toString());
    }

    @Override
    public boolean isSequence() {
        return sequence;
    }

    @Override
    public void sequence(ObjectNode record, List<JsonNode> out) {
        List<List<JsonNode>> columns = new ArrayList<>(paths.length);
        JsonNode[] scalars = new JsonNode[paths.length];
        int lines = 0;
        for (int i = 0; i < paths.length; i++) {
            if (paths[i].hasWildcard()) {
                List<JsonNode> col = new ArrayList<>();
                paths[i].flatten(record, col);
                columns.add(col);
                lines = Math.max(lines, col.size());
            } else {
                columns.add(null);
                scalars[i] = paths[i].get(record);
            }
        }
        for (int line = 0; line < lines; line++) {
            StringBuilder sb = new StringBuilder(32);
            for (int i = 0; i < paths.length; i++) {
                sb.append(literals[i]);
                List<JsonNode> col = columns.get(i);
                appendText(sb, col == null ? scalars[i] : line < col.size() ? col.get(line) : null);
            }
            sb.append(literals[paths.length]);
            out.add(JsonNodeFactory.instance.textNode(sb.toString()));
        }
    }

    static void appendText(StringBuilder sb, JsonNode v) {
        if (v instanceof TextNode) {
            sb.append(v.textValue());
            return;
        }
        if (v == null || v.isNull() || v.isMissingNode()) {
            return;
        }
        if (v.isTextual()) {
            sb.append(v.textValue());
        } else if (v.isValueNode()) {
            sb.append(v.asText());
        } else {
            sb.append(v);
        }
    }
}
