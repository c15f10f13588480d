package io.integrator.pipeline;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * An export's {@code valueDelta} (REFERENCE §3.4): a run takes only the records whose {@code
 * pendingField} holds a value that differs from their {@code exportedField}; once a page has gone
 * through every processor, the adaptor writes the pending value into the exported field ({@code
 * Adaptor.markExported}, the same commit rules as {@code once}). Value nodes compare by their
 * text, so {@code 2} and {@code "2"} are the same version; a record without a pending value is not
 * exported. Field names are dotted paths.
 */
final class ValueDelta {
  private final JsonPointer pending;
  private final JsonPointer exported;

  private ValueDelta(String pending, String exported) {
    this.pending = pointer(pending);
    this.exported = pointer(exported);
  }

  private static JsonPointer pointer(String dotted) {
    JsonPointer p = JsonPointer.empty();
    for (String name : dotted.split("\\.")) {
      p = p.appendProperty(name);
    }
    return p;
  }

  /** The export's value delta, or null when it has none (both fields are required). */
  static ValueDelta of(JsonNode section) {
    String pending = section.path("pendingField").asText("");
    String exported = section.path("exportedField").asText("");
    return pending.isBlank() || exported.isBlank() ? null : new ValueDelta(pending, exported);
  }

  /** The records of a page, and their file names when the page has them, that changed. */
  record Changed(List<ObjectNode> records, List<String> fileNames) {}

  Changed changed(List<ObjectNode> records, List<String> fileNames) {
    List<ObjectNode> keep = new ArrayList<>(records.size());
    List<String> names = fileNames.isEmpty() ? List.of() : new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      if (isChanged(records.get(i))) {
        keep.add(records.get(i));
        if (!fileNames.isEmpty()) {
          names.add(fileNames.get(i));
        }
      }
    }
    return new Changed(keep, names);
  }

  boolean isChanged(ObjectNode record) {
    JsonNode p = record.at(pending);
    if (p.isMissingNode() || p.isNull()) {
      return false;
    }
    JsonNode e = record.at(exported);
    if (e.isMissingNode() || e.isNull()) {
      return true;
    }
    return p.isValueNode() && e.isValueNode() ? !p.asText().equals(e.asText()) : !p.equals(e);
  }
}
