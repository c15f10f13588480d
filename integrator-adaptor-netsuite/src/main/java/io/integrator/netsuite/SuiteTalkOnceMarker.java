package io.integrator.netsuite;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.AdaptorException;
import io.integrator.spi.Classification;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * The write-back of a {@code once} export: {@code updateList} calls setting the export's {@code
 * once.booleanField} to true on exported records (by internal id). Any record NetSuite refuses
 * makes the whole call fail, so the engine ends the run {@code failed} and the records come again.
 */
final class SuiteTalkOnceMarker {
  private static final int LIST_MAX = 200;

  private final SuiteTalkClient client;
  private final SuiteTalkExportPlan plan;
  private final SuiteTalkRecordCodec codec;
  private final SuiteTalkRecordType type;

  SuiteTalkOnceMarker(SuiteTalkClient client, SuiteTalkExportPlan plan) {
    this.client = client;
    this.plan = plan;
    this.type = plan.searches.get(0).type();
    ObjectNode meta = JsonNodeFactory.instance.objectNode();
    meta.putObject(plan.onceField).put("type", "_checkBox");
    this.codec = new SuiteTalkRecordCodec(type, SuiteTalkCustomFields.of(meta), Set.of(), null);
  }

  void mark(List<ObjectNode> records) throws AdaptorException {
    List<String> ids = new ArrayList<>();
    for (ObjectNode r : records) {
      if (r.hasNonNull("internalId")) {
        ids.add(r.get("internalId").asText());
      }
    }
    try {
      for (int from = 0; from < ids.size(); from += LIST_MAX) {
        List<String> chunk = ids.subList(from, Math.min(ids.size(), from + LIST_MAX));
        Element resp = client.call("updateList", null, (op, ns) -> {
          for (String id : chunk) {
            ObjectNode flag = JsonNodeFactory.instance.objectNode().put(plan.onceField, true);
            try {
              codec.encode(op, "record", flag, id, ns);
            } catch (SuiteTalkRecordException e) {
              throw new IllegalStateException(e);
            }
          }
        });
        List<String> refused = new ArrayList<>();
        Element list = SoapXml.find(resp, "writeResponseList");
        List<Element> wrs = list == null ? List.of() : SoapXml.children(list, "writeResponse");
        for (int i = 0; i < chunk.size(); i++) {
          SuiteTalkStatus s = SuiteTalkStatus.of(i < wrs.size()
              ? SoapXml.child(wrs.get(i), "status") : null);
          if (!s.success()) {
            refused.add(chunk.get(i) + " (" + s.code() + " " + s.message() + ")");
          }
        }
        if (!refused.isEmpty()) {
          throw new AdaptorException("once_failed", "export '" + plan.exportName + "': NetSuite"
              + " refused to set " + plan.onceField + " on " + type.name() + " " + String.join(", ",
              refused), Classification.VALUE);
        }
      }
    } catch (SuiteTalkFault f) {
      throw new AdaptorException(f.code(), "export '" + plan.exportName + "': marking records"
          + " exported failed: " + f.getMessage(), f.classification(), null, f);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AdaptorException("interrupted", "export '" + plan.exportName + "': marking was"
          + " interrupted", Classification.INTERMITTENT);
    }
  }
}
