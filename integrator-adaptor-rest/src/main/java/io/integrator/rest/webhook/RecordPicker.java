package io.integrator.rest.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns a parsed body into records (REFERENCE §3.8).
 *
 * <ul>
 *   <li>Without {@code webhook.pathToRecords}: a top-level array gives one record per element, any
 *       other body is one record.
 *   <li>With it: the array at that dotted path gives one record per element (an object there is one
 *       record); when the path is not in the body the request carries no records (it is answered with
 *       success and nothing is queued, so event kinds without records do not make senders retry).
 *   <li>{@code webhook.includeParentData}: each record also gets the fields of the objects along the
 *       path, except the branch leading to the records; a record's own field wins, and a nearer
 *       parent wins over a farther one.
 *   <li>An element that is not an object becomes {@code {"value": element}}.
 * </ul>
 */
final class RecordPicker {
  private RecordPicker() {}

  static List<ObjectNode> records(JsonNode webhook, JsonNode payload) {
    String path = webhook.path("pathToRecords").asText("");
    if (path.isBlank()) {
      return elements(payload, null);
    }
    List<String> segments = Paths.segments(path);
    JsonNode at = payload;
    List<JsonNode> ancestors = new ArrayList<>();
    for (String s : segments) {
      ancestors.add(at);
      at = at == null ? null : Paths.step(at, s);
    }
    if (at == null || at.isNull()) {
      return List.of();
    }
    ObjectNode parent = null;
    if (webhook.path("includeParentData").asBoolean(false)) {
      parent = JsonNodeFactory.instance.objectNode();
      for (int i = 0; i < ancestors.size(); i++) {
        JsonNode a = ancestors.get(i);
        if (!a.isObject()) {
          continue;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> f = it.next();
          if (!f.getKey().equals(segments.get(i))) {
            parent.set(f.getKey(), f.getValue());
          }
        }
      }
    }
    return elements(at, parent);
  }

  private static List<ObjectNode> elements(JsonNode n, ObjectNode parent) {
    List<ObjectNode> out = new ArrayList<>();
    if (n.isArray()) {
      n.forEach(e -> out.add(record(e, parent)));
    } else {
      out.add(record(n, parent));
    }
    return out;
  }

  private static ObjectNode record(JsonNode n, ObjectNode parent) {
    ObjectNode r;
    if (n instanceof ObjectNode o) {
      r = o.deepCopy();
    } else {
      r = JsonNodeFactory.instance.objectNode();
      r.set("value", n.deepCopy());
    }
    if (parent != null) {
      ObjectNode merged = parent.deepCopy();
      merged.setAll(r);
      return merged;
    }
    return r;
  }
}
