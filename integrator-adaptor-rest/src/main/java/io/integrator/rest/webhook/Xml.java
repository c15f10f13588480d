package io.integrator.rest.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/** Writes a JSON value as simple XML for {@code successMediaType: xml} with an object body. */
final class Xml {
  private Xml() {}

  static String write(String root, JsonNode value) {
    StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    element(out, root, value);
    return out.toString();
  }

  private static void element(StringBuilder out, String name, JsonNode value) {
    if (value.isArray()) {
      value.forEach(v -> element(out, name, v));
      return;
    }
    out.append('<').append(name).append('>');
    if (value.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        element(out, f.getKey(), f.getValue());
      }
    } else if (!value.isNull()) {
      escape(out, value.asText());
    }
    out.append("</").append(name).append('>');
  }

  private static void escape(StringBuilder out, String text) {
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> out.append(c);
      }
    }
  }
}
