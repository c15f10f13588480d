package io.integrator.ftp;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON records with Jackson's streaming parser, one element in memory at a time.
 *
 * <ul>
 *   <li>{@code file.json.resourcePath} set (dot path such as {@code data.items}; a leading
 *       {@code $.} or {@code /} separators are accepted): the elements of the array found there.
 *   <li>Not set, the document is an array: its elements.
 *   <li>Not set, the document is one object, or several objects one after the other (JSON Lines):
 *       each object.
 * </ul>
 *
 * An element that is not an object is a {@link RowException}; broken JSON syntax ends the file.
 */
final class JsonRecordParser implements RecordParser {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final JsonParser parser;
  private final List<String> path;
  private boolean started;
  private boolean inArray;
  private boolean done;
  private boolean pushedBack;

  JsonRecordParser(Reader reader, String resourcePath) throws IOException {
    this.parser = MAPPER.getFactory().createParser(reader);
    this.path = segments(resourcePath);
  }

  static List<String> segments(String resourcePath) {
    List<String> out = new ArrayList<>();
    if (resourcePath == null || resourcePath.isBlank()) {
      return out;
    }
    String p = resourcePath.trim();
    if (p.startsWith("$")) {
      p = p.substring(1);
    }
    for (String s : p.split("[./]")) {
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  @Override
  public ObjectNode next() throws RowException, IOException {
    if (done) {
      return null;
    }
    if (!started) {
      started = true;
      if (!start()) {
        done = true;
        return null;
      }
    }
    JsonToken t;
    if (pushedBack) {
      pushedBack = false;
      t = parser.currentToken();
    } else {
      t = parser.nextToken();
    }
    if (t == null || (inArray && t == JsonToken.END_ARRAY)) {
      done = true;
      return null;
    }
    long line = parser.currentTokenLocation().getLineNr();
    JsonNode value = MAPPER.readTree(parser);
    if (value instanceof ObjectNode o) {
      return o;
    }
    throw new RowException(line, "expected a JSON object, found " + t.asString() + " " + abbreviate(value));
  }

  /** Positions the parser before the first record; false when the path is not in the document. */
  private boolean start() throws IOException {
    if (path.isEmpty()) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return false;
      }
      if (first == JsonToken.START_ARRAY) {
        inArray = true;
        return true;
      }
      // one object or a sequence of objects: re-read the first one as a record
      inArray = false;
      pushedBack = true;
      return true;
    }
    JsonToken t = parser.nextToken();
    for (String segment : path) {
      if (t != JsonToken.START_OBJECT) {
        throw new IOException("file.json.resourcePath '" + String.join(".", path) + "': '" + segment + "' is not inside an object");
      }
      boolean found = false;
      while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        t = parser.nextToken();
        if (name.equals(segment)) {
          found = true;
          break;
        }
        parser.skipChildren();
      }
      if (!found) {
        return false;
      }
    }
    if (t != JsonToken.START_ARRAY) {
      throw new IOException(
          "file.json.resourcePath '" + String.join(".", path) + "' does not point at an array");
    }
    inArray = true;
    return true;
  }

  private static String abbreviate(JsonNode n) {
    String s = String.valueOf(n);
    return s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
