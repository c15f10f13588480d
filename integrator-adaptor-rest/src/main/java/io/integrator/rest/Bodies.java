package io.integrator.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;

/**
 * Request and response bodies.
 *
 * <p>Requests: an object is encoded per the connection's {@code mediaType}: {@code json} as JSON
 * ({@code application/json; charset=utf-8}); {@code urlencoded} as {@code
 * application/x-www-form-urlencoded} fields, where an array value repeats its key and an object
 * value is sent as its JSON text. A string is sent as it is with the content type of the media type.
 *
 * <p>Responses are parsed as JSON unless their {@code Content-Type} says otherwise: a form body
 * becomes an object of its fields, {@code text/*} (other than JSON) becomes a text node; an empty
 * body is a MissingNode.
 */
final class Bodies {
  /** The module's shared mapper (thread-safe once configured). */
  static final ObjectMapper MAPPER = new ObjectMapper();

  static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");

  private Bodies() {}

  /** The content type of a body type. */
  static MediaType mediaType(BodyType type) {
    return type == BodyType.URLENCODED ? FORM : JSON;
  }

  /** Encodes a JSON value as a request body; a text node is sent as its text. */
  static RequestBody encode(JsonNode body, BodyType type) {
    if (body == null || body.isMissingNode() || body.isNull()) {
      return RequestBody.create(new byte[0], mediaType(type));
    }
    if (body.isTextual()) {
      return encodeText(body.textValue(), type);
    }
    if (type == BodyType.URLENCODED) {
      return RequestBody.create(form(body).getBytes(StandardCharsets.UTF_8), FORM);
    }
    try {
      return RequestBody.create(MAPPER.writeValueAsBytes(body), JSON);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  /** A request body from text (a rendered string template). */
  static RequestBody encodeText(String text, BodyType type) {
    return RequestBody.create(text.getBytes(StandardCharsets.UTF_8), mediaType(type));
  }

  /** {@code a=1&b=x+y}: object fields URL-encoded; arrays repeat the key; objects as JSON text. */
  static String form(JsonNode body) {
    StringBuilder sb = new StringBuilder();
    if (!body.isObject()) {
      return enc(text(body));
    }
    for (Map.Entry<String, JsonNode> e : body.properties()) {
      if (e.getValue().isArray()) {
        for (JsonNode v : e.getValue()) {
          append(sb, e.getKey(), text(v));
        }
      } else {
        append(sb, e.getKey(), text(e.getValue()));
      }
    }
    return sb.toString();
  }

  private static void append(StringBuilder sb, String key, String value) {
    if (sb.length() > 0) {
      sb.append('&');
    }
    sb.append(enc(key)).append('=').append(enc(value));
  }

  private static String text(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return "";
    }
    return v.isValueNode() ? v.asText() : v.toString();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** True when a Content-Type (possibly null) means JSON is expected. */
  static boolean isJson(MediaType type) {
    if (type == null) {
      return true;
    }
    String sub = type.subtype().toLowerCase(Locale.ROOT);
    return sub.equals("json") || sub.endsWith("+json") || sub.contains("json")
        || (type.type().equals("text") && sub.equals("plain"))
        || type.type().equals("*");
  }

  /** True when a Content-Type is a form. */
  static boolean isForm(MediaType type) {
    return type != null && type.subtype().equalsIgnoreCase("x-www-form-urlencoded");
  }

  /**
   * Parses a response body per its Content-Type (consumes it).
   *
   * @throws IOException when reading fails or JSON is malformed
   */
  static JsonNode parse(ResponseBody body) throws IOException {
    return parse(body, false);
  }

  /**
   * Like {@link #parse(ResponseBody)}, but a body that is not the JSON its type claims becomes a
   * text node holding an excerpt of it (the import result of a 2xx keeps what the server said).
   */
  static JsonNode parseLenient(ResponseBody body) throws IOException {
    return parse(body, true);
  }

  private static JsonNode parse(ResponseBody body, boolean lenient) throws IOException {
    if (body == null) {
      return MissingNode.getInstance();
    }
    MediaType type = body.contentType();
    if (isBinaryJson(type)) {
      // The common case (an API answering application/json in UTF-8): Jackson reads the bytes
      // itself, without decoding them into a String first.
      byte[] bytes = body.bytes();
      if (isBlank(bytes)) {
        return MissingNode.getInstance();
      }
      try {
        return MAPPER.readTree(bytes);
      } catch (JsonProcessingException e) {
        if (!lenient) {
          throw e;
        }
        return JsonNodeFactory.instance.textNode(
            Responses.excerpt(new String(bytes, StandardCharsets.UTF_8)));
      }
    }
    String text = body.string();
    try {
      return parse(text, type);
    } catch (JsonProcessingException e) {
      if (!lenient) {
        throw e;
      }
      return JsonNodeFactory.instance.textNode(Responses.excerpt(text));
    }
  }

  /** JSON whose bytes Jackson can read as they are: no Content-Type, or a JSON one in UTF-8. */
  private static boolean isBinaryJson(MediaType type) {
    if (type == null) {
      return true;
    }
    String sub = type.subtype().toLowerCase(Locale.ROOT);
    if (!type.type().equals("application") || !(sub.equals("json") || sub.endsWith("+json"))) {
      return false;
    }
    java.nio.charset.Charset charset = type.charset(null);
    return charset == null || charset.equals(StandardCharsets.UTF_8);
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  /** Parses body text per a Content-Type (null means JSON). */
  static JsonNode parse(String text, MediaType type) throws IOException {
    if (text == null || text.isBlank()) {
      return MissingNode.getInstance();
    }
    if (isForm(type)) {
      return parseForm(text);
    }
    if (isJson(type)) {
      if (type != null && type.type().equals("text")) {
        try {
          return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
          return JsonNodeFactory.instance.textNode(text);
        }
      }
      return MAPPER.readTree(text);
    }
    return JsonNodeFactory.instance.textNode(text);
  }

  static ObjectNode parseForm(String text) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    for (String pair : text.strip().split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      n.put(k, v);
    }
    return n;
  }
}
