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
 */
public record ImportContext(
    ObjectNode importDocument, ObjectNode connection, boolean testMode, String jobId) {

  /** Checks for nulls; a null connection becomes an empty object. */
  public ImportContext {
    Objects.requireNonNull(importDocument, "importDocument");
    connection = connection == null ? JsonNodeFactory.instance.objectNode() : connection;
  }

  /** A context without a job (standalone invocation, tests). */
  public ImportContext(ObjectNode importDocument, ObjectNode connection, boolean testMode) {
    this(importDocument, connection, testMode, null);
  }
}
