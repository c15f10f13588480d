package io.integrator.netsuite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.Classification;
import jakarta.xml.soap.SOAPElement;
import jakarta.xml.soap.SOAPException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * Builds and runs SuiteTalk searches: a basic search ({@code CustomerSearchBasic}...) or a saved
 * search ({@code *SearchAdvanced} with {@code savedSearchId}), with field criteria, then pages
 * through the result with {@code searchMoreWithId}.
 */
final class SuiteTalkSearch {
  /** How a criterion is written, following NetSuite's search field types. */
  enum Kind {
    /** SearchStringField: operator is, contains, startsWith...; one value. */
    STRING,
    /** SearchMultiSelectField: anyOf/noneOf over RecordRefs (internal ids, or external ids). */
    MULTI_SELECT,
    /** SearchEnumMultiSelectField: anyOf over enum values (the transaction {@code type}). */
    ENUM,
    /** SearchBooleanField: no operator. */
    BOOLEAN,
    /** SearchDateField: within, after, onOrBefore... */
    DATE
  }

  /**
   * One criterion.
   *
   * @param field the search field ({@code email}, {@code internalId}, {@code lastModifiedDate})
   * @param kind its search type
   * @param operator the operator, or null (boolean)
   * @param values the values (several for anyOf)
   * @param value2 the second value of {@code within}, or null
   */
  record Criterion(String field, Kind kind, String operator, List<String> values, String value2) {}

  /** A page of a search result. */
  record Result(int totalRecords, int totalPages, int pageIndex, String searchId,
      List<ObjectNode> records) {}

  private static final Set<String> SELECTS = Set.of("entity", "customer", "vendor", "item",
      "currency", "subsidiary", "department", "class", "location", "parent", "salesRep",
      "createdFrom", "category", "partner", "recType", "company", "account", "employee");

  private SuiteTalkSearch() {}

  /**
   * The kind of a search field: {@code internalId}/{@code externalId} and known select fields are
   * multi-select, {@code isInactive} and other {@code is...} flags boolean, {@code ...Date} fields
   * dates, transaction {@code type} an enum, anything else a string (unless the operator is
   * {@code anyOf}/{@code noneOf}, which only select fields take).
   */
  static Kind kindOf(String field, String operator) {
    if (field.equals("internalId") || field.equals("externalId") || SELECTS.contains(field)
        || "anyOf".equals(operator) || "noneOf".equals(operator)) {
      return field.equals("type") ? Kind.ENUM : Kind.MULTI_SELECT;
    }
    if (field.equals("type")) {
      return Kind.ENUM;
    }
    if (field.equals("isInactive") || field.startsWith("is") && field.length() > 2
        && Character.isUpperCase(field.charAt(2))) {
      return Kind.BOOLEAN;
    }
    if (field.endsWith("Date") || field.equals("lastModified") || field.equals("created")) {
      return Kind.DATE;
    }
    return Kind.STRING;
  }

  /**
   * Runs the first page of a search.
   *
   * @param client the connection's client
   * @param type the record type searched
   * @param savedSearchId a saved search id, or null for a basic search
   * @param criteria the criteria (ANDed)
   * @param prefs the search preferences (page size...)
   */
  static Result search(SuiteTalkClient client, SuiteTalkRecordType type, String savedSearchId,
      List<Criterion> criteria, SuiteTalkPreferences prefs)
      throws SuiteTalkFault, InterruptedException {
    Element resp = client.call("search", prefs, (op, ns) -> {
      SOAPElement sr = op.addChildElement("searchRecord", "platformMsgs");
      sr.addNamespaceDeclaration("platformCore", ns.core);
      sr.addNamespaceDeclaration("platformCommon", ns.common);
      SOAPElement basic;
      if (savedSearchId == null) {
        sr.setAttributeNS(SuiteTalkNamespaces.XSI, "xsi:type", "platformCommon:" + type.search());
        basic = sr;
      } else {
        String p = type.isTransaction() ? "tranSales" : type.prefix();
        sr.addNamespaceDeclaration(p, ns.uri(p));
        String family = type.search().replace("SearchBasic", "");
        sr.setAttributeNS(SuiteTalkNamespaces.XSI, "xsi:type", p + ":" + family + "SearchAdvanced");
        sr.setAttribute(savedSearchId.matches("-?\\d+") ? "savedSearchId" : "savedSearchScriptId",
            savedSearchId);
        basic = criteria.isEmpty() ? null
            : sr.addChildElement("criteria", p).addChildElement("basic", p);
      }
      if (basic != null) {
        SOAPElement custom = null;
        for (Criterion c : criteria) {
          if (!SuiteTalkCustomFields.isCustom(c.field())) {
            write(basic, c);
          }
        }
        for (Criterion c : criteria) {
          if (SuiteTalkCustomFields.isCustom(c.field())) {
            if (custom == null) {
              custom = basic.addChildElement("customFieldList", "platformCommon");
            }
            writeCustom(custom, c);
          }
        }
      }
    });
    return result(client, resp, "search " + type.name());
  }

