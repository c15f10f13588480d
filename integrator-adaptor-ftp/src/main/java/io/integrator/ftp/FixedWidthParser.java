package io.integrator.ftp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.AdaptorException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Fixed-width lines: {@code file.fixedWidth.columns[{name, start, length}]}, {@code start} 1-based
 * in characters. Values are stripped of surrounding spaces. Blank lines are skipped; a line that
 * ends before the last column starts is a {@link RowException}; a last column cut short is taken
 * as far as it goes.
 */
final class FixedWidthParser implements RecordParser {
  /** One column. */
  record Column(String name, int start, int length) {}

  private final BufferedReader reader;
  private final List<Column> columns;
  private final int lastStart;
  private long line;

  FixedWidthParser(Reader reader, List<Column> columns) {
    this.reader = new BufferedReader(reader, 64 * 1024);
    this.columns = columns;
    this.lastStart = columns.stream().mapToInt(Column::start).max().orElse(1);
  }

  /** Reads {@code file.fixedWidth.columns} (and the column spec of imports). */
  static List<Column> columns(JsonNode fixedWidth) throws AdaptorException {
    List<Column> out = new ArrayList<>();
    JsonNode cols = fixedWidth.path("columns");
    if (!cols.isArray() || cols.isEmpty()) {
      throw Failures.value(
          "invalid_file_options",
          "file.type fixed-width needs file.fixedWidth.columns[{name, start, length}]");
    }
    for (int i = 0; i < cols.size(); i++) {
      JsonNode c = cols.get(i);
      String name = c.path("name").asText("");
      int start = c.path("start").asInt(0);
      int length = c.path("length").asInt(0);
      if (name.isEmpty() || start < 1 || length < 1) {
        throw Failures.value(
            "invalid_file_options",
            "file.fixedWidth.columns[" + i + "] needs a name, start >= 1 and length >= 1");
      }
      out.add(new Column(name, start, length));
    }
    return List.copyOf(out);
  }

  @Override
  public ObjectNode next() throws RowException, IOException {
    String text;
    do {
      text = reader.readLine();
      line++;
      if (text == null) {
        return null;
      }
    } while (text.isBlank());
    if (text.length() < lastStart) {
      throw new RowException(
          line,
          "line has " + text.length() + " characters; the last column starts at " + lastStart);
    }
    ObjectNode record = JsonNodeFactory.instance.objectNode();
    for (Column c : columns) {
      int from = c.start() - 1;
      int to = Math.min(text.length(), from + c.length());
      record.put(c.name(), text.substring(from, to).strip());
    }
    return record;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
