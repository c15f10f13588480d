package io.integrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.model.ResourceKind;
import io.integrator.project.Project;
import java.util.Map;

/**
 * Gives a connection read from a project the IClients it references, as the engine does before a
 * run: for each section ({@code rest}, {@code netsuite}, ...) whose {@code _iClientId} names an
 * IClient of the project, a copy of that IClient goes into {@code <section>._iClient}. Commands that
 * call an adaptor outside a run ({@code map}'s dynamic lookups) need it for OAuth 2.0 and NetSuite
 * token credentials; a missing IClient is left for the adaptor to name.
 */
final class ProjectIClients {
  private ProjectIClients() {}

  static ObjectNode embed(ObjectNode connection, Project project) {
    ObjectNode out = connection.deepCopy();
    for (Map.Entry<String, JsonNode> section : connection.properties()) {
      JsonNode ref = section.getValue().path("_iClientId");
      if (!section.getValue().isObject() || !ref.isTextual() || ref.asText().isBlank()) {
        continue;
      }
      project.find(ResourceKind.ICLIENT, ref.asText()).ifPresent(iclient ->
          ((ObjectNode) out.get(section.getKey())).set("_iClient", iclient.json().deepCopy()));
    }
    return out;
  }
}
