package io.integrator.ftp;

import de.siegmar.fastcsv.reader.CsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.RecordType;
import java.util.Arrays;

/**
 * Receives FastCSV's fields of one row into a reused array (no per-row objects besides the field
 * strings) and remembers what the unterminated-quote check needs: whether the row's last field was
 * quoted and its text. {@link #buildRecord()} returns the handler itself; read the row before
 * asking the reader for the next one.
 */
final class CsvRowHandler extends CsvCallbackHandler<CsvRowHandler> {
  /** A row with more fields than this is refused (FastCSV's own default limit). */
  static final int MAX_FIELDS = 16_384;

  private final boolean trim;
  private String[] fields = new String[16];
  private int count;
  private long line;
  private boolean lastQuoted;
  private String lastRaw;
  private RecordType type = RecordType.DATA;

  CsvRowHandler(boolean trim) {
    this.trim = trim;
  }

  /** The row's fields; only the first {@link #count()} are this row's. */
  String[] fields() {
    return fields;
  }

  int count() {
    return count;
  }

  /** 1-based line of the file (after skipped rows) where the row starts. */
  long line() {
    return line;
  }

  /** True when the row's last field was enclosed in quotes. */
  boolean lastQuoted() {
    return lastQuoted;
  }

  /** The row's last field as read, before trimming. */
  String lastRaw() {
    return lastRaw;
  }

  @Override
  protected RecordType getRecordType() {
    return type;
  }

  @Override
  protected int getFieldCount() {
    return count;
  }

  @Override
  protected void beginRecord(long startingLineNumber) {
    line = startingLineNumber;
    count = 0;
    lastQuoted = false;
    lastRaw = null;
    type = RecordType.DATA;
  }

  @Override
  protected void addField(char[] buf, int offset, int length, boolean quoted) {
    if (count == fields.length) {
      if (count >= MAX_FIELDS) {
        throw new CsvParseException(
            "the row starting at line " + line + " has more than " + MAX_FIELDS + " fields");
      }
      fields = Arrays.copyOf(fields, count * 2);
    }
    String raw = new String(buf, offset, length);
    fields[count++] = trim ? raw.strip() : raw;
    lastQuoted = quoted;
    lastRaw = raw;
  }

  @Override
  protected void setComment(char[] buf, int offset, int length) {
    type = RecordType.COMMENT;
  }

  @Override
  protected void setEmpty() {
    type = RecordType.EMPTY;
  }

  @Override
  protected CsvRowHandler buildRecord() {
    return this;
  }
}
