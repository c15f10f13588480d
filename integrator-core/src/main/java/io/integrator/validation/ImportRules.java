package io.integrator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.integrator.model.DistributedImport;
import io.integrator.model.Import;
import io.integrator.model.ResourceKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Import and distributed import rules (REFERENCE §4, §5). */
final class ImportRules {
  private static final List<String> CUSTOM_PREFIXES =
      List.of("custbody", "custcol", "custentity", "custitem", "custrecord", "custevent");

  private static final java.util.regex.Pattern PLACEHOLDER =
      java.util.regex.Pattern.compile("\\{\\{?\\s*([^{}\\s]+)\\s*\\}?\\}");

  private ImportRules() {}

  static void check(Import imp, ValidationContext ctx) {
    JsonNode d = imp.json();
    List<String> systems = new ArrayList<>();
    for (String s : List.of("rest", "http", "netsuite", "ftp")) {
      if (d.path(s).isObject()) {
        systems.add(s);
      }
    }
    if (systems.size() > 1) {
      ctx.error(
          systems.get(1),
          "an import writes to one system; keep either " + systems.get(0) + " or " + systems.get(1));
    }
    if (d.has("file") && !d.has("ftp")) {
      ctx.error("file", "only ftp imports write files; add an ftp section or remove file");
    }
    List<String> names = new ArrayList<>();
    boolean lookupsDefined = false;
    for (String s : List.of("rest", "http")) {
      JsonNode sec = d.path(s);
      if (!sec.isObject()) {
        continue;
      }
      lookupsDefined |= sec.path("lookups").isArray();
      names.addAll(LookupRules.check(sec.get("lookups"), s + ".lookups", false, ctx));
      if (!Json.has(sec, "relativeURI")) {
        ctx.required(s + ".relativeURI", "required field is missing");
      }
      if (sec.path("batchSize").isIntegralNumber() && sec.get("batchSize").asInt() > 1
          && !Json.has(sec, "response.resourcePath")) {
        ctx.error(
            s + ".batchSize",
            "above 1 needs " + s + ".response.resourcePath to match results to records");
      }
      JsonNode requestType = sec.path("requestType");
      if (requestType.isArray() && sec.path("relativeURI").isArray()
          && requestType.size() != sec.get("relativeURI").size()) {
        ctx.error(
            s + ".requestType",
            "has " + requestType.size() + " entries but " + s + ".relativeURI has "
                + sec.get("relativeURI").size() + "; they are paired by position");
      }
      JsonNode uri = sec.path("relativeURI");
      JsonNode method = sec.path("method");
      if (uri.isArray() && method.isArray() && uri.size() != method.size()) {
        ctx.error(
            s + ".method",
            "has " + method.size() + " entries but " + s + ".relativeURI has " + uri.size()
                + "; they are paired by position");
      }
    }
    JsonNode ns = d.path("netsuite");
    if (ns.isObject()) {
      lookupsDefined |= ns.path("lookups").isArray();
      names.addAll(LookupRules.check(ns.get("lookups"), "netsuite.lookups", false, ctx));
      if (Json.has(ns, "internalIdLookup.expression")) {
        ctx.error(
            "netsuite.internalIdLookup.expression",
            "expressions are supported only by distributed (NetSuite-side) imports; use searchField");
      }
      netsuiteCommon(ns, "netsuite.", Json.isTrue(d, "ignoreExisting"), ctx);
      customFields(d, ctx);
    }
    for (String s : List.of("rest", "http")) {
      for (String f : List.of("resourceId.lookupName", "ignoreLookupName", "existingLookupName")) {
        String n = Json.text(d.path(s), f);
        if (n != null && !names.contains(n)) {
          MappingRules.unknownLookup(s + "." + f, n, names, lookupsDefined, ctx);
        } else if (n != null && mapOnly(d.path(s).path("lookups"), n)) {
          ctx.error(s + "." + f, "lookup " + n + " only has a map; an existence check needs a"
              + " lookup that asks the destination (relativeURI)");
        }
      }
      JsonNode uri = d.path(s).path("relativeURI");
      for (int i = 0; i < (uri.isArray() ? uri.size() : 1); i++) {
        String path = s + ".relativeURI" + (uri.isArray() ? "[" + i + "]" : "");
        for (String name : placeholders(uri.isArray() ? uri.get(i).asText() : uri.asText(""))) {
          if (mapOnly(d.path(s).path("lookups"), name)) {
            ctx.error(path, "{" + name + "} names lookup " + name + ", which only has a map; a"
                + " request placeholder needs a lookup that asks the destination (relativeURI)");
          }
        }
      }
    }
    ignoreRules(imp, d, ctx);
    MappingRules.check(d.get("mapping"), "mapping", allLookups(d), names, lookupsDefined, ctx);
    placeholders(d, "", ctx);
  }

  /** The lookups of every section (rest, http, netsuite) in one array, for the mapping check. */
  private static JsonNode allLookups(JsonNode d) {
    com.fasterxml.jackson.databind.node.ArrayNode all = JsonNodeFactory.instance.arrayNode();
    for (String s : List.of("rest", "http", "netsuite")) {
      JsonNode l = d.path(s).path("lookups");
      if (l.isArray()) {
        all.addAll((com.fasterxml.jackson.databind.node.ArrayNode) l);
      }
    }
    return all;
  }

  static void checkDistributed(DistributedImport di, ValidationContext ctx) {
    JsonNode d = di.json();
    List<String> names = LookupRules.check(d.get("lookups"), "lookups", true, ctx);
    netsuiteCommon(d, "", Json.isTrue(d, "ignoreExisting"), ctx);
    MappingRules.check(
        d.get("mapping"), "mapping", d.get("lookups"), names, d.path("lookups").isArray(), ctx);
  }

