package io.integrator.netsuite;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Small DOM helpers for SuiteTalk messages: children by local name, text, attributes. */
final class SoapXml {
  private SoapXml() {}

  /** The element children of {@code parent}, in document order. */
  static List<Element> children(Element parent) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        out.add(e);
      }
    }
    return out;
  }

  /** The element children with this local name. */
  static List<Element> children(Element parent, String localName) {
    List<Element> out = new ArrayList<>();
    for (Element e : children(parent)) {
      if (localName.equals(local(e))) {
        out.add(e);
      }
    }
    return out;
  }

  /** The first element child with this local name, or null. */
  static Element child(Element parent, String localName) {
    if (parent == null) {
      return null;
    }
    for (Element e : children(parent)) {
      if (localName.equals(local(e))) {
        return e;
      }
    }
    return null;
  }

  /** The first descendant (depth first) with this local name, or null. */
  static Element find(Element root, String localName) {
    if (root == null) {
      return null;
    }
    for (Element e : children(root)) {
      if (localName.equals(local(e))) {
        return e;
      }
      Element deeper = find(e, localName);
      if (deeper != null) {
        return deeper;
      }
    }
    return null;
  }

  /** The trimmed text of the first child with this local name, or null. */
  static String childText(Element parent, String localName) {
    Element c = child(parent, localName);
    return c == null ? null : c.getTextContent().trim();
  }

  /** An attribute's value, or null when absent or empty. */
  static String attr(Element e, String name) {
    String v = e.getAttribute(name);
    return v == null || v.isEmpty() ? null : v;
  }

  /** The element's local name (without prefix), also for non-namespace-aware nodes. */
  static String local(Node n) {
    String l = n.getLocalName();
    if (l != null) {
      return l;
    }
    String q = n.getNodeName();
    int i = q.indexOf(':');
    return i < 0 ? q : q.substring(i + 1);
  }

  /** The local part of an {@code xsi:type} value ({@code listRel:Customer} gives Customer), or null. */
  static String xsiType(Element e) {
    String t = e.getAttributeNS(SuiteTalkNamespaces.XSI, "type");
    if (t == null || t.isEmpty()) {
      return null;
    }
    int i = t.indexOf(':');
    return i < 0 ? t : t.substring(i + 1);
  }
}
