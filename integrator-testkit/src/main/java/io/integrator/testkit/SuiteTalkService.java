package io.integrator.testkit;

import jakarta.xml.soap.Detail;
import jakarta.xml.soap.MessageFactory;
import jakarta.xml.soap.SOAPBody;
import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPElement;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPFault;
import jakarta.xml.soap.SOAPMessage;
import jakarta.xml.ws.BindingType;
import jakarta.xml.ws.Provider;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.ServiceMode;
import jakarta.xml.ws.WebServiceProvider;
import jakarta.xml.ws.soap.SOAPBinding;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.namespace.QName;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/**
 * The SOAP side of {@link SuiteTalkServer}: authenticates each call, injects faults, counts calls
 * per operation and answers add, update, upsert, delete, get, their list forms, search,
 * searchMoreWithId and getServerTime from the {@link SuiteTalkStore}.
 */
@WebServiceProvider(serviceName = "NetSuiteService", portName = "NetSuitePort",
    targetNamespace = "urn:platform.webservices.netsuite.com")
@ServiceMode(Service.Mode.MESSAGE)
@BindingType(SOAPBinding.SOAP11HTTP_BINDING)
final class SuiteTalkService implements Provider<SOAPMessage> {
  private static final String ENV = "http://schemas.xmlsoap.org/soap/envelope/";

  final SuiteTalkStore store = new SuiteTalkStore();
  final SuiteTalkAuth auth;
  final SuiteTalkFaults faults = new SuiteTalkFaults();
  final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  final Map<String, SavedSearch> savedSearches = new ConcurrentHashMap<>();
  final AtomicInteger inFlight = new AtomicInteger();
  final AtomicInteger maxInFlight = new AtomicInteger();
  private final String messagesNs;
  private final String coreNs;
  private final String faultsNs;
  private final MessageFactory factory;

  /** A saved search: the record types it covers and its own criteria (a basic search element). */
  record SavedSearch(List<String> types, Element criteria) {}

