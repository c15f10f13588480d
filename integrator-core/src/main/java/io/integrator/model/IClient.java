package io.integrator.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * An IClient (REFERENCE §10): OAuth2 or NetSuite consumer credentials that connections borrow.
 * The flat legacy fields ({@code clientId}, {@code clientSecret}, {@code scope}, ...) are moved
 * into {@code oauth2} on load. Other provider blocks are stored as they are.
 */
public final class IClient extends Resource {
  IClient(ObjectNode doc) {
    super(ResourceKind.ICLIENT, doc);
  }

  /** {@code provider}, or null. */
  public String provider() {
    return text("provider");
  }

  /** {@code oauth2.clientId}, or null. */
  public String clientId() {
    return text("oauth2.clientId");
  }

  /** {@code oauth2.clientSecret} (a secret: never log it), or null. */
  public String clientSecret() {
    return text("oauth2.clientSecret");
  }

  /** {@code netsuite.consumerKey} (secret), or null. */
  public String consumerKey() {
    return text("netsuite.consumerKey");
  }

  /** {@code netsuite.consumerSecret} (secret), or null. */
  public String consumerSecret() {
    return text("netsuite.consumerSecret");
  }

  /**
   * Puts the IClients a connection references into the connection document adaptors receive: for
   * each section ({@code rest}, {@code http}, {@code netsuite}, ...) holding {@code _iClientId}, a
   * copy of that IClient document (secrets in clear text) goes into {@code <section>._iClient}.
   * Adaptors only see the connection document, and OAuth 2.0 and NetSuite token auth need the
   * client credentials. A reference to a missing IClient is left as it is, so the adaptor reports
   * what is missing.
   *
   * @param connection a connection document (not modified)
   * @param iclientById finds an IClient document by id (a store, a project)
   * @return the document itself when it references no IClient found, else a copy with them
   */
  public static ObjectNode embedInto(ObjectNode connection,
      Function<String, Optional<ObjectNode>> iclientById) {
    ObjectNode out = connection;
    for (Map.Entry<String, JsonNode> e : connection.properties()) {
      JsonNode ref = e.getValue().path("_iClientId");
      if (!e.getValue().isObject() || !ref.isTextual() || ref.asText().isBlank()) {
        continue;
      }
      Optional<ObjectNode> iclient = iclientById.apply(ref.asText());
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
