package io.integrator.validation;

import java.util.Objects;

/**
 * One thing wrong (or worth a look) in a resource document.
 *
 * <p>{@link #toString()} is the line a user sees:
 *
 * <ul>
 *   <li>error: {@code exports/my-export.json: rest.method: must be one of GET, POST}
 *   <li>warning: {@code exports/my-export.json: warning: hooks._preSavePageId: unknown hook id ...}
 *   <li>a problem with no path (the whole file): {@code exports/x.json: line 3, column 5: ...}
 * </ul>
 *
 * @param source where the document came from ({@code exports/my-export.json}), never null
 * @param path dotted JSON path ({@code mapping.fields[3].lookupName}), empty for the whole document
 * @param message what is wrong and, where it helps, what to do
 * @param severity {@link Severity#ERROR} makes a document invalid; warnings do not
 */
public record Problem(String source, String path, String message, Severity severity) {
  /** How serious a problem is. */
  public enum Severity {
    /** The document cannot be used as it is. */
    ERROR,
    /** The document can be used, but something looks wrong. */
    WARNING
  }

  /** Null source and path become empty strings. */
  public Problem {
    source = source == null ? "" : source;
    path = path == null ? "" : path;
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(severity, "severity");
  }

  /** An error. */
  public static Problem error(String source, String path, String message) {
    return new Problem(source, path, message, Severity.ERROR);
  }

  /** A warning. */
  public static Problem warning(String source, String path, String message) {
    return new Problem(source, path, message, Severity.WARNING);
  }

  /** True for {@link Severity#ERROR}. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code source: [warning: ][path: ]message}. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    if (!source.isEmpty()) {
      b.append(source).append(": ");
    }
    if (severity == Severity.WARNING) {
      b.append("warning: ");
    }
    if (!path.isEmpty()) {
      b.append(path).append(": ");
    }
    return b.append(message).toString();
  }
}
