package io.integrator.ftp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;

/**
 * Fixed-width lines: each column's value left-aligned in its {@code length}, padded with spaces,
 * cut when longer; lines end with {@code \n}.
 */
final class FixedWidthTextWriter implements FileTextWriter {
  private final Writer out;
  private final List<FixedWidthParser.Column> columns;
  private final int width;

  FixedWidthTextWriter(Writer out, List<FixedWidthParser.Column> columns) {
    this.out = out;
    this.columns = columns;
    this.width = columns.stream().mapToInt(c -> c.start() - 1 + c.length()).max().orElse(0);
  }

  @Override
  public void write(ObjectNode record) throws IOException {
    char[] line = new char[width];
    Arrays.fill(line, ' ');
    for (FixedWidthParser.Column c : columns) {
      JsonNode v = record.get(c.name());
      String text = v == null || v.isNull() ? "" : v.isValueNode() ? v.asText() : v.toString();
      text = text.replace('\n', ' ').replace('\r', ' ');
      for (int i = 0; i < c.length() && i < text.length(); i++) {
        line[c.start() - 1 + i] = text.charAt(i);
      }
    }
    out.write(line);
    out.write('\n');
  }

  @Override
  public void finish() throws IOException {
    out.close();
  }
}
