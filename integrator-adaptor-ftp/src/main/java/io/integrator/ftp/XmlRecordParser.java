package io.integrator.ftp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * XML records with StAX, one record element in memory at a time. {@code file.xml.resourcePath} is
 * the element path of a record from the root, e.g. {@code /orders/order} (a leading {@code /} is
 * optional); without it the root element is the one record.
 *
 * <p>An element becomes an object: attributes as fields named by the attribute, child elements as
 * fields (repeated names become an array), an element with only text becomes its text, and text
 * next to attributes or children goes into {@code #text}.
 */
final class XmlRecordParser implements RecordParser {
  private static final XMLInputFactory FACTORY = factory();
  private final XMLStreamReader xml;
  private final List<String> path;
  private final Deque<String> stack = new ArrayDeque<>();

  XmlRecordParser(Reader reader, String resourcePath) throws IOException {
    try {
      this.xml = FACTORY.createXMLStreamReader(reader);
    } catch (XMLStreamException e) {
      throw new IOException(e.getMessage(), e);
    }
    this.path = JsonRecordParser.segments(resourcePath);
  }

  private static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    return f;
  }

  @Override
  public ObjectNode next() throws IOException {
    try {
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          stack.addLast(xml.getLocalName());
          if (matches()) {
            stack.removeLast();
            JsonNode value = element();
            if (value instanceof ObjectNode o) {
              return o;
            }
            ObjectNode wrapped = JsonNodeFactory.instance.objectNode();
            wrapped.set("#text", value);
            return wrapped;
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          stack.pollLast();
        }
      }
      return null;
    } catch (XMLStreamException e) {
      throw new IOException(
          "XML syntax error at line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNumber()) + ": " + e.getMessage(), e);
    }
  }

  private boolean matches() {
    if (path.isEmpty()) {
      return stack.size() == 1;
    }
    if (stack.size() != path.size()) {
      return false;
    }
    int i = 0;
    for (String name : stack) {
      if (!name.equals(path.get(i++))) {
        return false;
      }
    }
    return true;
  }

  /** Reads the element the reader is on (START_ELEMENT) up to its END_ELEMENT. */
  private JsonNode element() throws XMLStreamException {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    for (int i = 0; i < xml.getAttributeCount(); i++) {
      node.put(xml.getAttributeLocalName(i), xml.getAttributeValue(i));
    }
    StringBuilder text = new StringBuilder();
    java.util.Set<String> arrays = new java.util.HashSet<>();
    while (true) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        String name = xml.getLocalName();
        JsonNode child = element();
        JsonNode existing = node.get(name);
        if (existing == null) {
          node.set(name, child);
        } else if (arrays.contains(name)) {
          ((ArrayNode) existing).add(child);
        } else {
          ArrayNode a = JsonNodeFactory.instance.arrayNode();
          a.add(existing);
          a.add(child);
          node.set(name, a);
          arrays.add(name);
        }
      } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
        text.append(xml.getText());
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        break;
      }
    }
    String t = text.toString().strip();
    if (node.isEmpty()) {
      return JsonNodeFactory.instance.textNode(t);
    }
    if (!t.isEmpty()) {
      node.put("#text", t);
    }
    return node;
  }

  @Override
  public void close() throws IOException {
    try {
      xml.close();
    } catch (XMLStreamException e) {
      throw new IOException(e.getMessage(), e);
    }
  }
}
