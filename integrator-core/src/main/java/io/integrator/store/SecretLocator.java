package io.integrator.store;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.integrator.model.ResourceKind;
import java.util.List;

/**
 * Tells the store where the secrets (passwords, tokens, keys) of a resource document are, so that
 * the JDBC store can encrypt them at rest and both stores can keep a stored secret when an update
 * sends the mask ({@code ********}) back.
 *
 * <p>The resource model provides the real locator ({@code Secrets::secretPaths}); the default is
 * {@link #NONE}. The locator is given the document itself, so it may return concrete paths into
 * arrays (for example {@code /rest/headers/2/value}) and may depend on non-secret fields such as
 * the connection type. Paths that do not exist in the document are ignored.
 */
@FunctionalInterface
public interface SecretLocator {

  /** A locator that finds no secrets. */
  SecretLocator NONE = (kind, document) -> List.of();

  /**
   * Returns the JSON pointers of the secret values in a document.
   *
   * @param kind the document's kind (distributed kinds included)
   * @param document the document; must not be modified
   * @return pointers such as {@code /rest/password}; never null
   */
  List<JsonPointer> secretPaths(ResourceKind kind, JsonNode document);
}
