package io.integrator.testkit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The fake's records: per camel-case record type, elements by internal id, in insertion order,
 * stored as the XML the client sent (plus {@code internalId}, {@code createdDate} and {@code
 * lastModifiedDate}). Also keeps the result lists of searches for {@code searchMoreWithId}.
 */
final class SuiteTalkStore {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

  /** One outcome of a write: the internal id, or NetSuite's error code and message. */
  record Write(String type, String internalId, String externalId, String code, String message) {
    boolean ok() {
      return code == null;
    }

    static Write fail(String type, String code, String message) {
      return new Write(type, null, null, code, message);
    }
  }

  /** The ids a search found, kept for paging. */
  record SearchResult(String searchId, List<Element> records, int pageSize) {
    int totalPages() {
      return records.isEmpty() ? 0 : (records.size() + pageSize - 1) / pageSize;
    }

    List<Element> page(int index) {
      int from = (index - 1) * pageSize;
      return from >= records.size() || from < 0 ? List.of()
          : records.subList(from, Math.min(records.size(), from + pageSize));
    }
  }

  private final Document doc;
  private final Map<String, LinkedHashMap<String, Element>> records = new LinkedHashMap<>();
  private final Map<String, SearchResult> searches = new LinkedHashMap<>();
  private final AtomicLong ids = new AtomicLong(1000);
  private final AtomicLong searchIds = new AtomicLong(1);

