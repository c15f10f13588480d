package io.integrator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.DateTimeException;
import java.time.ZoneId;

/** Small JSON helpers for rules. */
final class Json {
  private Json() {}

  static JsonNode at(JsonNode n, String dotted) {
    for (String part : dotted.split("\\.")) {
      n = n == null ? null : n.get(part);
      if (n == null) {
        return MissingNode.getInstance();
      }
    }
    return n;
  }

  static boolean has(JsonNode n, String dotted) {
    JsonNode v = at(n, dotted);
    return !v.isMissingNode() && !v.isNull() && !(v.isTextual() && v.textValue().isEmpty());
  }

  static String text(JsonNode n, String dotted) {
    JsonNode v = at(n, dotted);
    return v.isTextual() ? v.textValue() : null;
  }

  static boolean isTrue(JsonNode n, String dotted) {
    return at(n, dotted).asBoolean(false) && at(n, dotted).isBoolean();
  }

  /** The number of elements when the node is an array, else 0. */
  static int len(JsonNode n) {
    return n != null && n.isArray() ? n.size() : 0;
  }

  static String join(String base, String name) {
    return base.isEmpty() ? name : base + "." + name;
  }

  static boolean validZone(String zone) {
    try {
      ZoneId.of(zone);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }
}
