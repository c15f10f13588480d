package io.integrator;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.model.ResourceKind;
import io.integrator.model.Secrets;
import io.integrator.spi.CredentialStore;
import io.integrator.store.ResourceStore;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's {@link CredentialStore}: writes credentials an adaptor refreshed into the stored
 * connection (the store encrypts them like any secret), so the next run and the next process use
 * them. Only the connection's secret fields may be written; values are never logged.
 */
final class StoredCredentials implements CredentialStore {
  private static final Logger LOG = LoggerFactory.getLogger(StoredCredentials.class);

  private final ResourceStore store;

  StoredCredentials(ResourceStore store) {
    this.store = store;
  }

  @Override
  public synchronized void update(String connectionId, Map<String, String> secrets) {
    if (connectionId == null || connectionId.isEmpty() || secrets.isEmpty()) {
      return;
    }
    Optional<ObjectNode> found = store.find(ResourceKind.CONNECTION, connectionId);
    if (found.isEmpty()) {
      return; // not a stored connection (a standalone run): nothing to keep
    }
    ObjectNode doc = found.get();
    for (Map.Entry<String, String> e : secrets.entrySet()) {
      if (e.getValue() == null || e.getValue().isEmpty()) {
        throw new IllegalArgumentException("no value for '" + e.getKey() + "' of connection '"
            + connectionId + "': a credential store keeps values, it does not remove them");
      }
      JsonPointer path = pointer(e.getKey());
      doc.withObject(path.head()).put(path.last().getMatchingProperty(), e.getValue());
    }
    Set<JsonPointer> secretFields = new HashSet<>(Secrets.secretPaths(ResourceKind.CONNECTION, doc));
    for (String path : secrets.keySet()) {
      if (!secretFields.contains(pointer(path))) {
        throw new IllegalArgumentException("'" + path + "' is not a secret field of a connection;"
            + " an adaptor may store only credentials (connection '" + connectionId + "')");
      }
    }
    store.update(ResourceKind.CONNECTION, connectionId, doc);
    LOG.info("stored the refreshed {} of connection '{}'", String.join(" and ", secrets.keySet()),
        connectionId);
  }

  private static JsonPointer pointer(String dotted) {
    JsonPointer p = JsonPointer.empty();
    for (String name : dotted.split("\\.")) {
      p = p.appendProperty(name);
    }
    return p;
  }
}
