package io.integrator.testkit;

import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * Required-field rules per record type, so the fake refuses what NetSuite refuses, with NetSuite's
 * codes: {@code USER_ERROR} for missing values, {@code INVALID_KEY_OR_REF} for references to
 * records that do not exist.
 */
final class SuiteTalkRules {
  static final Set<String> TRANSACTIONS = Set.of("salesOrder", "invoice", "cashSale", "estimate",
      "purchaseOrder", "creditMemo", "returnAuthorization", "itemFulfillment", "cashRefund");
  static final Set<String> ITEMS = Set.of("inventoryItem", "nonInventorySaleItem",
      "serviceSaleItem", "nonInventoryResaleItem", "serviceResaleItem", "kitItem", "assemblyItem",
      "discountItem", "otherChargeSaleItem");
  static final Set<String> ENTITIES = Set.of("customer", "contact", "vendor", "employee", "partner");

  /** A refused record: NetSuite's status detail code and message. */
  record Violation(String code, String message) {}

  private SuiteTalkRules() {}

  /**
   * Checks a record as it would be stored.
   *
   * @param type the camel-case record type
   * @param record the record element after merging an update
   * @param store to check references
   * @return the first violation, or null when the record is acceptable
   */
  static Violation check(String type, Element record, SuiteTalkStore store) {
    switch (type) {
      case "customer", "vendor" -> {
        if (!has(record, "companyName") && !(has(record, "firstName") && has(record, "lastName"))) {
          return missing("Company Name (or First Name and Last Name for an individual)");
        }
      }
      case "employee" -> {
        if (!has(record, "firstName") || !has(record, "lastName")) {
          return missing("First Name, Last Name");
        }
      }
      case "contact" -> {
        if (!has(record, "firstName") && !has(record, "entityId")) {
          return missing("Name (firstName or entityId)");
        }
      }
      case "itemFulfillment" -> {
        if (!has(record, "createdFrom")) {
          return missing("Created From (the sales order)");
        }
      }
      case "customRecord" -> {
        if (!has(record, "name") && !has(record, "recType")) {
          return missing("Name");
        }
      }
      default -> {
        if (ITEMS.contains(type) && !has(record, "itemId")) {
          return missing("Item Name/Number (itemId)");
        }
      }
    }
    if (TRANSACTIONS.contains(type) && !"itemFulfillment".equals(type)) {
      if (!has(record, "entity")) {
        return missing(type.equals("purchaseOrder") ? "Vendor (entity)" : "Customer (entity)");
      }
      Violation ref = reference(record, "entity",
          type.equals("purchaseOrder") ? List.of("vendor") : List.of("customer"), store);
      if (ref != null) {
        return ref;
      }
      List<Element> lines = SuiteTalkDom.children(SuiteTalkDom.child(record, "itemList"), "item");
      if (lines.isEmpty()) {
        return new Violation("USER_ERROR", "You must enter at least one line item for this"
            + " transaction.");
      }
      for (Element line : lines) {
        if (!has(line, "item")) {
          return missing("Item (on a line of itemList)");
        }
        Violation r = reference(line, "item", List.copyOf(ITEMS), store);
        if (r != null) {
          return r;
        }
      }
    }
    return null;
  }

  private static Violation reference(Element parent, String field, List<String> types,
      SuiteTalkStore store) {
    Element ref = SuiteTalkDom.child(parent, field);
    String id = SuiteTalkDom.attr(ref, "internalId");
    String ext = SuiteTalkDom.attr(ref, "externalId");
    if (id == null && ext == null) {
      return null;
    }
    for (String t : types) {
      if (id != null ? store.findById(t, id) != null : store.findByExternalId(t, ext) != null) {
        return null;
      }
    }
    return new Violation("INVALID_KEY_OR_REF", "Invalid " + field + " reference key "
        + (id != null ? id : ext) + ".");
  }

  private static boolean has(Element record, String field) {
    Element c = SuiteTalkDom.child(record, field);
    return c != null && (!c.getTextContent().isBlank() || c.hasAttribute("internalId")
        || c.hasAttribute("externalId"));
  }

  private static Violation missing(String what) {
    return new Violation("USER_ERROR", "Please enter value(s) for: " + what);
  }
}
