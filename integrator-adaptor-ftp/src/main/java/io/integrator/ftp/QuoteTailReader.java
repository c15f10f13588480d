package io.integrator.ftp;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Passes text through and remembers how it ends: the number of quote characters in the run that
 * ends it, trailing blanks (space, tab, CR, LF) ignored. FastCSV reads a quote that is never
 * closed as a field running to the end of the file; comparing this run with the last field tells
 * such a file from one whose last field is properly quoted (see {@link #unterminated}). Costs a
 * backward look at the end of each block read, not a pass over the text.
 */
final class QuoteTailReader extends FilterReader {
  private final char quote;
  private int run;
  private boolean endsBlank = true;

  QuoteTailReader(Reader in, char quote) {
    super(in);
    this.quote = quote;
  }

  @Override
  public int read() throws IOException {
    int c = in.read();
    if (c >= 0) {
      see(new char[] {(char) c}, 0, 1);
    }
    return c;
  }

  @Override
  public int read(char[] buf, int offset, int length) throws IOException {
    int n = in.read(buf, offset, length);
    if (n > 0) {
      see(buf, offset, n);
    }
    return n;
  }

  private void see(char[] buf, int offset, int n) {
    int i = offset + n - 1;
    while (i >= offset && blank(buf[i])) {
      i--;
    }
    if (i < offset) {
      endsBlank = true; // a block of blanks: the run before it still ends the text
      return;
    }
    int quotes = 0;
    while (i >= offset && buf[i] == quote) {
      quotes++;
      i--;
    }
    boolean reachedStart = i < offset;
    boolean trailingBlanks = blank(buf[offset + n - 1]);
    run = reachedStart && !endsBlank ? run + quotes : quotes;
    endsBlank = trailingBlanks;
  }

  private static boolean blank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  /**
   * True when the text read so far ends inside a quoted field whose content (as FastCSV gave it,
   * escaped quotes already collapsed) is {@code lastField}: a closed field ends with its closing
   * quote after the content's own quotes, each written twice, and (for a field of quotes only)
   * the opening quote.
   */
  boolean unterminated(String lastField) {
    int trailing = 0;
    int i = lastField.length() - 1;
    while (i >= 0 && lastField.charAt(i) == quote) {
      trailing++;
      i--;
    }
    int closedRun = 2 * trailing + 1 + (i < 0 ? 1 : 0);
    return run != closedRun;
  }
}
