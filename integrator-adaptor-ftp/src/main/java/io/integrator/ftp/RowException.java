package io.integrator.ftp;

/**
 * A row of a file that cannot become a record. The parser stays usable: the caller records the
 * error (naming file and line) and asks for the next record.
 */
final class RowException extends Exception {
  private static final long serialVersionUID = 1L;
  private final long line;

  RowException(long line, String message) {
    super(message);
    this.line = line;
  }

  /** The 1-based line of the file where the row starts (or ends, for multi-line rows). */
  long line() {
    return line;
  }
}
