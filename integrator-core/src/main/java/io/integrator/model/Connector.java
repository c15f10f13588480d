package io.integrator.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A Connector (REFERENCE §9): an integration published as an installable template. */
public final class Connector extends Resource {
  Connector(ObjectNode doc) {
    super(ResourceKind.CONNECTOR, doc);
  }

  /** {@code _integrationId} (the source integration), or null. */
  public String integrationId() {
    return text("_integrationId");
  }

  /** {@code published}, default false. */
  public boolean isPublished() {
    return flag("published", false);
  }

  /** {@code managed}, default false. */
  public boolean isManaged() {
    return flag("managed", false);
  }

  /** {@code _sharedExportIds}, empty when absent. */
  public List<String> sharedExportIds() {
    return texts("_sharedExportIds");
  }

  /** {@code _sharedImportIds}, empty when absent. */
  public List<String> sharedImportIds() {
    return texts("_sharedImportIds");
  }
}
