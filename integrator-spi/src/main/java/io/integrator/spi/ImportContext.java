package io.integrator.spi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * What an adaptor needs to write an import's records.
 *
 * @param importDocument the import document, read-only (operation, ignoreExisting, system section)
 * @param connection the import's connection document with secrets in clear text (never log it)
 * @param testMode true for virtual and preview runs
 * @param jobId the id of the job the records are written for (the import's job in a flow run, the
 *     retry job in a retry run), or null for standalone invocations; file imports offer it as
 *     {@code {{jobId}}} in file names
 * @param distributed the import's distributed sub-document ({@code /imports/{id}/distributed},
 *     REFERENCE §4.6) when the import has {@code distributed: true}, else an empty object;
 *     read-only. The engine neither maps nor runs hooks for such an import: the destination does.
 */
public record ImportContext(
    ObjectNode importDocument,
    ObjectNode connection,
    boolean testMode,
    String jobId,
    ObjectNode distributed) {

  /** Checks for nulls; a null connection or distributed document becomes an empty object. */
  public ImportContext {
    Objects.requireNonNull(importDocument, "importDocument");
    connection = connection == null ? JsonNodeFactory.instance.objectNode() : connection;
    distributed = distributed == null ? JsonNodeFactory.instance.objectNode() : distributed;
  }

  /** A context of an import that is not distributed. */
  public ImportContext(
      ObjectNode importDocument, ObjectNode connection, boolean testMode, String jobId) {
    this(importDocument, connection, testMode, jobId, null);
  }

  /** A context without a job (standalone invocation, tests). */
  public ImportContext(ObjectNode importDocument, ObjectNode connection, boolean testMode) {
    this(importDocument, connection, testMode, null);
  }
}
