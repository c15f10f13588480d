package io.integrator.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The distributed component of an export (REFERENCE §3.9). Its id is the export's id. The hook
 * field {@code functionName} is read as {@code function}.
 */
public final class DistributedExport extends Resource {
  DistributedExport(ObjectNode doc) {
    super(ResourceKind.DISTRIBUTED_EXPORT, doc);
  }

  /** {@code type} ({@code realtime} or {@code batch}), or null. */
  public String type() {
    return text("type");
  }

  /** {@code recordType} (lowercase NetSuite id), or null. */
  public String recordType() {
    return text("recordType");
  }

  /** {@code executionContext}, empty when absent. */
  public List<String> executionContext() {
    return texts("executionContext");
  }

  /** {@code qualifier} (a string or an array) as a copy, or MissingNode. */
  public JsonNode qualifier() {
    return get("qualifier");
  }

  /** {@code searchId}, or null. */
  public String searchId() {
    return text("searchId");
  }

  /** {@code disabled}, default false. */
  public boolean isDisabled() {
    return flag("disabled", false);
  }
}
