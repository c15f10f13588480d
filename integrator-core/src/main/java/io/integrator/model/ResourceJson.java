package io.integrator.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads resource documents the way the API document prints them and writes them back as plain
 * JSON.
 *
 * <p>Reading accepts {@code //} and {@code /* *}{@code /} comments, trailing commas and a leading
 * byte-order mark, rejects
 * duplicate field names and trailing content, and turns every failure into a {@link
 * DocumentParseException} with a one-line message: source, line, column and what is wrong. Reading
 * does not normalize; {@link Resources#parse} does both.
 *
 * <p>Writing is pretty-printed standard JSON (two-space indent) with fields in stored order.
 */
public final class ResourceJson {
  private static final ObjectMapper READER =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();
  private static final ObjectMapper WRITER =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private ResourceJson() {}

  /** A shared mapper that reads and writes plain JSON; do not reconfigure it. */
  public static ObjectMapper mapper() {
    return WRITER;
  }

  /**
   * Parses one resource document.
   *
   * @param text the document text
   * @param source a name for messages, e.g. {@code exports/my-export.json}
   * @return the document as read (not normalized)
   * @throws DocumentParseException when the text is empty, not JSON, or not a JSON object
   */
  public static ObjectNode read(String text, String source) {
    if (text == null || text.isBlank()) {
      throw new DocumentParseException(
          source, -1, -1, "the file is empty; a resource document is a JSON object");
    }
    if (text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    JsonNode node;
    try {
      node = READER.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      int line = loc == null ? -1 : loc.getLineNr();
      int col = loc == null ? -1 : loc.getColumnNr();
      throw new DocumentParseException(source, line, col, clean(e.getOriginalMessage()));
    }
    if (node == null || node.isMissingNode()) {
      throw new DocumentParseException(
          source,
          -1,
          -1,
          "the file holds only comments or whitespace; a resource document is a JSON object");
    }
    if (!node.isObject()) {
      throw new DocumentParseException(
          source,
          1,
          -1,
          "the document is a JSON "
              + describe(node)
              + "; a resource document is a JSON object ({ ... })");
    }
    return (ObjectNode) node;
  }

  /**
   * Reads and parses a file; the source name in messages is {@code sourceName}.
   *
   * @throws DocumentParseException also when the file cannot be read or is not UTF-8 text
   */
  public static ObjectNode read(Path file, String sourceName) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.nio.charset.MalformedInputException e) {
      throw new DocumentParseException(sourceName, -1, -1, "the file is not UTF-8 text");
    } catch (IOException e) {
      throw new DocumentParseException(
          sourceName, -1, -1, "the file cannot be read: " + e.getClass().getSimpleName());
    }
    return read(text, sourceName);
  }

  /** Pretty, plain JSON of a node, fields in stored order. */
  public static String write(JsonNode node) {
    try {
      return WRITER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String describe(JsonNode n) {
    if (n.isArray()) {
      return "array";
    }
    if (n.isTextual()) {
      return "string";
    }
    if (n.isNumber()) {
      return "number";
    }
    if (n.isBoolean()) {
      return "boolean";
    }
    return "null";
  }

  /** One line, no Jackson source noise, lower-case start. */
  static String clean(String message) {
    String m = message == null ? "invalid JSON" : message;
    m =
        m.replaceAll(
            "(?s)expected close marker for Object \\(start marker at \\[Source: .*?; line: (\\d+), column: (\\d+)\\]\\)",
            "a closing } is missing for the { at line $1, column $2");
    m =
        m.replaceAll(
            "(?s)expected close marker for Array \\(start marker at \\[Source: .*?; line: (\\d+), column: (\\d+)\\]\\)",
            "a closing ] is missing for the [ at line $1, column $2");
    int at = m.indexOf(" at [Source:");
    if (at >= 0) {
      m = m.substring(0, at);
    }
    m = m.replaceAll("\\s*\\R\\s*", " ").trim();
    m = m.replaceAll(" \\(code \\d+\\)", "");
    m = m.replaceAll("(?i)unexpected character \\('(.+?)'\\)", "unexpected character '$1'");
    m = m.replaceAll("expected a valid value \\(JSON String, Number, Array, Object or token 'null', 'true' or 'false'\\)", "expected a JSON value");
    m = m.replace("was expecting comma to separate Object entries", "expected a comma between fields (is one missing before it?)");
    m = m.replace("was expecting comma to separate Array entries", "expected a comma between array values");
    m = m.replace("was expecting double-quote to start field name", "expected a field name in double quotes");
    m = m.replace(
        "was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
        "expected a JSON value (a string, number, array, object, true, false or null)");
    m = m.replaceAll(
        "(?i)illegal unquoted character \\(\\(CTRL-CHAR, code 10\\)\\): has to be escaped.*",
        "a line break inside a string must be written as \\\\n");
    m = m.replaceAll(
        "(?i)illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\): has to be escaped.*",
        "control character (code $1) inside a string must be escaped with a backslash");
    m = m.replace("Leading zeroes not allowed", "leading zeroes are not allowed");
    m = m.replaceAll(
        "(?i)unexpected end-of-input: was expecting closing quote for a string value",
        "the file ends inside a string (a closing quote is missing)");
    m = m.replaceAll(
        "(?i)unexpected end-of-input within/between Array entries",
        "the file ends inside an array (a closing ] is missing)");
    m = m.replaceAll(
        "(?i)unexpected end-of-input within/between Object entries",
        "the file ends inside an object (a closing } is missing)");
    m = m.replaceAll(
        "(?i)unexpected end-of-input in a comment",
        "the file ends inside a comment (a closing */ is missing)");
    m = m.replaceAll("(?i)unexpected end-of-input: a closing", "the file ends early: a closing");
    m = m.replaceAll("(?i)duplicate Object property \"(.+?)\"", "duplicate field '$1'");
    if (!m.isEmpty()) {
      m = Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }
    return m;
  }
}