  SuiteTalkService(String account, String version) {
    this.auth = new SuiteTalkAuth(account);
    this.messagesNs = "urn:messages_" + version + ".platform.webservices.netsuite.com";
    this.coreNs = "urn:core_" + version + ".platform.webservices.netsuite.com";
    this.faultsNs = "urn:faults_" + version + ".platform.webservices.netsuite.com";
    try {
      this.factory = MessageFactory.newInstance(SOAPConstants.SOAP_1_1_PROTOCOL);
    } catch (SOAPException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public SOAPMessage invoke(SOAPMessage request) {
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    try {
      Element op = SuiteTalkDom.children(request.getSOAPBody()).get(0);
      String operation = SuiteTalkDom.local(op);
      calls.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
      String injected = faults.pick();
      if (injected != null) {
        return fault(injected, SuiteTalkFaults.message(injected));
      }
      Element header = request.getSOAPHeader();
      String refused = header == null ? "no SOAP header" : auth.check(header);
      if (refused != null) {
        return fault("INVALID_LOGIN_ATTEMPT", "Invalid login attempt. (" + refused + ")");
      }
      return answer(operation, op, header);
    } catch (SOAPException | RuntimeException e) {
      try {
        return fault("UNEXPECTED_ERROR", "The fake could not handle the request: " + e);
      } catch (SOAPException x) {
        throw new IllegalStateException(x);
      }
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private SOAPMessage answer(String operation, Element op, Element header) throws SOAPException {
    SOAPMessage m = factory.createMessage();
    SOAPBody body = m.getSOAPBody();
    body.addNamespaceDeclaration("platformMsgs", messagesNs);
    body.addNamespaceDeclaration("platformCore", coreNs);
    body.addNamespaceDeclaration("xsi", SuiteTalkDom.XSI);
    SOAPElement resp = body.addChildElement(operation + "Response", "platformMsgs", messagesNs);
    switch (operation) {
      case "getServerTime" -> {
        SOAPElement r = resp.addChildElement("getServerTimeResult", "platformMsgs");
        status(r, null, null);
        r.addChildElement("serverTime", "platformCore")
            .addTextNode(OffsetDateTime.now(ZoneOffset.UTC).toString());
      }
      case "add", "update", "upsert" -> write(resp, operation,
          SuiteTalkDom.child(op, "record"));
      case "delete" -> writeResponse(resp, delete(SuiteTalkDom.child(op, "baseRef")));
      case "addList", "updateList", "upsertList" -> {
        SOAPElement list = resp.addChildElement("writeResponseList", "platformMsgs");
        status(list, null, null);
        for (Element r : SuiteTalkDom.children(op, "record")) {
          write(list, operation.substring(0, operation.length() - 4), r);
        }
      }
      case "deleteList" -> {
        SOAPElement list = resp.addChildElement("writeResponseList", "platformMsgs");
        status(list, null, null);
        for (Element r : SuiteTalkDom.children(op, "baseRef")) {
          writeResponse(list, delete(r));
        }
      }
      case "get" -> get(resp, SuiteTalkDom.child(op, "baseRef"));
      case "search" -> search(resp, SuiteTalkDom.child(op, "searchRecord"), header);
      case "searchMoreWithId" -> searchMore(resp, SuiteTalkDom.text(op, "searchId"),
          Integer.parseInt(SuiteTalkDom.text(op, "pageIndex")));
      default -> {
        return fault("INVALID_REQUEST", "The fake does not implement " + operation + ".");
      }
    }
    m.saveChanges();
    return m;
  }

  private void write(SOAPElement parent, String kind, Element record) throws SOAPException {
    String type = SuiteTalkDom.camel(SuiteTalkDom.xsiType(record));
    keepTypePrefix(record);
    SuiteTalkStore.Write w = switch (kind) {
      case "add" -> store.add(type, record);
      case "update" -> store.update(type, record);
      default -> store.upsert(type, record);
    };
    writeResponse(parent, w);
  }

  private SuiteTalkStore.Write delete(Element baseRef) {
    return store.delete(SuiteTalkDom.attr(baseRef, "type"), SuiteTalkDom.attr(baseRef, "internalId"),
        SuiteTalkDom.attr(baseRef, "externalId"));
  }

  private void writeResponse(SOAPElement parent, SuiteTalkStore.Write w) throws SOAPException {
    SOAPElement wr = parent.addChildElement("writeResponse", "platformMsgs");
    status(wr, w.code(), w.message());
    if (w.ok()) {
      SOAPElement ref = wr.addChildElement("baseRef", "platformMsgs");
      ref.setAttribute("internalId", w.internalId());
      if (w.externalId() != null) {
        ref.setAttribute("externalId", w.externalId());
      }
      ref.setAttribute("type", w.type());
      ref.setAttributeNS(SuiteTalkDom.XSI, "xsi:type", "platformCore:RecordRef");
    }
  }

  private void get(SOAPElement resp, Element baseRef) throws SOAPException {
    String type = SuiteTalkDom.attr(baseRef, "type");
    String id = SuiteTalkDom.attr(baseRef, "internalId");
    Element rec = id != null ? store.findById(type, id)
        : store.findByExternalId(type, SuiteTalkDom.attr(baseRef, "externalId"));
    SOAPElement rr = resp.addChildElement("readResponse", "platformMsgs");
    if (rec == null) {
      status(rr, "RCRD_DSNT_EXIST", "That record does not exist.");
      return;
    }
    status(rr, null, null);
    copyRecord(rr, "record", rec, false);
  }

  private void search(SOAPElement resp, Element searchRecord, Element header)
      throws SOAPException {
    String xsiType = SuiteTalkDom.xsiType(searchRecord);
    Element basic = searchRecord;
    List<String> types;
    SuiteTalkCriteria criteria;
    String saved = SuiteTalkDom.attr(searchRecord, "savedSearchId");
    if (saved == null) {
      saved = SuiteTalkDom.attr(searchRecord, "savedSearchScriptId");
    }
    if (xsiType != null && xsiType.endsWith("SearchAdvanced")) {
      Element c = SuiteTalkDom.child(searchRecord, "criteria");
      basic = c == null ? null : SuiteTalkDom.child(c, "basic");
    } else if (xsiType != null && xsiType.endsWith("Search")) {
      basic = SuiteTalkDom.child(searchRecord, "basic");
    }
    criteria = SuiteTalkCriteria.of(basic);
    if (saved != null) {
      SavedSearch s = savedSearches.get(saved);
      if (s == null) {
        SOAPElement r = resp.addChildElement("searchResult", "platformCore");
        status(r, "INVALID_SEARCH", "No saved search with id " + saved + ".");
        return;
      }
      types = s.types();
      criteria.add(s.criteria());
    } else {
      types = SuiteTalkServer.typesOfSearch(xsiType);
      if (types.isEmpty()) {
        SOAPElement r = resp.addChildElement("searchResult", "platformCore");
        status(r, "INVALID_SEARCH", "Unknown search type " + xsiType + ".");
        return;
      }
    }
    Element prefs = header == null ? null : SuiteTalkDom.child(header, "searchPreferences");
    String size = prefs == null ? null : SuiteTalkDom.text(prefs, "pageSize");
    boolean bodyOnly = prefs == null || !"false".equals(SuiteTalkDom.text(prefs, "bodyFieldsOnly"));
    SuiteTalkStore.SearchResult result;
    try {
      result = store.search(types, criteria, size == null ? 1000 : Integer.parseInt(size));
    } catch (IllegalArgumentException e) {
      SOAPElement r = resp.addChildElement("searchResult", "platformCore");
      status(r, "INVALID_SEARCH_CRITERIA", e.getMessage());
      return;
    }
    page(resp, result, 1, bodyOnly);
  }

  private void searchMore(SOAPElement resp, String searchId, int pageIndex) throws SOAPException {
    SuiteTalkStore.SearchResult result = store.searchById(searchId);
    if (result == null || pageIndex < 1 || pageIndex > Math.max(1, result.totalPages())) {
      SOAPElement r = resp.addChildElement("searchResult", "platformCore");
      status(r, "INVALID_PAGE_INDEX", "Invalid search id or page index " + pageIndex + ".");
      return;
    }
    page(resp, result, pageIndex, true);
  }

  private void page(SOAPElement resp, SuiteTalkStore.SearchResult result, int index,
      boolean bodyOnly) throws SOAPException {
    SOAPElement r = resp.addChildElement("searchResult", "platformCore");
    status(r, null, null);
    r.addChildElement("totalRecords", "platformCore")
        .addTextNode(Integer.toString(result.records().size()));
    r.addChildElement("pageSize", "platformCore").addTextNode(Integer.toString(result.pageSize()));
    r.addChildElement("totalPages", "platformCore")
        .addTextNode(Integer.toString(result.totalPages()));
    r.addChildElement("pageIndex", "platformCore").addTextNode(Integer.toString(index));
    r.addChildElement("searchId", "platformCore").addTextNode(result.searchId());
    SOAPElement list = r.addChildElement("recordList", "platformCore");
    for (Element rec : result.page(index)) {
      copyRecord(list, "record", rec, bodyOnly);
    }
  }

  /** Writes a stored record under {@code parent} as a core {@code record} element. */
  private void copyRecord(SOAPElement parent, String name, Element rec, boolean bodyOnly)
      throws SOAPException {
    SOAPElement out = parent.addChildElement(name, "platformCore");
    NamedNodeMap attrs = rec.getAttributes();
    for (int i = 0; i < attrs.getLength(); i++) {
      Attr a = (Attr) attrs.item(i);
      if (a.getNamespaceURI() != null) {
        out.setAttributeNS(a.getNamespaceURI(), a.getName(), a.getValue());
      } else {
        out.setAttribute(a.getName(), a.getValue());
      }
    }
    for (Element c : SuiteTalkDom.children(rec)) {
      String n = SuiteTalkDom.local(c);
      if (bodyOnly && n.endsWith("List") && !n.equals("customFieldList")) {
        continue;
      }
      out.appendChild(out.getOwnerDocument().importNode(c, true));
    }
  }

  /** Declares the xsi:type prefix on the record itself, so the stored copy stays readable. */
  private static void keepTypePrefix(Element record) {
    String t = record.getAttributeNS(SuiteTalkDom.XSI, "type");
    int i = t == null ? -1 : t.indexOf(':');
    if (i > 0) {
      String prefix = t.substring(0, i);
      String uri = record.lookupNamespaceURI(prefix);
      if (uri != null) {
        record.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:" + prefix, uri);
      }
    }
  }

  private void status(SOAPElement parent, String code, String message) throws SOAPException {
    SOAPElement s = parent.addChildElement("status", "platformCore");
    s.setAttribute("isSuccess", Boolean.toString(code == null));
    if (code != null) {
      SOAPElement d = s.addChildElement("statusDetail", "platformCore");
      d.setAttribute("type", "ERROR");
      d.addChildElement("code", "platformCore").addTextNode(code);
      d.addChildElement("message", "platformCore").addTextNode(message);
    }
  }

  private SOAPMessage fault(String code, String message) throws SOAPException {
    SOAPMessage m = factory.createMessage();
    SOAPFault f = m.getSOAPBody().addFault(new QName(ENV, "Server.userException", "soapenv"),
        message);
    Detail d = f.addDetail();
    SOAPElement entry = d.addDetailEntry(
        new QName(faultsNs, SuiteTalkFaults.faultElement(code), "platformFaults"));
    entry.addChildElement("code", "platformFaults").addTextNode(code);
    entry.addChildElement("message", "platformFaults").addTextNode(message);
    m.saveChanges();
    return m;
  }
}
