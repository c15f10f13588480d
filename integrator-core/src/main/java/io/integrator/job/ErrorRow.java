package io.integrator.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One error about to become a Job Error row.
 *
 * @param code status code as text or a symbolic code
 * @param message human text, no secrets
 * @param source where it happened ({@code application}, {@code mapping}, {@code pre_map_hook}...)
 * @param classification job-error classification, or null
 * @param retriable true when the row should carry the record's retry data
 * @param extract for mapping and lookup errors: the field spec, else null
 * @param generate for mapping and lookup errors: the target, else null
 * @param extracted for mapping and lookup errors: the value involved, else null
 */
public record ErrorRow(
    String code,
    String message,
    String source,
    String classification,
    boolean retriable,
    String extract,
    String generate,
    JsonNode extracted) {

  /** Requires code, message and source. */
  public ErrorRow {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(source, "source");
  }

  /** A row without mapping details. */
  public static ErrorRow of(
      String code, String message, String source, String classification, boolean retriable) {
    return new ErrorRow(code, message, source, classification, retriable, null, null, null);
  }
}
