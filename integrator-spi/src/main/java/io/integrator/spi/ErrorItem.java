package io.integrator.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One error item {@code {code, message, source?}} as the API document writes it in hook results,
 * submit results and job errors.
 *
 * @param code status code as a string ({@code "422"}) or a symbolic code ({@code missing_field})
 * @param message human text; never a secret
 * @param source where it happened ({@code application}, {@code connection}, ...), or null to let
 *     the engine fill in the step that reported it
 */
public record ErrorItem(String code, String message, String source) {

  /** Requires code and message. */
  public ErrorItem {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  /** An error without a source. */
  public static ErrorItem of(String code, String message) {
    return new ErrorItem(code, message, null);
  }

  /** The item as {@code {code, message, source?}}. */
  public ObjectNode toJson() {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("code", code);
    n.put("message", message);
    if (source != null) {
      n.put("source", source);
    }
    return n;
  }

  /**
   * Reads an item written as JSON; {@code code} defaults to {@code "error"}.
   *
   * @throws IllegalArgumentException when the node is not an object with a textual message
   */
  public static ErrorItem fromJson(JsonNode n) {
    if (n == null || !n.isObject() || !n.path("message").isTextual()) {
      throw new IllegalArgumentException(
          "an error item must be an object {code, message, source?} with a text message, got " + n);
    }
    JsonNode code = n.path("code");
    return new ErrorItem(
        code.isMissingNode() || code.isNull() ? "error" : code.asText(),
        n.get("message").textValue(),
        n.path("source").isTextual() ? n.get("source").textValue() : null);
  }
}