  /** Reads a further page of a search. */
  static Result more(SuiteTalkClient client, String searchId, int pageIndex,
      SuiteTalkPreferences prefs) throws SuiteTalkFault, InterruptedException {
    Element resp = client.call("searchMoreWithId", prefs, (op, ns) -> {
      op.addChildElement("searchId", "platformMsgs").addTextNode(searchId);
      op.addChildElement("pageIndex", "platformMsgs").addTextNode(Integer.toString(pageIndex));
    });
    return result(client, resp, "searchMoreWithId page " + pageIndex);
  }

  private static void write(SOAPElement basic, Criterion c) throws SOAPException {
    SOAPElement f = basic.addChildElement(c.field(), "platformCommon");
    if (c.operator() != null && c.kind() != Kind.BOOLEAN) {
      f.setAttribute("operator", c.operator());
    }
    switch (c.kind()) {
      case MULTI_SELECT -> {
        for (String v : c.values()) {
          SOAPElement sv = f.addChildElement("searchValue", "platformCore");
          sv.setAttribute(c.field().equals("externalId") ? "externalId" : "internalId", v);
        }
      }
      case ENUM -> {
        for (String v : c.values()) {
          f.addChildElement("searchValue", "platformCore").addTextNode(v);
        }
      }
      default -> {
        f.addChildElement("searchValue", "platformCore").addTextNode(c.values().get(0));
        if (c.value2() != null) {
          f.addChildElement("searchValue2", "platformCore").addTextNode(c.value2());
        }
      }
    }
  }

  /** A criterion on a custom field: a {@code Search*CustomField} in the customFieldList. */
  private static void writeCustom(SOAPElement list, Criterion c) throws SOAPException {
    SOAPElement f = list.addChildElement("customField", "platformCore");
    String xsi = switch (c.kind()) {
      case BOOLEAN -> "SearchBooleanCustomField";
      case DATE -> "SearchDateCustomField";
      case MULTI_SELECT, ENUM -> "SearchMultiSelectCustomField";
      default -> "SearchStringCustomField";
    };
    f.setAttributeNS(SuiteTalkNamespaces.XSI, "xsi:type", "platformCore:" + xsi);
    f.setAttribute("scriptId", c.field());
    if (c.operator() != null && c.kind() != Kind.BOOLEAN) {
      f.setAttribute("operator", c.operator());
    }
    if (c.kind() == Kind.MULTI_SELECT || c.kind() == Kind.ENUM) {
      for (String v : c.values()) {
        f.addChildElement("searchValue", "platformCore").setAttribute("internalId", v);
      }
      return;
    }
    f.addChildElement("searchValue", "platformCore").addTextNode(c.values().get(0));
    if (c.value2() != null) {
      f.addChildElement("searchValue2", "platformCore").addTextNode(c.value2());
    }
  }

  private static Result result(SuiteTalkClient client, Element resp, String what)
      throws SuiteTalkFault {
    Element sr = SoapXml.find(resp, "searchResult");
    if (sr == null) {
      throw new SuiteTalkFault("parse", "NetSuite's answer to " + what + " has no searchResult",
          Classification.PARSE, null);
    }
    SuiteTalkStatus status = SuiteTalkStatus.of(SoapXml.child(sr, "status"));
    if (!status.success()) {
      throw new SuiteTalkFault(status.code(), "NetSuite refused " + what + " for "
          + client.connection.describe() + ": " + status.code() + " " + status.message(),
          status.classification(), null);
    }
    List<ObjectNode> records = new ArrayList<>();
    for (Element r : SoapXml.children(SoapXml.child(sr, "recordList") == null ? sr
        : SoapXml.child(sr, "recordList"), "record")) {
      records.add(SuiteTalkRecordCodec.decode(r));
    }
    return new Result(intOf(sr, "totalRecords"), intOf(sr, "totalPages"), intOf(sr, "pageIndex"),
        SoapXml.childText(sr, "searchId"), records);
  }

  private static int intOf(Element e, String child) {
    String t = SoapXml.childText(e, child);
    try {
      return t == null ? 0 : Integer.parseInt(t);
    } catch (NumberFormatException x) {
      return 0;
    }
  }
}