  private static void netsuiteCommon(JsonNode ns, String prefix, boolean ignoreExisting, ValidationContext ctx) {
    String op = Json.text(ns, "operation");
    if (!Json.has(ns, "recordType")) {
      ctx.required(prefix + "recordType", "required field is missing");
    }
    if (op == null) {
      ctx.required(prefix + "operation", "required field is missing");
    }
    boolean lookup = ns.path("internalIdLookup").isObject();
    if (!lookup && op != null && List.of("update", "addupdate", "delete").contains(op)) {
      ctx.required(prefix + "internalIdLookup", "required when operation is " + op);
    }
    if (!lookup && "add".equals(op) && ignoreExisting) {
      ctx.required(prefix + "internalIdLookup", "required when operation is add with ignoreExisting");
    }
  }

  private static void customFields(JsonNode d, ValidationContext ctx) {
    Set<String> known = new HashSet<>();
    JsonNode meta = d.path("netsuite").path("customFieldMetadata");
    if (meta.isArray()) {
      meta.forEach(m -> known.add(m.path("field").asText()));
    } else if (meta.isObject()) {
      meta.fieldNames().forEachRemaining(known::add);
    }
    JsonNode mapping = d.path("mapping");
    checkCustom(mapping.path("fields"), "mapping.fields", known, ctx);
    JsonNode lists = mapping.path("lists");
    for (int i = 0; i < Json.len(lists); i++) {
      checkCustom(lists.get(i).path("fields"), "mapping.lists[" + i + "].fields", known, ctx);
    }
  }

  private static void checkCustom(JsonNode fields, String base, Set<String> known, ValidationContext ctx) {
    for (int i = 0; i < Json.len(fields); i++) {
      String gen = Json.text(fields.get(i), "generate");
      if (gen != null && CUSTOM_PREFIXES.stream().anyMatch(gen::startsWith) && !known.contains(gen)) {
        ctx.error(
            base + "[" + i + "].generate",
            "custom field " + gen + " needs its type in netsuite.customFieldMetadata"
                + " (e.g. {\"field\": \"" + gen + "\", \"type\": \"_freeFormText\"})");
      }
    }
  }

  private static void ignoreRules(Import imp, JsonNode d, ValidationContext ctx) {
    for (String flag : List.of("ignoreExisting", "ignoreMissing")) {
      if (!Json.isTrue(d, flag)) {
        continue;
      }
      boolean way;
      if (imp.isDistributed()) {
        way =
            ctx.project()
                .flatMap(p -> imp.id() == null ? java.util.Optional.empty() : p.find(ResourceKind.DISTRIBUTED_IMPORT, imp.id()))
                .map(di -> di.json().path("internalIdLookup").isObject())
                .orElse(!ctx.isProjectWide());
      } else if (d.has("netsuite")) {
        way = d.path("netsuite").path("internalIdLookup").isObject();
      } else {
        way = false;
        for (String s : List.of("rest", "http")) {
          for (String f : List.of("ignoreExtract", "ignoreLookupName", "existingExtract", "existingLookupName", "resourceId")) {
            way |= Json.has(d.path(s), f);
          }
          way |= compositeCheck(d.path(s));
        }
      }
      if (!way) {
        ctx.error(
            flag,
            "needs a way to check whether the record exists: set rest.ignoreExtract or"
                + " rest.ignoreLookupName (REST) or internalIdLookup (NetSuite)");
      }
    }
  }

  /** True when {@code name} is a lookup of {@code lookups} with a map and no relativeURI. */
  private static boolean mapOnly(JsonNode lookups, String name) {
    for (JsonNode l : lookups) {
      if (name.equals(Json.text(l, "name"))) {
        return Json.has(l, "map") && !Json.has(l, "relativeURI");
      }
    }
    return false;
  }

  /**
   * True for legacy composite arrays whose update entry ({@code relativeURI[0]}) names a lookup or
   * {@code _resourceId}: whether they resolve tells whether the record exists (REFERENCE §4.3).
   */
  private static boolean compositeCheck(JsonNode sec) {
    JsonNode uri = sec.path("relativeURI");
    if (!uri.isArray() || uri.size() < 2 || sec.path("requestType").isArray()) {
      return false;
    }
    java.util.Set<String> names = new HashSet<>();
    sec.path("lookups").forEach(l -> names.add(l.path("name").asText()));
    names.add("_resourceId");
    for (String p : placeholders(uri.get(0).asText())) {
      if (names.contains(p)) {
        return true;
      }
    }
    return false;
  }

  /** The names of a request template's placeholders ({@code {name}} or {@code {{name}}}). */
  private static List<String> placeholders(String template) {
    List<String> out = new ArrayList<>();
    java.util.regex.Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** Delta placeholders render only in export requests (REFERENCE §3.3). */
  private static void placeholders(JsonNode n, String path, ValidationContext ctx) {
    if (n.isTextual()) {
      String t = n.textValue();
      if (t.contains("lastExportDateTime") || t.contains("currentExportDateTime")) {
        ctx.error(path, "delta placeholders ({{lastExportDateTime}}, {{currentExportDateTime}}) work only in export requests");
      }
    } else if (n.isObject()) {
      Iterator<String> it = n.fieldNames();
      while (it.hasNext()) {
        String k = it.next();
        if (path.isEmpty() && k.equals("sampleData")) {
          continue;
        }
        placeholders(n.get(k), Json.join(path, k), ctx);
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        placeholders(n.get(i), path + "[" + i + "]", ctx);
      }
    }
  }
}
