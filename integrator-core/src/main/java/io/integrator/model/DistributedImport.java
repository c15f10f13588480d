package io.integrator.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The distributed config of an import (REFERENCE §4.6). Its id is the import's id. Hook aliases
 * {@code preMapping}/{@code postMapping} are read as {@code preMap}/{@code postMap}, and {@code
 * functionName} as {@code function}.
 */
public final class DistributedImport extends Resource {
  DistributedImport(ObjectNode doc) {
    super(ResourceKind.DISTRIBUTED_IMPORT, doc);
  }

  /** {@code recordType}, or null. */
  public String recordType() {
    return text("recordType");
  }

  /** {@code operation}, or null. */
  public String operation() {
    return text("operation");
  }

  /** {@code mapping} as a copy, or MissingNode. */
  public JsonNode mapping() {
    return get("mapping");
  }

  /** {@code lookups} (copies), empty when absent. */
  public List<ObjectNode> lookups() {
    return objects("lookups");
  }

  /** {@code internalIdLookup} as a copy, or MissingNode. */
  public JsonNode internalIdLookup() {
    return get("internalIdLookup");
  }
}
