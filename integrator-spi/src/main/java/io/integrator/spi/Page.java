package io.integrator.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * One page read by a {@link PageReader}: at most the export's {@code pageSize} records, plus
 * export-side errors met while reading it (a row that could not be parsed, say), which the engine
 * hands to the preSavePage hook and records as job errors of the export.
 *
 * @param records the records, in source order; the engine owns them from now on
 * @param errors export-side errors of this page, usually empty
 */
public record Page(List<ObjectNode> records, List<ErrorItem> errors) {

  /** Copies both lists (the record nodes themselves are not copied). */
  public Page {
    records = List.copyOf(Objects.requireNonNull(records, "records"));
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  /** A page of records without errors. */
  public static Page of(List<ObjectNode> records) {
    return new Page(records, List.of());
  }
}
