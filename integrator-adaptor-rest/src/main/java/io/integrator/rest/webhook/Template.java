package io.integrator.rest.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders of {@code successBody}, {@code challengeSuccessBody} and response header values:
 * {@code {{path}}} (or {@code {{{path}}}}) is replaced by the value at that dotted path of the
 * context ({@code challenge}, {@code records}, {@code exportId}, {@code flowIds}, {@code body},
 * {@code query}); a missing value renders empty, an object or array as JSON. In a JSON body, a
 * string that is exactly one placeholder takes the value itself (a number stays a number).
 */
final class Template {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\{?\\s*([^{}]+?)\\s*}?}}");

  private Template() {}

  static String render(String template, JsonNode context) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      JsonNode v = Paths.at(context, m.group(1));
      String text = v == null || v.isNull() ? "" : v.isValueNode() ? v.asText() : v.toString();
      m.appendReplacement(out, Matcher.quoteReplacement(text));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Renders every string inside a JSON value. */
  static JsonNode renderJson(JsonNode template, JsonNode context) {
    if (template.isTextual()) {
      Matcher whole = PLACEHOLDER.matcher(template.asText());
      if (whole.matches()) {
        JsonNode v = Paths.at(context, whole.group(1));
        return v == null ? TextNode.valueOf("") : v.deepCopy();
      }
      return TextNode.valueOf(render(template.asText(), context));
    }
    if (template.isObject()) {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = template.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        o.set(f.getKey(), renderJson(f.getValue(), context));
      }
      return o;
    }
    if (template.isArray()) {
      ArrayNode a = JsonNodeFactory.instance.arrayNode();
      template.forEach(e -> a.add(renderJson(e, context)));
      return a;
    }
    return template;
  }
}
