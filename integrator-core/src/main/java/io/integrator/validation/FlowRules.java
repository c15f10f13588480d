package io.integrator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.integrator.model.Flow;

/** Flow rules (REFERENCE §7) beyond the field shapes. */
final class FlowRules {
  private FlowRules() {}

  static void check(Flow f, ValidationContext ctx) {
    JsonNode d = f.json();
    boolean simple = d.has("_exportId") || d.has("_importId");
    boolean modern = d.has("pageGenerators") || d.has("pageProcessors");
    if (simple && modern) {
      ctx.error(
          d.has("_exportId") ? "_exportId" : "_importId",
          "the simple form (_exportId, _importId) cannot be mixed with pageGenerators and"
              + " pageProcessors; use pageGenerators and pageProcessors only");
    } else if (simple) {
      if (!Json.has(d, "_exportId")) {
        ctx.required("_exportId", "required with _importId (simple flow)");
      }
      if (!Json.has(d, "_importId")) {
        ctx.required("_importId", "required with _exportId (simple flow)");
      }
    } else if (!d.path("pageGenerators").isArray() || d.path("pageGenerators").isEmpty()) {
      ctx.required(
          "pageGenerators",
          "a flow needs at least one page generator (or the simple form _exportId and _importId)");
    }
    JsonNode procs = d.path("pageProcessors");
    for (int i = 0; i < Json.len(procs); i++) {
      JsonNode p = procs.get(i);
      String base = "pageProcessors[" + i + "]";
      String type = Json.text(p, "type");
      if (type == null) {
        continue;
      }
      String own = type.equals("export") ? "_exportId" : "_importId";
      String other = type.equals("export") ? "_importId" : "_exportId";
      if (!Json.has(p, own)) {
        ctx.required(base + "." + own, "required for a processor of type " + type);
      }
      if (p.has(other)) {
        ctx.error(base + "." + other, "a processor of type " + type + " uses " + own + " only; remove it");
      }
      MappingRules.check(p.get("responseMapping"), base + ".responseMapping", null, null, false, ctx);
    }
    schedule(Json.text(d, "schedule"), "schedule", ctx);
    JsonNode gens = d.path("pageGenerators");
    for (int i = 0; i < Json.len(gens); i++) {
      schedule(Json.text(gens.get(i), "schedule"), "pageGenerators[" + i + "].schedule", ctx);
    }
    String tz = Json.text(d, "timezone");
    if (tz != null && !Json.validZone(tz)) {
      ctx.error("timezone", "unknown time zone " + tz + "; use an IANA name like America/New_York");
    }
  }

  private static void schedule(String s, String path, ValidationContext ctx) {
    if (s == null) {
      return;
    }
    String problem = CronCheck.problem(s);
    if (problem != null) {
      ctx.error(path, problem);
    }
  }
}
