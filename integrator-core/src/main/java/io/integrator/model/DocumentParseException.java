package io.integrator.model;

/**
 * A resource document that is not readable JSON, is empty, or is not a JSON object. The message is
 * one line that names the source, and the line and column when known, e.g. {@code
 * exports/my-export.json: line 4, column 12: unexpected character '}' ...}.
 */
public final class DocumentParseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final int column;
  private final String detail;

  /**
   * Creates the exception.
   *
   * @param source where the text came from ({@code exports/my-export.json})
   * @param line 1-based line, or -1 when unknown
   * @param column 1-based column, or -1 when unknown
   * @param detail what is wrong, without the source or position
   */
  public DocumentParseException(String source, int line, int column, String detail) {
    super(format(source, line, column, detail));
    this.source = source;
    this.line = line;
    this.column = column;
    this.detail = format(null, line, column, detail).substring("<document>: ".length());
  }

  /** The message without the source: {@code line 4, column 12: unexpected character ...}. */
  public String detail() {
    return detail;
  }

  private static String format(String source, int line, int column, String detail) {
    StringBuilder b = new StringBuilder(source == null ? "<document>" : source).append(": ");
    if (line > 0) {
      b.append("line ").append(line);
      if (column > 0) {
        b.append(", column ").append(column);
      }
      b.append(": ");
    }
    return b.append(detail).toString();
  }

  /** The source name given when reading. */
  public String source() {
    return source;
  }

  /** The 1-based line of the problem, or -1 when it has no position (empty file). */
  public int line() {
    return line;
  }

  /** The 1-based column of the problem, or -1 when it has no position. */
  public int column() {
    return column;
  }
}
