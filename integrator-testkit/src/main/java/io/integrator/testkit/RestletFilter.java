package io.integrator.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

/**
 * NetSuite search filter expressions, the way the RESTlet and user-event scripts use them:
 * {@code ['total','>=','1000']}, {@code [['tranid','is','A'],'OR',['custbody_web_id','is','A']]},
 * {@code 'NOT'} before a term. Parses the string form (single or double quotes), fills
 * {@code {{field}}} placeholders from a source record, and evaluates the expression on a record.
 */
final class RestletFilter {
    private RestletFilter() {
    }

    /** Reads an expression given as a JSON array or as a string holding one (quotes ' or "). */
    static ArrayNode parse(JsonNode expression, String what) {
        if (expression instanceof ArrayNode a) {
            return a;
        }
        if (expression == null || !expression.isTextual()) {
            throw new IllegalArgumentException(what + " must be a filter expression (an array, or a string holding one)");
        }
        Parser p = new Parser(expression.asText(), what);
        JsonNode n = p.value();
        p.end();
        if (!(n instanceof ArrayNode a)) {
            throw new IllegalArgumentException(what + " must be an array such as ['total','>=','1000'], got " + expression.asText());
        }
        return a;
    }

    /** A copy of the expression with each {@code {{path}}} in its strings replaced by the record's value. */
    static JsonNode fill(JsonNode expression, JsonNode source) {
        if (expression.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            expression.forEach(e -> out.add(fill(e, source)));
            return out;
        }
        if (expression.isTextual()) {
            String s = expression.asText();
            StringBuilder b = new StringBuilder();
            int i = 0;
            while (true) {
                int open = s.indexOf("{{", i);
                int close = open < 0 ? -1 : s.indexOf("}}", open);
                if (close < 0) {
                    b.append(s, i, s.length());
                    return TextNode.valueOf(b.toString());
                }
                b.append(s, i, open);
                JsonNode v = path(source, s.substring(open + 2, close).trim());
                b.append(v == null || v.isNull() ? "" : v.asText());
                i = close + 2;
            }
        }
        return expression;
    }

    static JsonNode path(JsonNode root, String dotted) {
        JsonNode n = root;
        for (String part : dotted.split("\\.")) {
            if (n == null || !n.isObject()) {
                return null;
            }
            n = n.get(part);
        }
        return n;
    }

    /** True when the record meets the expression (an empty expression matches everything). */
    static boolean matches(JsonNode expression, ObjectNode record) {
        if (expression.size() == 0) {
            return true;
        }
        if (isTerm(expression)) {
            return term(expression, record);
        }
        boolean result = false;
        String join = null;
        boolean negate = false;
        boolean first = true;
        for (JsonNode part : expression) {
            if (part.isTextual()) {
                String word = part.asText().toUpperCase(Locale.ROOT);
                if ("NOT".equals(word)) {
                    negate = !negate;
                } else if ("AND".equals(word) || "OR".equals(word)) {
                    join = word;
                } else {
                    throw new IllegalArgumentException("unexpected '" + part.asText() + "' in filter expression " + expression
                            + "; expected AND, OR, NOT or a [field, operator, value] term");
                }
                continue;
            }
            boolean v = matches(part, record) ^ negate;
            negate = false;
            result = first ? v : "OR".equals(join) ? result || v : result && v;
            first = false;
        }
        return result;
    }

    private static boolean isTerm(JsonNode e) {
        return e.size() >= 2 && e.get(0).isTextual() && e.get(1).isTextual()
                && !"NOT".equalsIgnoreCase(e.get(0).asText());
    }

