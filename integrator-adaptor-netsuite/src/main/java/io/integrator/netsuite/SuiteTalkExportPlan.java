package io.integrator.netsuite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A web-services export document (REFERENCE §3.7) compiled once: the searches to run (record type,
 * saved search id, criteria), delta and once settings, page size and options.
 *
 * <p>Criteria items are {@code {"field", "operator", "searchValue", "searchValue2"}} ({@code
 * value} is accepted for {@code searchValue}; an array of values is an {@code anyOf} on select
 * fields). The field's search type follows {@link SuiteTalkSearch#kindOf}.
 */
final class SuiteTalkExportPlan {
  /** One search of {@code netsuite.searches[]}. */
  record Search(SuiteTalkRecordType type, String savedSearchId,
      List<SuiteTalkSearch.Criterion> criteria) {}

  final String exportName;
  final String mode;
  final List<Search> searches = new ArrayList<>();
  final List<String> dateFields = new ArrayList<>();
  final String onceField;
  final boolean bodyFieldsOnly;
  final int netsuitePageSize;
  final boolean statsOnly;

  /** @throws IllegalArgumentException naming the field path when the export cannot run */
  SuiteTalkExportPlan(ObjectNode doc) {
    JsonNode ns = doc.path("netsuite");
    this.exportName = doc.path("name").asText(doc.path("_id").asText("(unsaved export)"));
    String where = "export '" + exportName + "': ";
    this.mode = ns.path("type").asText("search");
    if (!mode.equals("search") && !mode.equals("basicSearch")) {
      throw new IllegalArgumentException(where + "netsuite.type " + mode + " is not supported by"
          + " the web services adaptor; use search (saved search) or basicSearch"
          + (mode.equals("restlet") ? " (restlet exports are the distributed adaptor's)" : ""));
    }
    JsonNode list = ns.path("searches");
    if (!list.isArray() || list.isEmpty()) {
      throw new IllegalArgumentException(where + "netsuite.searches needs at least one"
          + " {recordType, criteria} entry" + (mode.equals("search") ? " with searchId" : ""));
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode s = list.get(i);
      String at = "netsuite.searches[" + i + "]";
      SuiteTalkRecordType type;
      try {
        type = SuiteTalkRecordType.of(s.path("recordType").asText(null));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + at + ".recordType: " + e.getMessage());
      }
      String id = text(s.path("searchId"));
      if (id == null) {
        id = text(s.path("savedSearchId"));
      }
      if (mode.equals("search") && id == null) {
        throw new IllegalArgumentException(where + at + ".searchId is required for netsuite.type"
            + " search (or use basicSearch)");
      }
      searches.add(new Search(type, mode.equals("search") ? id : null,
          criteria(s.path("criteria"), where + at + ".criteria")));
    }
    String type = doc.path("type").asText("").toLowerCase(Locale.ROOT);
    if (type.equals("delta") || type.equals("tranlinedelta")) {
      for (String f : doc.path("delta").path("dateField").asText("").split(",")) {
        if (!f.isBlank()) {
          dateFields.add(f.trim());
        }
      }
      if (dateFields.isEmpty()) {
        throw new IllegalArgumentException(where + "delta.dateField is required for NetSuite delta"
            + " exports (e.g. lastModifiedDate)");
      }
    }
    this.onceField = type.equals("once") ? text(doc.path("once").path("booleanField")) : null;
    if (type.equals("once") && onceField == null) {
      throw new IllegalArgumentException(where + "once.booleanField is required for once exports");
    }
    JsonNode basic = ns.path("basicSearch");
    this.bodyFieldsOnly = !basic.has("bodyFieldsOnly")
        || SuiteTalkImportPlan.isTrue(basic.path("bodyFieldsOnly"));
    int size = basic.path("pageSize").asInt(0);
    this.netsuitePageSize = size > 0 ? size : 0;
    this.statsOnly = SuiteTalkImportPlan.isTrue(ns.path("statsOnly"));
  }

  private static List<SuiteTalkSearch.Criterion> criteria(JsonNode items, String at) {
    List<SuiteTalkSearch.Criterion> out = new ArrayList<>();
    if (items.isMissingNode() || items.isNull()) {
      return out;
    }
    if (!items.isArray()) {
      throw new IllegalArgumentException(at + " must be an array of {field, operator, searchValue}");
    }
    for (int i = 0; i < items.size(); i++) {
      JsonNode c = items.get(i);
      String field = text(c.path("field"));
      if (field == null) {
        throw new IllegalArgumentException(at + "[" + i + "].field is required");
      }
      String op = text(c.path("operator"));
      JsonNode v = c.has("searchValue") ? c.get("searchValue") : c.path("value");
      List<String> values = new ArrayList<>();
      if (v.isArray()) {
        v.forEach(x -> values.add(x.asText()));
      } else if (!v.isMissingNode() && !v.isNull()) {
        values.add(v.asText());
      }
      SuiteTalkSearch.Kind kind = SuiteTalkSearch.kindOf(field, op);
      if (values.isEmpty() && !"empty".equals(op) && !"notEmpty".equals(op)) {
        throw new IllegalArgumentException(at + "[" + i + "].searchValue is required");
      }
      if (kind == SuiteTalkSearch.Kind.STRING && op == null) {
        op = "is";
      }
      if (kind == SuiteTalkSearch.Kind.MULTI_SELECT && op == null) {
        op = "anyOf";
      }
      if (values.isEmpty()) {
        values.add("");
      }
      out.add(new SuiteTalkSearch.Criterion(field, kind, op, values, text(c.path("searchValue2"))));
    }
    return out;
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() || n.isMissingNode() || n.asText().isBlank() ? null
        : n.asText();
  }
}
