package io.integrator.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Streams the records of one JSON response with Jackson's streaming parser, so no more than the
 * records asked for are held in memory.
 *
 * <p>The records are found at a path ({@code resourcePath}): an array there gives one record per
 * element, an object there is one record, null gives none. An empty path is the whole body. A
 * record that is not an object (a bare string or number) becomes {@code {"value": ...}}.
 *
 * <p>Everything else in the body is kept as the <em>envelope</em> (with an empty array where the
 * records were), which paging reads once the records are consumed: next links, tokens, totals.
 */
final class RecordStream implements Closeable {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private enum State { SEEK, ARRAY, SINGLE, DONE }

  private final JsonParser parser;
  private final List<String> target;
  private final Deque<Frame> frames = new ArrayDeque<>();
  private JsonNode root;
  private State state = State.SEEK;
  private boolean found;
  private ObjectNode single;
  private ObjectNode pending;
  private ObjectNode last;
  private int count;

  private static final class Frame {
    final JsonNode node;
    final String segment;
    String field;
    int index = -1;

    Frame(JsonNode node, String segment) {
      this.node = node;
      this.segment = segment;
    }
  }

  /**
   * @param in the body (closed with this stream)
   * @param resourcePath where the records are; null or empty for the whole body
   */
  RecordStream(InputStream in, String resourcePath) throws IOException {
    this.parser = Bodies.MAPPER.createParser(in);
    this.target = JsonPaths.segments(resourcePath);
  }

  /** The next record, or null when there are no more. */
  ObjectNode next() throws IOException {
    if (pending != null) {
      ObjectNode p = pending;
      pending = null;
      return p;
    }
    return read();
  }

  /** True when another record follows (reads ahead by at most one record). */
  boolean hasNext() throws IOException {
    if (pending == null) {
      pending = read();
    }
    return pending != null;
  }

  private ObjectNode read() throws IOException {
    while (true) {
      switch (state) {
        case SEEK -> {
          if (!seek()) {
            state = State.DONE;
            return null;
          }
        }
        case SINGLE -> {
          state = State.DONE;
          walk();
          return counted(single);
        }
        case ARRAY -> {
          JsonToken t = parser.nextToken();
          if (t == null) {
            throw new IOException("the response ended inside the record array");
          }
          if (t == JsonToken.END_ARRAY) {
            state = State.DONE;
            walk();
            return null;
          }
          return counted(record(parser.readValueAsTree()));
        }
        default -> {
          return null;
        }
      }
    }
  }

  private ObjectNode counted(ObjectNode r) {
    if (r != null) {
      count++;
      last = r;
    }
    return r;
  }

  private static ObjectNode record(JsonNode n) {
    if (n instanceof ObjectNode o) {
      return o;
    }
    ObjectNode w = F.objectNode();
    w.set("value", n == null ? F.nullNode() : n);
    return w;
  }

  /** Walks tokens into the envelope until the target is found (true) or the body ends (false). */
  private boolean seek() throws IOException {
    JsonToken t;
    while ((t = parser.nextToken()) != null) {
      if (t == JsonToken.FIELD_NAME) {
        frames.peek().field = parser.currentName();
        continue;
      }
      if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
        frames.pop();
        continue;
      }
      String segment = nextSegment();
      if (isTarget(segment)) {
        found = true;
        if (t == JsonToken.START_ARRAY) {
          attach(segment, F.arrayNode());
          state = State.ARRAY;
          return true;
        }
        JsonNode value = parser.readValueAsTree();
        attach(segment, value);
        if (value == null || value.isNull()) {
          continue;
        }
        single = record(value);
        state = State.SINGLE;
        return true;
      }
      if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
        JsonNode container = t == JsonToken.START_OBJECT ? F.objectNode() : F.arrayNode();
        attach(segment, container);
        frames.push(new Frame(container, segment));
      } else {
        attach(segment, parser.readValueAsTree());
      }
    }
    return false;
  }

  /** Reads the rest of the body into the envelope. */
  private void walk() throws IOException {
    if (!seek()) {
      state = State.DONE;
    }
  }

  private String nextSegment() {
    Frame f = frames.peek();
    if (f == null) {
      return null;
    }
    if (f.node.isArray()) {
      f.index++;
      return String.valueOf(f.index);
    }
    return f.field;
  }

  private boolean isTarget(String segment) {
    if (segment == null) {
      return target.isEmpty();
    }
    if (frames.size() != target.size()) {
      return false;
    }
    if (!target.get(target.size() - 1).equals(segment)) {
      return false;
    }
    List<String> path = new ArrayList<>(frames.size());
    frames.descendingIterator().forEachRemaining(f -> path.add(f.segment));
    // path[0] is the root (segment null)
    for (int i = 1; i < path.size(); i++) {
      if (!target.get(i - 1).equals(path.get(i))) {
        return false;
      }
    }
    return true;
  }

  private void attach(String segment, JsonNode value) {
    Frame f = frames.peek();
    if (f == null) {
      root = value;
    } else if (f.node instanceof ObjectNode o) {
      o.set(segment, value);
    } else {
      ((ArrayNode) f.node).add(value);
    }
  }

  /** True when the records' path was found in the body (known once the records are consumed). */
  boolean found() {
    return found;
  }

  /** True when the whole body has been read. */
  boolean done() {
    return state == State.DONE;
  }

  /** Records returned so far. */
  int count() {
    return count;
  }

  /** The last record returned, or null. */
  ObjectNode lastRecord() {
    return last;
  }

  /**
   * The body without the record array (an empty array stands in its place); complete once {@link
   * #done()}. An empty object when the body was empty.
   */
  JsonNode envelope() {
    return root == null ? F.objectNode() : root;
  }

  /** Top-level field names of the body, for messages. */
  List<String> topLevelFields() {
    List<String> out = new ArrayList<>();
    if (root != null && root.isObject()) {
      root.fieldNames().forEachRemaining(out::add);
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