    private static boolean term(JsonNode t, ObjectNode record) {
        String field = t.get(0).asText().toLowerCase(Locale.ROOT);
        String op = t.get(1).asText().toLowerCase(Locale.ROOT);
        JsonNode actual = "internalid".equals(field) && !record.has("internalid") ? record.get("id") : record.get(field);
        String a = actual == null || actual.isNull() ? "" : actual.asText();
        JsonNode v = t.size() > 2 ? t.get(2) : null;
        String b = v == null ? "" : v.isArray() && v.size() > 0 ? v.get(0).asText() : v.asText();
        return switch (op) {
            case "is", "equalto", "=", "==", "on" -> a.equalsIgnoreCase(b) || numeric(a, b) == 0;
            case "isnot", "notequalto", "!=", "<>", "noton" -> !(a.equalsIgnoreCase(b) || numeric(a, b) == 0);
            case "anyof" -> values(t).stream().anyMatch(a::equalsIgnoreCase);
            case "noneof" -> values(t).stream().noneMatch(a::equalsIgnoreCase);
            case "contains" -> a.toLowerCase(Locale.ROOT).contains(b.toLowerCase(Locale.ROOT));
            case "doesnotcontain" -> !a.toLowerCase(Locale.ROOT).contains(b.toLowerCase(Locale.ROOT));
            case "startswith" -> a.toLowerCase(Locale.ROOT).startsWith(b.toLowerCase(Locale.ROOT));
            case "isempty" -> a.isEmpty();
            case "isnotempty" -> !a.isEmpty();
            case "greaterthan", ">", "after" -> compare(a, b) > 0;
            case "greaterthanorequalto", ">=", "onorafter" -> compare(a, b) >= 0;
            case "lessthan", "<", "before" -> compare(a, b) < 0;
            case "lessthanorequalto", "<=", "onorbefore" -> compare(a, b) <= 0;
            case "within" -> compare(a, b) >= 0 && compare(a, t.size() > 3 ? t.get(3).asText() : b) <= 0;
            default -> throw new IllegalArgumentException("unsupported search operator '" + op + "' in " + t);
        };
    }

    private static java.util.List<String> values(JsonNode t) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 2; i < t.size(); i++) {
            if (t.get(i).isArray()) {
                t.get(i).forEach(x -> out.add(x.asText()));
            } else {
                out.add(t.get(i).asText());
            }
        }
        return out;
    }

    /** Numbers as numbers, ISO instants as instants, anything else as text; empty compares lowest. */
    static int compare(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() && b.isEmpty() ? 0 : a.isEmpty() ? -1 : 1;
        }
        int n = numeric(a, b);
        if (n != Integer.MIN_VALUE) {
            return n;
        }
        try {
            return Instant.parse(a).compareTo(Instant.parse(b));
        } catch (RuntimeException notInstants) {
            return a.compareTo(b);
        }
    }

    private static int numeric(String a, String b) {
        try {
            return new BigDecimal(a.trim()).compareTo(new BigDecimal(b.trim()));
        } catch (NumberFormatException notNumbers) {
            return Integer.MIN_VALUE;
        }
    }

    /** A small reader for the string form: arrays, quoted strings, numbers, true/false/null. */
    private static final class Parser {
        private final String s;
        private final String what;
        private int i;

        Parser(String s, String what) {
            this.s = s;
            this.what = what;
        }

        JsonNode value() {
            skip();
            if (i >= s.length()) {
                throw error("ends early");
            }
            char c = s.charAt(i);
            if (c == '[') {
                i++;
                ArrayNode a = JsonNodeFactory.instance.arrayNode();
                skip();
                if (peek(']')) {
                    i++;
                    return a;
                }
                while (true) {
                    a.add(value());
                    skip();
                    if (peek(',')) {
                        i++;
                    } else if (peek(']')) {
                        i++;
                        return a;
                    } else {
                        throw error("expects , or ]");
                    }
                }
            }
            if (c == '\'' || c == '"') {
                StringBuilder b = new StringBuilder();
                i++;
                while (i < s.length() && s.charAt(i) != c) {
                    if (s.charAt(i) == '\\' && i + 1 < s.length()) {
                        i++;
                    }
                    b.append(s.charAt(i++));
                }
                if (i >= s.length()) {
                    throw error("has an unclosed string");
                }
                i++;
                return TextNode.valueOf(b.toString());
            }
            int start = i;
            while (i < s.length() && ",] \t\r\n".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            String word = s.substring(start, i);
            return switch (word) {
                case "true" -> JsonNodeFactory.instance.booleanNode(true);
                case "false" -> JsonNodeFactory.instance.booleanNode(false);
                case "null" -> JsonNodeFactory.instance.nullNode();
                default -> {
                    try {
                        yield JsonNodeFactory.instance.numberNode(new BigDecimal(word));
                    } catch (NumberFormatException e) {
                        throw error("has '" + word + "' where a quoted string, number or [ belongs");
                    }
                }
            };
        }

        void end() {
            skip();
            if (i < s.length()) {
                throw error("has extra text");
            }
        }

        private boolean peek(char c) {
            return i < s.length() && s.charAt(i) == c;
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private IllegalArgumentException error(String problem) {
            return new IllegalArgumentException(what + " " + problem + " at character " + i + ": " + s);
        }
    }
}
