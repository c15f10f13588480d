package io.integrator.ftp;

import com.fasterxml.jackson.databind.JsonNode;
import io.integrator.spi.AdaptorException;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code {{name}}} placeholders of directory paths and file names. A name is looked up with the
 * given function; an unknown name fails with a message naming the field and the placeholder.
 */
final class Templates {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]+?)\\s*}}");

  private Templates() {}

  static String render(String template, String field, Function<String, String> values)
      throws AdaptorException {
    if (template == null || !template.contains("{{")) {
      return template;
    }
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.apply(m.group(1));
      if (value == null) {
        throw Failures.value(
            "invalid_template",
            field + ": unknown placeholder {{" + m.group(1) + "}} in '" + template + "'");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** A dotted path ({@code data.customer.id}) of a JSON tree as text, or null when missing. */
  static String path(JsonNode root, String dotted) {
    JsonNode n = root;
    for (String part : dotted.split("\\.")) {
      n = n.path(part);
    }
    return n.isValueNode() && !n.isNull() ? n.asText() : null;
  }
}