  SuiteTalkStore() {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      this.doc = f.newDocumentBuilder().newDocument();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The document that owns stored records (to build records in tests). */
  Document document() {
    return doc;
  }

  synchronized Element findById(String type, String id) {
    Map<String, Element> m = records.get(type);
    return m == null ? null : m.get(id);
  }

  synchronized Element findByExternalId(String type, String ext) {
    Map<String, Element> m = records.get(type);
    if (m == null || ext == null) {
      return null;
    }
    for (Element e : m.values()) {
      if (ext.equals(SuiteTalkDom.attr(e, "externalId"))) {
        return e;
      }
    }
    return null;
  }

  /** Every record of a type, in insertion order. */
  synchronized List<Element> all(String type) {
    Map<String, Element> m = records.get(type);
    return m == null ? List.of() : List.copyOf(m.values());
  }

  synchronized Write add(String type, Element record) {
    String ext = SuiteTalkDom.attr(record, "externalId");
    if (ext != null && findByExternalId(type, ext) != null) {
      return Write.fail(type, "DUP_RCRD", "A " + type + " record with external ID " + ext
          + " already exists.");
    }
    Element copy = (Element) doc.importNode(record, true);
    SuiteTalkRules.Violation v = SuiteTalkRules.check(type, copy, this);
    if (v != null) {
      return Write.fail(type, v.code(), v.message());
    }
    String id = Long.toString(ids.incrementAndGet());
    copy.setAttribute("internalId", id);
    String now = DATE.format(OffsetDateTime.now(ZoneOffset.UTC));
    setField(copy, "createdDate", now);
    setField(copy, "lastModifiedDate", now);
    records.computeIfAbsent(type, t -> new LinkedHashMap<>()).put(id, copy);
    return new Write(type, id, ext, null, null);
  }

  synchronized Write update(String type, Element record) {
    String id = SuiteTalkDom.attr(record, "internalId");
    String ext = SuiteTalkDom.attr(record, "externalId");
    Element existing = id != null ? findById(type, id) : findByExternalId(type, ext);
    if (existing == null) {
      return Write.fail(type, "RCRD_DSNT_EXIST", "That record does not exist. " + type
          + (id != null ? " internalId " + id : " externalId " + ext));
    }
    Element merged = (Element) existing.cloneNode(true);
    for (Element f : SuiteTalkDom.children(record)) {
      Element oldCustom = SuiteTalkDom.child(merged, "customFieldList");
      if (SuiteTalkDom.local(f).equals("customFieldList") && oldCustom != null) {
        mergeCustomFields(oldCustom, f);
        continue;
      }
      if (SuiteTalkDom.local(f).equals("nullFieldList")) {
        for (Element n : SuiteTalkDom.children(f, "name")) {
          for (Element old : SuiteTalkDom.children(merged, n.getTextContent().trim())) {
            merged.removeChild(old);
          }
        }
        continue;
      }
      for (Element old : SuiteTalkDom.children(merged, SuiteTalkDom.local(f))) {
        merged.removeChild(old);
      }
      merged.appendChild(doc.importNode(f, true));
    }
    SuiteTalkRules.Violation v = SuiteTalkRules.check(type, merged, this);
    if (v != null) {
      return Write.fail(type, v.code(), v.message());
    }
    setField(merged, "lastModifiedDate", DATE.format(OffsetDateTime.now(ZoneOffset.UTC)));
    String key = SuiteTalkDom.attr(existing, "internalId");
    records.get(type).put(key, merged);
    return new Write(type, key, SuiteTalkDom.attr(merged, "externalId"), null, null);
  }

  /** Custom fields are updated one by one (by scriptId), as NetSuite does. */
  private void mergeCustomFields(Element into, Element update) {
    for (Element cf : SuiteTalkDom.children(update)) {
      String script = SuiteTalkDom.attr(cf, "scriptId");
      for (Element old : SuiteTalkDom.children(into)) {
        if (script != null && script.equals(SuiteTalkDom.attr(old, "scriptId"))) {
          into.removeChild(old);
        }
      }
      into.appendChild(doc.importNode(cf, true));
    }
  }

  synchronized Write upsert(String type, Element record) {
    String ext = SuiteTalkDom.attr(record, "externalId");
    if (ext == null) {
      return Write.fail(type, "USER_ERROR", "upsert needs an externalId on the record.");
    }
    return findByExternalId(type, ext) != null ? update(type, record) : add(type, record);
  }

  synchronized Write delete(String type, String id, String ext) {
    Element existing = id != null ? findById(type, id) : findByExternalId(type, ext);
    if (existing == null) {
      return Write.fail(type, "RCRD_DSNT_EXIST", "That record does not exist. " + type
          + (id != null ? " internalId " + id : " externalId " + ext));
    }
    records.get(type).remove(SuiteTalkDom.attr(existing, "internalId"));
    return new Write(type, SuiteTalkDom.attr(existing, "internalId"),
        SuiteTalkDom.attr(existing, "externalId"), null, null);
  }

  /** Runs a search over the given types and keeps its result for paging. */
  synchronized SearchResult search(List<String> types, SuiteTalkCriteria criteria, int pageSize) {
    List<Element> found = new ArrayList<>();
    for (String t : types) {
      for (Element e : all(t)) {
        if (criteria.matches(t, e)) {
          found.add(e);
        }
      }
    }
    SearchResult r = new SearchResult("WEBSERVICES_" + searchIds.getAndIncrement(),
        List.copyOf(found), pageSize);
    searches.put(r.searchId(), r);
    return r;
  }

  synchronized SearchResult searchById(String searchId) {
    return searches.get(searchId);
  }

  /** The camel-case type a stored element belongs to, or null. */
  synchronized String typeOf(Element record) {
    for (Map.Entry<String, LinkedHashMap<String, Element>> e : records.entrySet()) {
      if (e.getValue().containsValue(record)) {
        return e.getKey();
      }
    }
    return null;
  }

  private void setField(Element record, String name, String value) {
    for (Element old : SuiteTalkDom.children(record, name)) {
      record.removeChild(old);
    }
    Node first = record.getFirstChild();
    Element f = doc.createElementNS(record.getNamespaceURI() == null ? ""
        : childNamespace(record), name);
    f.setTextContent(value);
    record.insertBefore(f, first);
  }

  /** The namespace of the record's fields (that of its first field, else its xsi:type's). */
  private static String childNamespace(Element record) {
    for (Element c : SuiteTalkDom.children(record)) {
      if (c.getNamespaceURI() != null) {
        return c.getNamespaceURI();
      }
    }
    return record.getNamespaceURI();
  }
}
