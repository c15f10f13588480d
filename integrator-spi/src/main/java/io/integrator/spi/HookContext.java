package io.integrator.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The options every hook call receives besides its own fields (REFERENCE §6).
 *
 * @param integrationId {@code _integrationId} of the resource, or null
 * @param flowId {@code _flowId}, or null outside a flow run
 * @param connectionId {@code _connectionId} of the export or import, or null
 * @param exportId {@code _exportId} for preSavePage, else null
 * @param importId {@code _importId} for import hooks, else null
 * @param jobId the job the call belongs to, or null for standalone invocations
 * @param configuration the per-hook {@code configuration} object from the resource, or missing
 * @param settings integration settings in scope, or missing
 * @param testMode true for test exports, preview and standalone runs
 */
public record HookContext(
    String integrationId,
    String flowId,
    String connectionId,
    String exportId,
    String importId,
    String jobId,
    JsonNode configuration,
    JsonNode settings,
    boolean testMode) {

  /** Replaces null JSON values by a missing node. */
  public HookContext {
    configuration = configuration == null ? MissingNode.getInstance() : configuration;
    settings = settings == null ? MissingNode.getInstance() : settings;
  }
}
