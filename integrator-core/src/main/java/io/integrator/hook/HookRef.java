package io.integrator.hook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Optional;

/**
 * A hook reference read from a document's {@code hooks} object: either the id as a string ({@code
 * "_preMapId": "trim"}) or an object {@code {"function": "trim", "configuration": {...}}}. The
 * object's {@code configuration}, when present, is what that hook sees as {@code
 * HookContext.configuration()} instead of the resource's {@code hooks.configuration}.
 *
 * @param id the registered hook id
 * @param configuration the {@code configuration} beside {@code function}, or missing
 */
public record HookRef(String id, JsonNode configuration) {

  /** Replaces a null configuration by a missing node. */
  public HookRef {
    configuration = configuration == null ? MissingNode.getInstance() : configuration;
  }

  /**
   * Reads the reference in a field of a {@code hooks} object.
   *
   * @param hooks the resource's (or page processor's) {@code hooks} object; may be missing
   * @param field e.g. {@code _preMapId}
   * @param where for the message, e.g. {@code import 'i1' hooks._preMapId}
   * @return the reference, or empty when the field is absent, null or an empty string
   * @throws HookException ({@code invalid_hook_reference}) when the value is neither a string nor
   *     an object with a non-empty string {@code function}
   */
  public static Optional<HookRef> read(JsonNode hooks, String field, String where) {
    JsonNode v = hooks == null ? null : hooks.get(field);
    if (v == null || v.isNull() || v.isMissingNode()) {
      return Optional.empty();
    }
    if (v.isObject()) {
      JsonNode f = v.get("function");
      if (f == null || !f.isTextual() || f.textValue().isEmpty()) {
        throw invalid(where, v);
      }
      JsonNode conf = v.get("configuration");
      return Optional.of(new HookRef(f.textValue(), conf == null || conf.isNull() ? null : conf));
    }
    if (v.isValueNode()) {
      String id = v.asText();
      return id.isEmpty() ? Optional.empty() : Optional.of(new HookRef(id, null));
    }
    throw invalid(where, v);
  }

  /** The configuration a call of this hook sees: its own, else the resource-wide one. */
  public JsonNode configurationOr(JsonNode resourceWide) {
    return configuration.isMissingNode() ? resourceWide : configuration;
  }

  private static HookException invalid(String where, JsonNode v) {
    return new HookException("invalid_hook_reference", where + " must be a hook id (a string) or "
        + "{\"function\": \"<hook id>\", \"configuration\": {...}}, not " + v);
  }
}
