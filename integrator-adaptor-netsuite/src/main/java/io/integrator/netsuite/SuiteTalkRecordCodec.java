package io.integrator.netsuite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.xml.soap.SOAPElement;
import jakarta.xml.soap.SOAPException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * Our JSON records to SuiteTalk record XML and back.
 *
 * <p>Writing (camel-case field ids, as web services name them):
 * <ul>
 *   <li>{@code internalId} and {@code externalId} become the record's attributes.
 *   <li>Scalars become body fields: booleans {@code true}/{@code false}, numbers in plain
 *       notation, a date-only text ({@code 2024-05-01}) in a field whose name ends with {@code Date}
 *       becomes {@code 2024-05-01T00:00:00Z}.
 *   <li>Select fields ({@code entity}, {@code item}, {@code currency}...; any object with {@code
 *       internalId}, {@code externalId} or {@code name}) become RecordRefs: {@code {"internalId":
 *       "12"}}, {@code {"externalId": "C-1"}}, or a bare value, which is an internal id when the
 *       field is an internal-id field (mapping {@code internalId: true}, or a lookup whose {@code
 *       resultField} is {@code internalId}) and a name otherwise.
 *   <li>{@code billingAddress}, {@code shippingAddress}, {@code addressbookAddress} become
 *       {@code common:Address} in schema order.
 *   <li>Arrays of objects become sublists: {@code itemList}, {@code item} or {@code <Type>Item}
 *       (the API document's {@code SalesOrderItem}) become {@code itemList/item}; {@code
 *       addressbook}/{@code addressbookList} become {@code addressbookList/addressbook}; any other
 *       {@code xList} becomes {@code xList/x}.
 *   <li>Custom fields ({@code custbody...}, {@code custcol...}, {@code custentity...}...) go to the
 *       {@code customFieldList} typed by {@code customFieldMetadata}; one without metadata fails
 *       the record with a message saying what to add.
 *   <li>{@code null} values go to {@code nullFieldList} (they clear the field on update).
 *   <li>Body fields follow the schema order of {@link SuiteTalkRecordType#order()}; fields outside
 *       that table come after the known body fields, then sublists, then {@code customFieldList}.
 * </ul>
 *
 * <p>Reading: attributes and body fields become JSON fields ({@code true}/{@code false} as
 * booleans, other values as text), RecordRefs become {@code {internalId, externalId?, name?}},
 * sublists become arrays named like the list ({@code itemList}), and custom fields become
 * top-level fields by script id, typed by their reference type.
 */
final class SuiteTalkRecordCodec {
  private static final Set<String> SELECT_FIELDS = Set.of("entity", "customer", "vendor", "item",
      "currency", "subsidiary", "department", "class", "location", "terms", "salesRep",
      "partner", "shipMethod", "taxItem", "taxCode", "priceLevel", "entityStatus", "category",
      "parent", "createdFrom", "customForm", "leadSource", "paymentMethod", "account", "job",
      "units", "promoCode", "discountItem", "messageSel", "shippingItem", "recType", "salesGroup",
      "territory", "company", "supervisor", "employee", "incomeAccount", "expenseAccount",
      "cogsAccount", "assetAccount", "taxSchedule", "receivablesAccount", "payablesAccount",
      "opportunity", "contactSource", "owner", "approver", "template", "price", "billingSchedule",
      "revRecSchedule", "shippingTaxCode", "handlingTaxCode", "poVendor", "drAccount",
      "fxAccount", "nexus", "accessRole", "assignedWebSite", "sourceWebSite", "campaignCategory",
      "prefCCProcessor", "defaultTaxReg", "stage", "image", "workCalendar");
  private static final Set<String> ADDRESS_FIELDS = Set.of("billingAddress", "shippingAddress",
      "addressbookAddress", "shipAddress", "billAddress");
  private static final Pattern DATE_ONLY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private final SuiteTalkRecordType type;
  private final SuiteTalkCustomFields customFields;
  private final Set<String> internalIdFields;
  private final String recordTypeId;

  /**
   * @param type the record type written
   * @param customFields the import's custom field metadata
   * @param internalIdFields dotted paths ({@code entity}, {@code itemList.item}, {@code
   *     SalesOrderItem.item}) whose bare values are internal ids
   * @param recordTypeId the custom record type's internal id ({@code recType}), or null
   */
  SuiteTalkRecordCodec(SuiteTalkRecordType type, SuiteTalkCustomFields customFields,
      Set<String> internalIdFields, String recordTypeId) {
    this.type = type;
    this.customFields = customFields;
    this.internalIdFields = internalIdFields;
    this.recordTypeId = recordTypeId;
  }

  /**
   * Writes a record element under {@code parent}.
   *
   * @param parent the operation element ({@code addList}...)
   * @param elementName {@code record}
   * @param record the mapped record
   * @param internalId the internal id for updates, or null
   * @param ns the namespaces of the call
   * @throws SuiteTalkRecordException when a field cannot be written; the message names it
   */
  void encode(SOAPElement parent, String elementName, ObjectNode record, String internalId,
      SuiteTalkNamespaces ns) throws SOAPException, SuiteTalkRecordException {
    String p = type.prefix();
    SOAPElement rec = parent.addChildElement(elementName, "platformMsgs");
    rec.addNamespaceDeclaration(p, ns.uri(p));
    rec.addNamespaceDeclaration("platformCore", ns.core);
    rec.addNamespaceDeclaration("platformCommon", ns.common);
    rec.setAttributeNS(SuiteTalkNamespaces.XSI, "xsi:type", p + ":" + type.xmlType());
    String id = internalId != null ? internalId : text(record.get("internalId"));
    if (id != null) {
      rec.setAttribute("internalId", id);
    }
    String ext = text(record.get("externalId"));
    if (ext != null) {
      rec.setAttribute("externalId", ext);
    }
    ObjectNode body = record.deepCopy();
    body.remove(List.of("internalId", "externalId"));
    if (recordTypeId != null && !body.has("recType")) {
      body.putObject("recType").put("internalId", recordTypeId);
    }
    writeFields(rec, p, body, type.order(), "", ns);
  }

  /**
   * Encodes the record into a scratch message to find what would make it fail.
   *
   * @return null when the record can be written, else what is wrong with it (names the field)
   */
  String check(ObjectNode record, String internalId, SuiteTalkNamespaces ns) {
    try {
      jakarta.xml.soap.SOAPMessage m = SCRATCH.createMessage();
      SOAPElement op = m.getSOAPBody().addChildElement("check", "platformMsgs", ns.messages);
      encode(op, "record", record, internalId, ns);
      return null;
    } catch (SuiteTalkRecordException e) {
      return e.getMessage();
    } catch (SOAPException | RuntimeException e) {
      return "the record cannot be written as SuiteTalk XML: " + e.getMessage();
    }
  }

  private static final jakarta.xml.soap.MessageFactory SCRATCH = scratch();

  private static jakarta.xml.soap.MessageFactory scratch() {
    try {
      return jakarta.xml.soap.MessageFactory.newInstance();
    } catch (SOAPException e) {
      throw new IllegalStateException("no SAAJ implementation on the classpath", e);
    }
  }

  /** Writes fields in schema order: nullFieldList, body fields, sublists, customFieldList. */
  private void writeFields(SOAPElement parent, String p, ObjectNode fields, List<String> order,
      String path, SuiteTalkNamespaces ns) throws SOAPException, SuiteTalkRecordException {
    List<String> nulls = new ArrayList<>();
    List<Map.Entry<String, JsonNode>> body = new ArrayList<>();
    List<Map.Entry<String, JsonNode>> custom = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : fields.properties()) {
      if (e.getValue().isNull()) {
        nulls.add(e.getKey());
      } else if (SuiteTalkCustomFields.isCustom(e.getKey())) {
        custom.add(e);
      } else {
        body.add(e);
      }
    }
    int firstList = firstList(order);
    body.sort(Comparator.comparingInt(e -> rank(e.getKey(), e.getValue(), order, firstList)));
    if (!nulls.isEmpty()) {
      SOAPElement nl = parent.addChildElement("nullFieldList", "platformCore");
      for (String n : nulls) {
        nl.addChildElement("name", "platformCore").addTextNode(n);
      }
    }
    for (Map.Entry<String, JsonNode> e : body) {
      writeField(parent, p, e.getKey(), e.getValue(), path, ns);
    }
    if (!custom.isEmpty()) {
      SOAPElement list = parent.addChildElement("customFieldList", p);
      for (Map.Entry<String, JsonNode> e : custom) {
        writeCustom(list, e.getKey(), e.getValue(), path);
      }
    }
  }

  private static int firstList(List<String> order) {
    for (int i = 0; i < order.size(); i++) {
      if (order.get(i).endsWith("List")) {
        return i;
      }
    }
    return order.size();
  }

  private static int rank(String field, JsonNode v, List<String> order, int firstList) {
    int i = order.indexOf(field);
    if (i >= 0) {
      return i * 2;
    }
    return v.isArray() ? order.size() * 2 : firstList * 2 - 1;
  }

  private void writeField(SOAPElement parent, String p, String name, JsonNode v, String path,
      SuiteTalkNamespaces ns) throws SOAPException, SuiteTalkRecordException {
    String at = path.isEmpty() ? name : path + "." + name;
    if (v.isArray()) {
      writeList(parent, p, name, (ArrayNode) v, at, ns);
    } else if (isRef(name, v)) {
      writeRef(parent.addChildElement(name, p), v, at);
    } else if (v.isObject() && (ADDRESS_FIELDS.contains(name) || isAddress(v))) {
      SOAPElement a = parent.addChildElement(name, p);
      writeFields(a, "platformCommon", (ObjectNode) v, SuiteTalkRecordType.ADDRESS, at, ns);
    } else if (v.isObject()) {
      writeFields(parent.addChildElement(name, p), p, (ObjectNode) v, List.of(), at, ns);
    } else {
      parent.addChildElement(name, p).addTextNode(scalar(name, v));
    }
  }

  private void writeList(SOAPElement parent, String p, String name, ArrayNode lines, String at,
      SuiteTalkNamespaces ns) throws SOAPException, SuiteTalkRecordException {
    String listName;
    String lineName;
    List<String> order = List.of();
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    if (lower.equals("itemlist") || lower.equals("item")
        || type.isTransaction() && lower.endsWith("item")) {
      listName = "itemList";
      lineName = "item";
      order = SuiteTalkRecordType.ITEM_LINE;
    } else if (lower.startsWith("addressbook")) {
      listName = "addressbookList";
      lineName = "addressbook";
      order = SuiteTalkRecordType.ADDRESSBOOK_LINE;
    } else if (name.endsWith("List")) {
      listName = name;
      lineName = name.substring(0, name.length() - 4);
    } else {
      listName = name + "List";
      lineName = name;
    }
    SOAPElement list = parent.addChildElement(listName, p);
    for (int i = 0; i < lines.size(); i++) {
      JsonNode line = lines.get(i);
      if (!line.isObject()) {
        throw new SuiteTalkRecordException("field " + at + "[" + i + "] must be an object (a"
            + " sublist line), got " + line);
      }
      writeFields(list.addChildElement(lineName, p), p, (ObjectNode) line, order, at, ns);
    }
  }

  private boolean isRef(String name, JsonNode v) {
    if (v.isObject()) {
      for (var it = v.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!f.equals("internalId") && !f.equals("externalId") && !f.equals("name")
            && !f.equals("type")) {
          return false;
        }
      }
      return v.size() > 0;
    }
    return v.isValueNode() && SELECT_FIELDS.contains(name);
  }

  private static boolean isAddress(JsonNode v) {
    for (var it = v.fieldNames(); it.hasNext(); ) {
      if (!SuiteTalkRecordType.ADDRESS.contains(it.next())) {
        return false;
      }
    }
    return true;
  }

  private void writeRef(SOAPElement el, JsonNode v, String at) throws SOAPException {
    if (v.isObject()) {
      for (String a : List.of("internalId", "externalId", "type")) {
        String t = text(v.get(a));
        if (t != null) {
          el.setAttribute(a, t);
        }
      }
      String n = text(v.get("name"));
      if (n != null) {
        el.addChildElement("name", "platformCore").addTextNode(n);
      }
    } else if (internalIdFields.contains(at) || internalIdFields.contains(stripLines(at))) {
      el.setAttribute("internalId", v.asText());
    } else {
      el.addChildElement("name", "platformCore").addTextNode(v.asText());
    }
  }

  private static String stripLines(String at) {
    return at.replaceAll("\\[\\d+]", "");
  }

  private void writeCustom(SOAPElement list, String field, JsonNode v, String path)
      throws SOAPException, SuiteTalkRecordException {
    SuiteTalkCustomFields.Kind kind = customFields.kind(field);
    String at = path.isEmpty() ? field : path + "." + field;
    if (kind == null) {
      throw new SuiteTalkRecordException("custom field " + at + " has no type: add {\"field\": \""
          + field + "\", \"type\": \"_freeFormText\"} (or its real type) to"
          + " netsuite.customFieldMetadata of the import");
    }
    SOAPElement cf = list.addChildElement("customField", "platformCore");
    cf.setAttributeNS(SuiteTalkNamespaces.XSI, "xsi:type", "platformCore:" + kind.xmlType);
    cf.setAttribute("scriptId", field);
    switch (kind) {
      case SELECT -> writeRef(cf.addChildElement("value", "platformCore"), refValue(v), at);
      case MULTI_SELECT -> {
        List<JsonNode> values = new ArrayList<>();
        if (v.isArray()) {
          v.forEach(values::add);
        } else {
          for (String s : v.asText().split(",")) {
            values.add(JsonNodeFactory.instance.textNode(s.trim()));
          }
        }
        for (JsonNode one : values) {
          writeRef(cf.addChildElement("value", "platformCore"), refValue(one), at);
        }
      }
      case DOUBLE -> cf.addChildElement("value", "platformCore").addTextNode(number(at, v, false));
      case LONG -> cf.addChildElement("value", "platformCore").addTextNode(number(at, v, true));
      case BOOLEAN -> cf.addChildElement("value", "platformCore").addTextNode(bool(at, v));
      case DATE -> cf.addChildElement("value", "platformCore").addTextNode(date(v.asText()));
      default -> cf.addChildElement("value", "platformCore").addTextNode(scalar(field, v));
    }
  }

  /** Select custom field values: a bare value is an internal id unless the field says names. */
  private static JsonNode refValue(JsonNode v) {
    if (v.isObject()) {
      return v;
    }
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("internalId", v.asText());
    return o;
  }

  private static String number(String at, JsonNode v, boolean integer)
      throws SuiteTalkRecordException {
    try {
      BigDecimal d = new BigDecimal(v.asText().trim());
      if (integer) {
        return d.toBigIntegerExact().toString();
      }
      return d.toPlainString();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new SuiteTalkRecordException("custom field " + at + " needs " + (integer
          ? "an integer" : "a number") + " (customFieldMetadata says so), got " + v);
    }
  }

  private static String bool(String at, JsonNode v) throws SuiteTalkRecordException {
    String s = v.asText().trim().toLowerCase(java.util.Locale.ROOT);
    return switch (s) {
      case "true", "t", "yes", "y", "1" -> "true";
      case "false", "f", "no", "n", "0", "" -> "false";
      default -> throw new SuiteTalkRecordException("custom field " + at + " is a checkbox and"
          + " needs true or false, got " + v);
    };
  }

  private static String scalar(String name, JsonNode v) {
    if (v.isBoolean()) {
      return Boolean.toString(v.booleanValue());
    }
    if (v.isNumber()) {
      return v.isIntegralNumber() ? v.bigIntegerValue().toString()
          : v.decimalValue().stripTrailingZeros().toPlainString();
    }
    String s = v.asText();
    return name.endsWith("Date") ? date(s) : s;
  }

  private static String date(String s) {
    return DATE_ONLY.matcher(s).matches() ? s + "T00:00:00Z" : s;
  }

  private static String text(JsonNode v) {
    return v == null || v.isNull() || v.isMissingNode() || v.asText().isBlank() ? null
        : v.asText();
  }

  /**
   * Reads a record element into JSON (see the class comment).
   *
   * @param record a {@code record} element of a read or search response
   * @return the record
   */
  static ObjectNode decode(Element record) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    for (String a : List.of("internalId", "externalId")) {
      if (SoapXml.attr(record, a) != null) {
        o.put(a, SoapXml.attr(record, a));
      }
    }
    for (Element c : SoapXml.children(record)) {
      String name = SoapXml.local(c);
      List<Element> kids = SoapXml.children(c);
      if (name.equals("nullFieldList")) {
        continue;
      }
      if (name.equals("customFieldList")) {
        for (Element f : kids) {
          decodeCustom(o, f);
        }
      } else if (isRefElement(c)) {
        o.set(name, ref(c));
      } else if (name.endsWith("List") && !kids.isEmpty()) {
        ArrayNode arr = o.putArray(name);
        for (Element line : kids) {
          arr.add(decode(line));
        }
      } else if (!kids.isEmpty()) {
        o.set(name, decode(c));
      } else {
        String t = c.getTextContent().trim();
        if (t.equals("true") || t.equals("false")) {
          o.put(name, Boolean.parseBoolean(t));
        } else {
          o.put(name, t);
        }
      }
    }
    return o;
  }

  private static void decodeCustom(ObjectNode o, Element f) {
    String script = SoapXml.attr(f, "scriptId");
    if (script == null) {
      return;
    }
    SuiteTalkCustomFields.Kind kind = SuiteTalkCustomFields.ofXmlType(SoapXml.xsiType(f));
    List<Element> values = SoapXml.children(f, "value");
    if (values.isEmpty()) {
      o.putNull(script);
      return;
    }
    String t = values.get(0).getTextContent().trim();
    if (kind == null) {
      o.put(script, t);
      return;
    }
    switch (kind) {
      case DOUBLE -> o.put(script, new BigDecimal(t));
      case LONG -> o.put(script, Long.parseLong(t));
      case BOOLEAN -> o.put(script, Boolean.parseBoolean(t));
      case SELECT -> o.set(script, ref(values.get(0)));
      case MULTI_SELECT -> {
        ArrayNode arr = o.putArray(script);
        values.forEach(v -> arr.add(ref(v)));
      }
      default -> o.put(script, t);
    }
  }

  private static boolean isRefElement(Element c) {
    if (!c.hasAttribute("internalId") && !c.hasAttribute("externalId")) {
      return false;
    }
    for (Element k : SoapXml.children(c)) {
      if (!SoapXml.local(k).equals("name")) {
        return false;
      }
    }
    return true;
  }

  private static ObjectNode ref(Element c) {
    ObjectNode r = JsonNodeFactory.instance.objectNode();
    for (String a : List.of("internalId", "externalId")) {
      if (SoapXml.attr(c, a) != null) {
        r.put(a, SoapXml.attr(c, a));
      }
    }
    String n = SoapXml.childText(c, "name");
    if (n != null) {
      r.put("name", n);
    }
    return r;
  }
}
