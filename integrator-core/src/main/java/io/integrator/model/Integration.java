package io.integrator.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** An Integration (REFERENCE §8): groups flows, with settings and an installer. */
public final class Integration extends Resource {
  Integration(ObjectNode doc) {
    super(ResourceKind.INTEGRATION, doc);
  }

  /** {@code mode} ({@code install}, {@code settings}, {@code uninstall}), or null. */
  public String mode() {
    return text("mode");
  }

  /** {@code settings} as a read-only copy, or MissingNode. */
  public JsonNode settings() {
    return get("settings");
  }

  /** {@code _connectorId}, or null. */
  public String connectorId() {
    return text("_connectorId");
  }

  /** {@code version}, or null. */
  public String version() {
    return text("version");
  }

  /** {@code updateInProgress}, default false. */
  public boolean updateInProgress() {
    return flag("updateInProgress", false);
  }
}
