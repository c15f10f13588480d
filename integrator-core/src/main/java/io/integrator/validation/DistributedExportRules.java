package io.integrator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.integrator.model.DistributedExport;
import java.util.Locale;

/** Distributed export rules (REFERENCE §3.9). */
final class DistributedExportRules {
  private DistributedExportRules() {}

  static void check(DistributedExport de, ValidationContext ctx) {
    JsonNode d = de.json();
    if ("batch".equals(de.type()) && !Json.has(d, "searchId")) {
      ctx.required("searchId", "required for batch distributed exports");
    }
    String rt = de.recordType();
    if (rt != null && !rt.equals(rt.toLowerCase(Locale.ROOT))) {
      ctx.warning(
          "recordType",
          "NetSuite-side record types are lowercase (" + rt.toLowerCase(Locale.ROOT) + ")");
    }
  }
}
