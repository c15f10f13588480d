package io.integrator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lookup rules (REFERENCE §4.5): unique names and a recognizable kind. */
final class LookupRules {
  private LookupRules() {}

  /** Checks one lookups array and returns the names it defines. */
  static List<String> check(JsonNode lookups, String base, boolean expressionsAllowed, ValidationContext ctx) {
    List<String> names = new ArrayList<>();
    if (lookups == null || !lookups.isArray()) {
      return names;
    }
    Map<String, String> seen = new LinkedHashMap<>();
    for (int i = 0; i < lookups.size(); i++) {
      JsonNode l = lookups.get(i);
      String p = base + "[" + i + "]";
      String name = Json.text(l, "name");
      if (name != null) {
        String first = seen.putIfAbsent(name, p);
        if (first != null) {
          ctx.error(
              p + ".name",
              "duplicate lookup name " + name + " (also " + first + "); lookup names must be unique");
        }
        names.add(name);
      }
      boolean map = Json.has(l, "map");
      boolean rest = Json.has(l, "relativeURI");
      boolean ns = Json.has(l, "recordType");
      if (!map && !rest && !ns) {
        ctx.error(p, "a lookup needs map (static), relativeURI (REST) or recordType (NetSuite)");
      }
      if (ns && !Json.has(l, "searchField") && !Json.has(l, "expression")) {
        ctx.error(p, "a NetSuite lookup needs searchField or expression");
      }
      if (Json.has(l, "expression") && !expressionsAllowed) {
        ctx.error(
            p + ".expression",
            "expressions are supported only by distributed (NetSuite-side) imports; use searchField");
      }
    }
    return names;
  }
}
