package io.integrator.rest.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Parses a request body into a JSON tree by media type: {@code webhook.requestMediaType} when the
 * export sets it, else the request's {@code Content-Type}; no Content-Type means JSON.
 *
 * <ul>
 *   <li>JSON ({@code application/json}, {@code *+json}): as is.
 *   <li>urlencoded ({@code application/x-www-form-urlencoded}): an object of strings; a repeated
 *       name gives an array.
 *   <li>XML ({@code application/xml}, {@code text/xml}, {@code *+xml}): the root element's content
 *       as an object (the root's name is dropped, as Jackson's XmlMapper does); attributes become
 *       fields, repeated child elements an array, an element with only text a string, and text
 *       beside child elements the field {@code #text}. DOCTYPEs are refused (no entity expansion,
 *       no external entities).
 * </ul>
 */
final class BodyParser {
  private static final ObjectMapper JSON = new ObjectMapper();

  private BodyParser() {}

  /** Why a body could not be read, with the status to answer (400 or 415). */
  static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;
    final String code;

    Unreadable(int status, String code, String message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }

  static String mediaType(String configured, String contentType) throws Unreadable {
    if (configured != null && !configured.isBlank()) {
      return configured.toLowerCase(Locale.ROOT);
    }
    if (contentType == null || contentType.isBlank()) {
      return "json";
    }
    String t = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (t.equals("application/json") || t.endsWith("+json") || t.equals("text/json")) {
      return "json";
    }
    if (t.equals("application/x-www-form-urlencoded")) {
      return "urlencoded";
    }
    if (t.equals("application/xml") || t.equals("text/xml") || t.endsWith("+xml")) {
      return "xml";
    }
    throw new Unreadable(415, "unsupported_media_type", "Content-Type '" + t + "' is not"
        + " supported; send JSON, XML or application/x-www-form-urlencoded, or set"
        + " webhook.requestMediaType on the export");
  }

  static JsonNode parse(String mediaType, byte[] body) throws Unreadable {
    if (body.length == 0) {
      return JsonNodeFactory.instance.objectNode();
    }
    return switch (mediaType) {
      case "urlencoded" -> form(new String(body, StandardCharsets.UTF_8));
      case "xml" -> xml(body);
      default -> json(body);
    };
  }

  private static JsonNode json(byte[] body) throws Unreadable {
    try {
      JsonNode n = JSON.readTree(body);
      return n == null || n.isMissingNode() ? JsonNodeFactory.instance.objectNode() : n;
    } catch (JsonProcessingException e) {
      throw new Unreadable(400, "parse_error", "the body is not valid JSON: "
          + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + ")");
    } catch (IOException e) {
      throw new Unreadable(400, "parse_error", "the body could not be read: " + e.getMessage());
    }
  }

  private static JsonNode form(String text) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    Query.parse(text).all().forEach((name, values) -> {
      if (values.size() == 1) {
        out.put(name, values.get(0));
      } else {
        ArrayNode a = out.putArray(name);
        values.forEach(a::add);
      }
    });
    return out;
  }

  private static JsonNode xml(byte[] body) throws Unreadable {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      f.setNamespaceAware(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null);
      Element root = b.parse(new ByteArrayInputStream(body)).getDocumentElement();
      JsonNode n = element(root, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
      if (n.isObject()) {
        return n;
      }
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.set("#text", n);
      return o;
    } catch (SAXException e) {
      throw new Unreadable(400, "parse_error", "the body is not valid XML: " + e.getMessage());
    } catch (ParserConfigurationException | IOException e) {
      throw new Unreadable(400, "parse_error", "the XML body could not be read: " + e.getMessage());
    }
  }

  /** {@code made}: arrays built from repeated elements, so an element's own array is not merged into. */
  private static JsonNode element(Element e, java.util.Set<JsonNode> made) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    NamedNodeMap attributes = e.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Node a = attributes.item(i);
      o.put(a.getNodeName(), a.getNodeValue());
    }
    StringBuilder text = new StringBuilder();
    boolean children = false;
    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element child) {
        children = true;
        JsonNode value = element(child, made);
        JsonNode present = o.get(child.getNodeName());
        if (present == null) {
          o.set(child.getNodeName(), value);
        } else if (made.contains(present)) {
          ((ArrayNode) present).add(value);
        } else {
          ArrayNode a = JsonNodeFactory.instance.arrayNode();
          a.add(present).add(value);
          made.add(a);
          o.set(child.getNodeName(), a);
        }
      } else if (c.getNodeType() == Node.TEXT_NODE || c.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(c.getNodeValue());
      }
    }
    String t = text.toString().trim();
    if (!children && attributes.getLength() == 0) {
      return JsonNodeFactory.instance.textNode(t);
    }
    if (!t.isEmpty()) {
      o.put("#text", t);
    }
    return o;
  }
}
