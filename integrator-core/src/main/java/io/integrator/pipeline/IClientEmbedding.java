package io.integrator.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.model.ResourceKind;
import io.integrator.store.ResourceStore;
import java.util.Map;
import java.util.Optional;

/**
 * Puts the IClient a connection references into the connection document adaptors receive:
 * for each section ({@code rest}, {@code http}, {@code netsuite}, ...) holding {@code
 * _iClientId}, a copy of that IClient document (secrets in clear text) goes into {@code
 * <section>._iClient}. Adaptors only see the connection document, and OAuth 2.0 and NetSuite token
 * auth need the client credentials. A reference to a missing IClient is left as it is, so the
 * adaptor reports what is missing.
 */
final class IClientEmbedding {
  private IClientEmbedding() {}

  /**
   * @param connection the stored connection document (not modified)
   * @param store where IClients are found
   * @return the document itself when it references no IClient, else a copy with the IClients
   */
  static ObjectNode embed(ObjectNode connection, ResourceStore store) {
    ObjectNode out = connection;
    for (Map.Entry<String, JsonNode> e : connection.properties()) {
      JsonNode ref = e.getValue().path("_iClientId");
      if (!e.getValue().isObject() || !ref.isTextual() || ref.asText().isBlank()) {
        continue;
      }
      Optional<ObjectNode> iclient = store.find(ResourceKind.ICLIENT, ref.asText());
      if (iclient.isEmpty()) {
        continue;
      }
      if (out == connection) {
        out = connection.deepCopy();
      }
      ((ObjectNode) out.get(e.getKey())).set("_iClient", iclient.get().deepCopy());
    }
    return out;
  }
}
