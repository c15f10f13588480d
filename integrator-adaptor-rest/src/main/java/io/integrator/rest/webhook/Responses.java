package io.integrator.rest.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the listener's answers: success and challenge responses from the export's settings, and
 * error responses in the API's shape {@code {"errors":[{"code","message"}]}}.
 */
final class Responses {
  private Responses() {}

  static WebhookResponse error(int status, String code, String message) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.putArray("errors").addObject().put("code", code).put("message", message);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    return new WebhookResponse(status, headers, body.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A configured answer.
   *
   * @param prefix {@code success} or {@code challenge} (the fields {@code successStatusCode} and
   *     {@code challengeSuccessStatusCode}, ...)
   * @param defaultStatus 204 for success, 200 for a challenge
   */
  static WebhookResponse configured(JsonNode w, String prefix, int defaultStatus, JsonNode context) {
    String base = "success".equals(prefix) ? "success" : "challengeSuccess";
    int status = w.path(base + "StatusCode").asInt(defaultStatus);
    String headersField = "success".equals(prefix) ? "successResponseHeaders" : "challengeResponseHeaders";
    Map<String, String> headers = new LinkedHashMap<>();
    JsonNode template = w.get(base + "Body");
    byte[] body = new byte[0];
    if (status != 204 && template != null && !template.isNull()) {
      String media = w.path(base + "MediaType").asText(template.isTextual() ? "plaintext" : "json")
          .toLowerCase(Locale.ROOT);
      String text;
      switch (media) {
        case "xml" -> {
          headers.put("Content-Type", "application/xml");
          text = template.isTextual() ? Template.render(template.asText(), context)
              : Xml.write("response", Template.renderJson(template, context));
        }
        case "plaintext" -> {
          headers.put("Content-Type", "text/plain; charset=utf-8");
          text = template.isTextual() ? Template.render(template.asText(), context)
              : Template.renderJson(template, context).toString();
        }
        default -> {
          headers.put("Content-Type", "application/json");
          text = Template.renderJson(template, context).toString();
        }
      }
      body = text.getBytes(StandardCharsets.UTF_8);
    }
    headers(w.path(headersField), context, headers);
    return new WebhookResponse(status, headers, body);
  }

  /** {@code [{name, value}]}; values may hold placeholders. */
  private static void headers(JsonNode list, JsonNode context, Map<String, String> out) {
    if (list.isArray()) {
      for (JsonNode h : list) {
        String name = h.path("name").asText("");
        if (!name.isBlank() && h.has("value")) {
          out.put(name, Template.render(h.path("value").asText(), context));
        }
      }
    }
  }
}
