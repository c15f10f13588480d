package io.integrator.ftp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code <records><record>...</record></records>}: each field an element, nested objects nested
 * elements, arrays repeated elements of the field's name.
 */
final class XmlTextWriter implements FileTextWriter {
  private final XMLStreamWriter xml;
  private final Writer out;

  XmlTextWriter(Writer out, String encoding) throws IOException {
    this.out = out;
    try {
      this.xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument(encoding, "1.0");
      xml.writeStartElement("records");
    } catch (XMLStreamException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  @Override
  public void write(ObjectNode record) throws IOException {
    try {
      element("record", record);
    } catch (XMLStreamException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  private void element(String name, JsonNode value) throws XMLStreamException {
    if (value.isArray()) {
      for (JsonNode item : value) {
        element(name, item);
      }
      return;
    }
    xml.writeStartElement(safe(name));
    if (value.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        element(f.getKey(), f.getValue());
      }
    } else if (!value.isNull()) {
      xml.writeCharacters(value.asText());
    }
    xml.writeEndElement();
  }

  /** An XML name for a field name: invalid characters become {@code _}. */
  static String safe(String name) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = Character.isLetter(c) || c == '_' || (i > 0 && (Character.isDigit(c) || c == '-' || c == '.'));
      b.append(ok ? c : '_');
    }
    return b.length() == 0 ? "_" : b.toString();
  }

  @Override
  public void finish() throws IOException {
    try {
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
      out.close();
    } catch (XMLStreamException e) {
      throw new IOException(e.getMessage(), e);
    }
  }
}
