package io.integrator.netsuite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A web-services import document (REFERENCE §4.4) compiled once: record type, operation, the
 * existence check ({@code internalIdLookup}), the flags and the codec.
 */
final class SuiteTalkImportPlan {
  /** The import's {@code netsuite.operation}. */
  enum Operation { ADD, UPDATE, ADDUPDATE, DELETE }

  final String importName;
  final SuiteTalkRecordType type;
  final Operation operation;
  final String extract;
  final String searchField;
  final String searchOperator;
  final boolean ignoreExisting;
  final boolean ignoreMissing;
  final boolean retryUpdateAsAdd;
  final SuiteTalkRecordCodec codec;

  /**
   * @throws IllegalArgumentException naming the field path when the import cannot run
   */
  SuiteTalkImportPlan(ObjectNode doc) {
    JsonNode ns = doc.path("netsuite");
    this.importName = doc.path("name").asText(doc.path("_id").asText("(unsaved import)"));
    String where = "import '" + importName + "': ";
    if (isTrue(doc.path("distributed"))) {
      throw new IllegalArgumentException(where + "distributed (NetSuite-side) imports are run by"
          + " the distributed adaptor, not web services");
    }
    try {
      this.type = SuiteTalkRecordType.of(ns.path("recordType").asText(null));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + "netsuite.recordType: " + e.getMessage());
    }
    if (type.name().equals("item")) {
      throw new IllegalArgumentException(where + "netsuite.recordType: write a concrete item type"
          + " (inventoryItem, nonInventorySaleItem, serviceSaleItem); Item is for lookups");
    }
    String op = ns.path("operation").asText("").toLowerCase(Locale.ROOT);
    this.operation = switch (op) {
      case "add" -> Operation.ADD;
      case "update" -> Operation.UPDATE;
      case "addupdate" -> Operation.ADDUPDATE;
      case "delete" -> Operation.DELETE;
      case "attach", "detach" -> throw new IllegalArgumentException(where + "netsuite.operation "
          + op + " is not supported by the web services adaptor yet; use add, update, addupdate"
          + " or delete");
      default -> throw new IllegalArgumentException(where + "netsuite.operation must be add,"
          + " update, addupdate or delete, got '" + op + "'");
    };
    JsonNode lookup = ns.path("internalIdLookup");
    this.extract = text(lookup.path("extract"));
    this.searchField = text(lookup.path("searchField"));
    this.searchOperator = text(lookup.path("operator"));
    if (lookup.hasNonNull("expression")) {
      throw new IllegalArgumentException(where + "netsuite.internalIdLookup.expression works only"
          + " in distributed imports; use searchField");
    }
    this.ignoreExisting = isTrue(doc.path("ignoreExisting"));
    this.ignoreMissing = isTrue(doc.path("ignoreMissing"));
    this.retryUpdateAsAdd = isTrue(ns.path("retryUpdateAsAdd"));
    if (extract == null && (operation != Operation.ADD || ignoreExisting)) {
      throw new IllegalArgumentException(where + "netsuite.internalIdLookup.extract is required"
          + " for operation " + op + (ignoreExisting ? " with ignoreExisting" : ""));
    }
    SuiteTalkCustomFields custom;
    try {
      custom = SuiteTalkCustomFields.of(ns.get("customFieldMetadata"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + e.getMessage());
    }
    this.codec = new SuiteTalkRecordCodec(type, custom, internalIdFields(doc),
        text(ns.path("recordTypeId")));
  }

  /** True when existing records are looked up before writing. */
  boolean hasLookup() {
    return extract != null;
  }

  /**
   * Mapping paths whose values are internal ids: fields with {@code internalId: true}, and fields
   * filled by a NetSuite lookup whose {@code resultField} is {@code internalId} (the default).
   */
  static Set<String> internalIdFields(ObjectNode doc) {
    Map<String, Boolean> lookupGivesId = new HashMap<>();
    for (JsonNode l : doc.path("netsuite").path("lookups")) {
      boolean dynamic = l.hasNonNull("recordType");
      lookupGivesId.put(l.path("name").asText(),
          dynamic && "internalId".equals(l.path("resultField").asText("internalId")));
    }
    Set<String> out = new HashSet<>();
    collect(doc.path("mapping").path("fields"), "", lookupGivesId, out);
    for (JsonNode list : doc.path("mapping").path("lists")) {
      collect(list.path("fields"), list.path("generate").asText() + ".", lookupGivesId, out);
    }
    return out;
  }

  private static void collect(JsonNode fields, String prefix, Map<String, Boolean> lookups,
      Set<String> out) {
    for (JsonNode f : fields) {
      String gen = f.path("generate").asText(null);
      if (gen == null) {
        continue;
      }
      String lookup = f.hasNonNull("lookupName") ? f.get("lookupName").asText()
          : f.path("lookup").asText(null);
      if (isTrue(f.path("internalId")) || lookup != null && lookups.getOrDefault(lookup, false)) {
        out.add(prefix + gen);
      }
    }
  }

  static boolean isTrue(JsonNode n) {
    return n.asBoolean(false) || "true".equalsIgnoreCase(n.asText());
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() || n.isMissingNode() || n.asText().isBlank() ? null
        : n.asText();
  }
}
