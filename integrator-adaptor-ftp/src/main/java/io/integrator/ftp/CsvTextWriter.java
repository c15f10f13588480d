package io.integrator.ftp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * CSV rows. The columns are the fields of the first record written (a later record's extra fields
 * are not written, missing ones are empty); objects and arrays are written as JSON text. A value
 * with the delimiter, a quote or a line break is always quoted.
 */
final class CsvTextWriter implements FileTextWriter {
  private final Writer out;
  private final ImportFormat.Csv options;
  private List<String> columns;
  private boolean anyRow;

  CsvTextWriter(Writer out, ImportFormat.Csv options) {
    this.out = out;
    this.options = options;
  }

  @Override
  public void write(ObjectNode record) throws IOException {
    if (columns == null) {
      columns = new ArrayList<>();
      Iterator<String> names = record.fieldNames();
      names.forEachRemaining(columns::add);
      if (options.includeHeader()) {
        row(columns);
      }
    }
    List<String> values = new ArrayList<>(columns.size());
    for (String c : columns) {
      JsonNode v = record.get(c);
      values.add(v == null || v.isNull() ? "" : v.isValueNode() ? v.asText() : v.toString());
    }
    row(values);
  }

  private void row(List<String> values) throws IOException {
    if (anyRow) {
      out.write(options.rowDelimiter());
    }
    anyRow = true;
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.write(options.delimiter());
      }
      out.write(cell(values.get(i)));
    }
  }

  private String cell(String raw) {
    String v = raw;
    if (options.replaceTabWithSpace()) {
      v = v.replace('\t', ' ');
    }
    if (options.replaceNewlineWithSpace()) {
      v = v.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }
    boolean quote =
        options.wrapWithQuotes()
            || v.contains(options.delimiter())
            || v.indexOf('"') >= 0
            || v.indexOf('\n') >= 0
            || v.indexOf('\r') >= 0;
    return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
  }

  @Override
  public void finish() throws IOException {
    if (anyRow && !options.truncateLastRowDelimiter()) {
      out.write(options.rowDelimiter());
    }
    out.close();
  }
}
