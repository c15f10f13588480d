package io.integrator.model;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A Flow (REFERENCE §7). The legacy simple form ({@code _exportId} + {@code _importId}) is kept as
 * written in the JSON; {@link #pageGenerators()} and {@link #pageProcessors()} present it as
 * {@code [{_exportId}]} and {@code [{type: import, _importId}]}.
 */
public final class Flow extends Resource {
  Flow(ObjectNode doc) {
    super(ResourceKind.FLOW, doc);
  }

  /** True when the flow uses the legacy {@code _exportId}/{@code _importId} form. */
  public boolean isSimple() {
    return text("_exportId") != null || text("_importId") != null;
  }

  /** The page generators (copies); the legacy form gives one {@code {_exportId}}. */
  public List<ObjectNode> pageGenerators() {
    if (!node("pageGenerators").isArray() && text("_exportId") != null) {
      ObjectNode g = JsonNodeFactory.instance.objectNode();
      g.put("_exportId", text("_exportId"));
      return List.of(g);
    }
    return objects("pageGenerators");
  }

  /** The page processors (copies); the legacy form gives one {@code {type: import, _importId}}. */
  public List<ObjectNode> pageProcessors() {
    if (!node("pageProcessors").isArray() && text("_importId") != null) {
      ObjectNode p = JsonNodeFactory.instance.objectNode();
      p.put("type", "import");
      p.put("_importId", text("_importId"));
      return List.of(p);
    }
    return objects("pageProcessors");
  }

  /** The export ids of every page generator and export processor, in flow order. */
  public List<String> exportIds() {
    List<String> out = new ArrayList<>();
    pageGenerators().forEach(g -> addText(out, g, "_exportId"));
    pageProcessors().forEach(p -> addText(out, p, "_exportId"));
    return List.copyOf(out);
  }

  /** The import ids of the import processors, in flow order. */
  public List<String> importIds() {
    List<String> out = new ArrayList<>();
    pageProcessors().forEach(p -> addText(out, p, "_importId"));
    return List.copyOf(out);
  }

  private static void addText(List<String> out, ObjectNode n, String field) {
    if (n.path(field).isTextual()) {
      out.add(n.get(field).textValue());
    }
  }

  /** {@code schedule} (six-field cron, seconds first), or null for manual runs only. */
  public String schedule() {
    return text("schedule");
  }

  /** {@code timezone}, default {@code UTC}. */
  public String timezone() {
    String tz = text("timezone");
    return tz == null ? "UTC" : tz;
  }

  /** {@code disabled}, default false. */
  public boolean isDisabled() {
    return flag("disabled", false);
  }

  /** {@code skipRetries}, default false: failed records are stored without retry data when true. */
  public boolean skipRetries() {
    return flag("skipRetries", false);
  }

  /** {@code _integrationId}, or null. */
  public String integrationId() {
    return text("_integrationId");
  }
}
