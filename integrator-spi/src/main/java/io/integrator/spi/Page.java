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
 * @param fileNames for file exports, the name of the file each record came from, aligned with
 *     {@code records} ({@code fileNames.get(i)} is the file of {@code records.get(i)}); empty for
 *     exports that do not read files. The engine hands it to the preSavePage hook ({@link
 *     PreSavePageHook.Request#fileNames()}, the API document's {@code files[i].fileMeta.fileName}).
 */
public record Page(List<ObjectNode> records, List<ErrorItem> errors, List<String> fileNames) {

  /**
   * Copies the lists (the record nodes themselves are not copied).
   *
   * @throws IllegalArgumentException when {@code fileNames} is neither empty nor as long as {@code
   *     records}
   */
  public Page {
    records = List.copyOf(Objects.requireNonNull(records, "records"));
    errors = errors == null ? List.of() : List.copyOf(errors);
    fileNames = fileNames == null ? List.of() : List.copyOf(fileNames);
    if (!fileNames.isEmpty() && fileNames.size() != records.size()) {
      throw new IllegalArgumentException(
          "fileNames must be empty or name one file per record: "
              + fileNames.size()
              + " names for "
              + records.size()
              + " records");
    }
  }

  /** A page of records and errors, not read from files. */
  public Page(List<ObjectNode> records, List<ErrorItem> errors) {
    this(records, errors, List.of());
  }

  /** A page of records without errors. */
  public static Page of(List<ObjectNode> records) {
    return new Page(records, List.of());
  }
}
