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
 */
public record ImportContext(ObjectNode importDocument, ObjectNode connection, boolean testMode) {

  /** Checks for nulls; a null connection becomes an empty object. */
  public ImportContext {
    Objects.requireNonNull(importDocument, "importDocument");
    connection = connection == null ? JsonNodeFactory.instance.objectNode() : connection;
  }
}
