package io.integrator.ftp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CSV rows as records with FastCSV, streaming (RFC 4180 quoting, rows ending in LF, CRLF or CR,
 * empty lines skipped). The header row names the fields; without one, fields are {@code
 * Column1}, {@code Column2}, ... A row with more values than the header has columns is a {@link
 * RowException} and the parser goes on; missing trailing values become empty strings. Broken
 * quoting (a character after a closing quote, a quote never closed) is an {@link IOException}: the
 * rest of the file cannot be trusted.
 *
 * <p>Per row it allocates the field strings, their text nodes and one {@link ObjectNode} over a
 * {@link RowMap} that shares the header's names (interned once, so the mapping's interned paths
 * find them by identity); a header naming a column twice gets a plain map per row instead, where
 * the last value of the name wins.
 */
final class CsvRecordParser implements RecordParser {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final TextNode EMPTY = TextNode.valueOf("");

  private final CsvOptions options;
  private final long lineOffset;
  private final QuoteTailReader tail;
  private final CsvReader<CsvRowHandler> reader;
  private final CloseableIterator<CsvRowHandler> rows;
  private final CsvRowHandler row;
  private String[] names;
  /** The header's columns when their names are distinct; null without a header or with repeats. */
  private RowMap.Columns columns;
  private int mapCapacity;
  private IOException pendingFailure;
  private boolean ended;

  CsvRecordParser(Reader text, CsvOptions options) throws IOException {
    this.options = options;
    this.lineOffset = skipLines(text, options.rowsToSkip());
    this.tail = new QuoteTailReader(text, '"');
    this.row = new CsvRowHandler(options.trimSpaces());
    this.reader =
        CsvReader.builder()
            .fieldSeparator(options.delimiter())
            .quoteCharacter('"')
            .skipEmptyLines(true)
            .allowExtraFields(true)
            .allowMissingFields(true)
            .trimWhitespacesAroundQuotes(options.trimSpaces())
            .build(row, tail);
    this.rows = reader.iterator();
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
    if (pendingFailure != null) {
      IOException e = pendingFailure;
      pendingFailure = null;
      ended = true;
      throw e;
    }
    if (names == null) {
      if (!advance()) {
        return null;
      }
      if (options.hasHeaderRow()) {
        header();
        if (!advance()) {
          return null;
        }
      } else {
        names = new String[0];
      }
    } else if (!advance()) {
      return null;
    }
    return record();
  }

  /** Moves to the next row; false at the end of the file. */
  private boolean advance() throws IOException {
    if (ended) {
      return false;
    }
    try {
      if (rows.hasNext()) {
        rows.next();
        return true;
      }
      ended = true;
      return false;
    } catch (CsvParseException e) {
      ended = true;
      throw broken(e);
    } catch (UncheckedIOException e) {
      ended = true;
      throw e.getCause();
    }
  }

  private void header() throws IOException {
    names = new String[row.count()];
    for (int i = 0; i < names.length; i++) {
      names[i] = row.fields()[i].strip().intern();
    }
    mapCapacity = capacity(names.length);
    if (distinct(names)) {
      columns = new RowMap.Columns(names);
    }
    checkClosedQuote();
  }

  /** The current row as a record; checks the quoting of the file's last row first. */
  private ObjectNode record() throws RowException, IOException {
    long line = lineOffset + row.line();
    int values = row.count();
    String[] fields = row.fields();
    ObjectNode record;
    RowException error = null;
    if (options.hasHeaderRow()) {
      if (values > names.length) {
        error = new RowException(
            line,
            "row has " + values + " values but the header row names " + names.length + " columns");
        record = null;
      } else if (columns != null) {
        JsonNode[] row = new JsonNode[names.length];
        for (int i = 0; i < row.length; i++) {
          row[i] = i < values ? TextNode.valueOf(fields[i]) : EMPTY;
        }
        record = new ObjectNode(NODES, new RowMap(columns, row));
      } else {
        Map<String, JsonNode> map = new LinkedHashMap<>(mapCapacity);
        for (int i = 0; i < names.length; i++) {
          map.put(names[i], i < values ? TextNode.valueOf(fields[i]) : EMPTY);
        }
        record = new ObjectNode(NODES, map);
      }
    } else {
      if (values > names.length) {
        positionalNames(values);
      }
      Map<String, JsonNode> map = new LinkedHashMap<>(capacity(values));
      for (int i = 0; i < values; i++) {
        map.put(names[i], TextNode.valueOf(fields[i]));
      }
      record = new ObjectNode(NODES, map);
    }
    checkClosedQuote();
    if (error != null) {
      throw error;
    }
    return record;
  }

  /**
   * A quote never closed makes FastCSV read the rest of the file as the last field of the last
   * row. Only a row whose last field was quoted can be that row: look one row ahead, and when it
   * is the last, compare the file's end with the field.
   */
  private void checkClosedQuote() throws IOException {
    if (!row.lastQuoted()) {
      return;
    }
    long line = lineOffset + row.line();
    String last = row.lastRaw();
    try {
      if (rows.hasNext()) {
        return; // a later row exists: the quote was closed
      }
    } catch (CsvParseException e) {
      pendingFailure = broken(e);
      return;
    } catch (UncheckedIOException e) {
      pendingFailure = e.getCause();
      return;
    }
    if (tail.unterminated(last)) {
      ended = true;
      throw new IOException("line " + line + ": a quoted value is never closed (missing \")");
    }
  }

  private void positionalNames(int columns) {
    String[] more = new String[columns];
    System.arraycopy(names, 0, more, 0, names.length);
    for (int i = names.length; i < columns; i++) {
      more[i] = ("Column" + (i + 1)).intern();
    }
    names = more;
  }

  private static boolean distinct(String[] names) {
    return new java.util.HashSet<>(java.util.Arrays.asList(names)).size() == names.length;
  }

  private static int capacity(int entries) {
    return Math.max(4, (int) (entries / 0.75f) + 1);
  }

  private IOException broken(CsvParseException e) {
    String message = e.getMessage();
    if (e.getCause() != null && e.getCause().getMessage() != null) {
      message = message + ": " + e.getCause().getMessage();
    }
    return new IOException(message, e);
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
