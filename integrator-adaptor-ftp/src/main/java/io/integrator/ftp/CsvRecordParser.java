package io.integrator.ftp;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV rows as records with commons-csv, streaming. The header row names the fields; without one,
 * fields are {@code Column1}, {@code Column2}, ... A row with more values than the header has
 * columns is a {@link RowException}; missing trailing values become empty strings.
 */
final class CsvRecordParser implements RecordParser {
  private final CSVParser parser;
  private final Iterator<CSVRecord> rows;
  private final CsvOptions options;
  private final long lineOffset;
  private List<String> header;

  CsvRecordParser(Reader reader, CsvOptions options) throws IOException {
    this.options = options;
    this.lineOffset = skipLines(reader, options.rowsToSkip());
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setDelimiter(options.delimiter())
            .setQuote('"')
            .setIgnoreSurroundingSpaces(options.trimSpaces())
            .setTrim(options.trimSpaces())
            .setIgnoreEmptyLines(true)
            .get();
    this.parser = CSVParser.builder().setReader(reader).setFormat(format).get();
    this.rows = parser.iterator();
  }

  private static long skipLines(Reader reader, int count) throws IOException {
    int skipped = 0;
    while (skipped < count) {
      int c = reader.read();
      if (c < 0) {
        break;
      }
      if (c == '\n') {
        skipped++;
      }
    }
    return skipped;
  }

  @Override
  public ObjectNode next() throws RowException, IOException {
    CSVRecord row = nextRow();
    if (row == null) {
      return null;
    }
    if (header == null) {
      if (options.hasHeaderRow()) {
        header = new ArrayList<>();
        row.forEach(name -> header.add(name.strip()));
        row = nextRow();
        if (row == null) {
          return null;
        }
      } else {
        header = new ArrayList<>();
      }
    }
    long line = lineOffset + parser.getCurrentLineNumber();
    if (options.hasHeaderRow() && row.size() > header.size()) {
      throw new RowException(
          line,
          "row has " + row.size() + " values but the header row names " + header.size() + " columns");
    }
    ObjectNode record = JsonNodeFactory.instance.objectNode();
    int columns = options.hasHeaderRow() ? header.size() : row.size();
    for (int i = 0; i < columns; i++) {
      String name = options.hasHeaderRow() ? header.get(i) : "Column" + (i + 1);
      record.put(name, i < row.size() ? row.get(i) : "");
    }
    return record;
  }

  private CSVRecord nextRow() throws IOException {
    try {
      return rows.hasNext() ? rows.next() : null;
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } catch (IllegalStateException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
