package io.integrator.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One record as the engine hands it to a {@link RecordWriter}: the mapped record to send, plus what
 * the engine learned about it before mapping, so a writer can pick its request (create or update)
 * and fill URI and header placeholders without asking the destination again.
 *
 * <p>The engine decides {@link #operation()} from the import's existence check (REFERENCE §4.1 and
 * §4.3: {@code rest.resourceId}, {@code rest.ignoreExtract}/{@code ignoreLookupName}, {@code
 * existingExtract}/{@code existingLookupName}, or the lookup placeholders of a composite
 * {@code relativeURI[0]}). {@link Operation#UPDATE} means the record exists at the destination;
 * {@code immutable} mapping fields are then already left out of {@link #record()}. Records that
 * {@code ignoreExisting} / {@code ignoreMissing} skip never reach the writer.
 *
 * <p>All nodes are shared with the engine and must not be modified.
 *
 * @param record the mapped record as the postMap hook returned it: the request body
 * @param source the record before mapping, as the preMap hook returned it (for {@code {field}}
 *     placeholders)
 * @param lookups the values of the import's lookups that the engine resolved for this record, by
 *     lookup name (lookups named by URI placeholders and by the existence check); a lookup that
 *     found nothing is absent
 * @param existingId the destination id of the record when the existence check found one, else null
 * @param operation whether the record is created or updated
 */
public record ImportRecord(
    ObjectNode record,
    ObjectNode source,
    Map<String, JsonNode> lookups,
    String existingId,
    Operation operation) {

  /** Whether the destination record is created or updated. */
  public enum Operation {
    /** The record is new at the destination (also when nothing could tell). */
    CREATE,
    /** The record exists at the destination; {@code immutable} fields were left out. */
    UPDATE
  }

  /** Requires the record; fills defaults for the rest (source = record, no lookups, create). */
  public ImportRecord {
    Objects.requireNonNull(record, "record");
    source = source == null ? record : source;
    lookups = lookups == null ? Map.of() : Map.copyOf(lookups);
    operation = operation == null ? Operation.CREATE : operation;
  }

  /**
   * A record to create, with nothing known about it beyond its mapped form.
   *
   * @param record the mapped record
   * @return the import record
   */
  public static ImportRecord of(ObjectNode record) {
    return new ImportRecord(record, record, Map.of(), null, Operation.CREATE);
  }

  /** @return the existing destination id, when known */
  public Optional<String> existing() {
    return Optional.ofNullable(existingId);
  }

  /** @return true when the record is to be updated */
  public boolean isUpdate() {
    return operation == Operation.UPDATE;
  }
}
