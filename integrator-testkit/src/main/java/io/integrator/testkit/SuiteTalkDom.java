package io.integrator.testkit;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** DOM helpers of the SuiteTalk fake: children by local name, text, xsi:type. */
final class SuiteTalkDom {
  static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

  private SuiteTalkDom() {}

  static List<Element> children(Element parent) {
    List<Element> out = new ArrayList<>();
    if (parent == null) {
      return out;
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        out.add(e);
      }
    }
    return out;
  }

  static List<Element> children(Element parent, String local) {
    List<Element> out = new ArrayList<>();
    for (Element e : children(parent)) {
      if (local.equals(local(e))) {
        out.add(e);
      }
    }
    return out;
  }

  static Element child(Element parent, String local) {
    for (Element e : children(parent)) {
      if (local.equals(local(e))) {
        return e;
      }
    }
    return null;
  }

  static String text(Element parent, String local) {
    Element c = child(parent, local);
    return c == null ? null : c.getTextContent().trim();
  }

  static String attr(Element e, String name) {
    if (e == null) {
      return null;
    }
    String v = e.getAttribute(name);
    return v == null || v.isEmpty() ? null : v;
  }

  static String local(Node n) {
    String l = n.getLocalName();
    if (l != null) {
      return l;
    }
    String q = n.getNodeName();
    int i = q.indexOf(':');
    return i < 0 ? q : q.substring(i + 1);
  }

  /** The local part of the element's xsi:type, or null. */
  static String xsiType(Element e) {
    String t = e.getAttributeNS(XSI, "type");
    if (t == null || t.isEmpty()) {
      return null;
    }
    int i = t.indexOf(':');
    return i < 0 ? t : t.substring(i + 1);
  }

  /** {@code Customer} gives {@code customer}, {@code SalesOrder} gives {@code salesOrder}. */
  static String camel(String type) {
    return type == null || type.isEmpty() ? type
        : Character.toLowerCase(type.charAt(0)) + type.substring(1);
  }
}
