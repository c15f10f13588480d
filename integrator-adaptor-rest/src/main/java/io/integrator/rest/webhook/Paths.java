package io.integrator.rest.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Dotted paths into a parsed body ({@code data.items}, {@code events.0.id}); a leading {@code $.} is
 * allowed. Numeric segments index arrays.
 */
final class Paths {
  private Paths() {}

  static List<String> segments(String path) {
    String p = path.startsWith("$.") ? path.substring(2) : path.equals("$") ? "" : path;
    List<String> out = new ArrayList<>();
    for (String s : p.split("\\.")) {
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  /** The node at a path, or null when it is not there. */
  static JsonNode at(JsonNode root, String path) {
    JsonNode n = root;
    for (String s : segments(path)) {
      n = step(n, s);
      if (n == null) {
        return null;
      }
    }
    return n;
  }

  static JsonNode step(JsonNode n, String segment) {
    if (n.isArray() && segment.length() < 10 && segment.chars().allMatch(Character::isDigit)) {
      JsonNode v = n.get(Integer.parseInt(segment));
      return v;
    }
    return n.isObject() ? n.get(segment) : null;
  }
}
