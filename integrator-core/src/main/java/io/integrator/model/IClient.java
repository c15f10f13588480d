package io.integrator.model;

import com.fasterxml.jackson.databind.node.ObjectNode;

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
}
