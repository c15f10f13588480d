package io.integrator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The simple paths the REST documents use ({@code resourcePath}, {@code nextPagePath}, {@code
 * pingSuccessPath}, ...): dotted field names with optional array indexes, e.g. {@code data.items},
 * {@code meta.pages[0].next}, optionally prefixed by {@code $.}; a JSON Pointer ({@code /data/items})
 * is accepted too. An empty path ({@code ""} or {@code $}) is the whole document.
 */
final class JsonPaths {
  private JsonPaths() {}

  /** Splits a path into its segments (field names and array indexes as text). */
  static List<String> segments(String path) {
    List<String> out = new ArrayList<>();
    if (path == null) {
      return out;
    }
    String p = path.trim();
    if (p.startsWith("/")) {
      for (String s : p.substring(1).split("/", -1)) {
        if (!s.isEmpty()) {
          out.add(s.replace("~1", "/").replace("~0", "~"));
        }
      }
      return out;
    }
    if (p.startsWith("$")) {
      p = p.substring(1);
    }
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c == '.') {
        flush(cur, out);
      } else if (c == '[') {
        flush(cur, out);
        int end = p.indexOf(']', i);
        if (end < 0) {
          throw new IllegalArgumentException("path '" + path + "' has '[' without ']'");
        }
        String idx = p.substring(i + 1, end).trim();
        if (idx.length() >= 2 && (idx.startsWith("'") || idx.startsWith("\""))) {
          idx = idx.substring(1, idx.length() - 1);
        }
        out.add(idx);
        i = end;
      } else {
        cur.append(c);
      }
    }
    flush(cur, out);
    return out;
  }

  private static void flush(StringBuilder cur, List<String> out) {
    if (cur.length() > 0) {
      out.add(cur.toString());
      cur.setLength(0);
    }
  }

  /** The node at {@code path}, or a MissingNode. */
  static JsonNode at(JsonNode root, String path) {
    return at(root, segments(path));
  }

  /** The node at the segments, or a MissingNode. */
  static JsonNode at(JsonNode root, List<String> segments) {
    JsonNode n = root == null ? MissingNode.getInstance() : root;
    for (String s : segments) {
      if (n.isArray()) {
        try {
          n = n.path(Integer.parseInt(s));
        } catch (NumberFormatException e) {
          return MissingNode.getInstance();
        }
      } else {
        n = n.path(s);
      }
      if (n.isMissingNode()) {
        return n;
      }
    }
    return n;
  }

  /**
   * The value at {@code path} as text for comparisons: JSON null is {@code "null"}, scalars their
   * text, containers their JSON; null when the path is missing.
   */
  static String text(JsonNode root, String path) {
    JsonNode n = at(root, path);
    if (n.isMissingNode()) {
      return null;
    }
    if (n.isNull()) {
      return "null";
    }
    return n.isValueNode() ? n.asText() : n.toString();
  }

  /**
   * Truthiness as {@code pingSuccessPath} means it: {@code true}, a non-zero number, or a
   * non-empty string other than {@code "false"}.
   */
  static boolean truthy(JsonNode n) {
    if (n == null || n.isMissingNode() || n.isNull()) {
      return false;
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isNumber()) {
      return n.doubleValue() != 0;
    }
    if (n.isTextual()) {
      String t = n.textValue();
      return !t.isEmpty() && !"false".equalsIgnoreCase(t);
    }
    return n.isContainerNode() && n.size() > 0;
  }
}
