package io.integrator.netsuite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.AdaptorException;
import io.integrator.spi.Classification;
import java.net.URI;
import java.util.Locale;

/**
 * What a RESTlet call needs from a {@code netsuite} connection: the RESTlet URL (from {@code
 * netsuite.dataCenterURLs.restDomain} and {@code netsuite.restlet.{scriptId, deployId}}), the OAuth 1.0a
 * signer (account, token from the connection, consumer from the embedded IClient) and the cap on calls
 * in flight.
 *
 * @param key identifies the connection and its limit (for the shared concurrency limit)
 * @param url the RESTlet URL with script and deploy parameters
 * @param signer signs each call
 * @param concurrency calls in flight at most
 */
record RestletSettings(String key, URI url, OAuth1Signer signer, int concurrency) {
  static final String DEFAULT_SCRIPT_ID = "customscript_integrator_da_restlet";
  static final String DEFAULT_DEPLOY_ID = "customdeploy_integrator_da_restlet";

  /**
   * Reads the settings of a connection.
   *
   * @throws AdaptorException naming the missing or wrong field (classification {@code value})
   */
  static RestletSettings of(ObjectNode connection) throws AdaptorException {
    JsonNode ns = connection.path("netsuite");
    String id = connection.path("_id").asText("(unsaved)");
    String where = "connection '" + id + "' ";
    String account = required(ns, "account", where);
    String authType = ns.path("authType").asText("");
    if ("basic".equals(authType) || (!ns.has("tokenId") && ns.has("email"))) {
      throw invalid(where + "uses email/password login; the distributed adaptor (RESTlet) needs "
          + "token-based auth: set netsuite.tokenId, netsuite.tokenSecret and netsuite._iClientId");
    }
    String tokenId = required(ns, "tokenId", where);
    String tokenSecret = required(ns, "tokenSecret", where);
    JsonNode iclient = ns.path("_iClient").path("netsuite");
    if (!ns.path("_iClient").isObject()) {
      throw invalid(where + "needs netsuite._iClientId naming an IClient with netsuite.consumerKey "
          + "and netsuite.consumerSecret (the integration record's consumer credentials)"
          + (ns.has("_iClientId") ? "; IClient '" + ns.path("_iClientId").asText()
              + "' does not exist" : ""));
    }
    String consumerKey = iclient.path("consumerKey").asText("");
    String consumerSecret = iclient.path("consumerSecret").asText("");
    if (consumerKey.isEmpty() || consumerSecret.isEmpty()) {
      throw invalid(where + "references IClient '" + ns.path("_iClientId").asText()
          + "', which lacks netsuite.consumerKey or netsuite.consumerSecret");
    }
    String domain = ns.path("dataCenterURLs").path("restDomain").asText("");
    if (domain.isEmpty()) {
      domain = "https://" + account.toLowerCase(Locale.ROOT).replace('_', '-')
          + ".restlets.api.netsuite.com";
    } else if (!domain.contains("://")) {
      domain = "https://" + domain;
    }
    while (domain.endsWith("/")) {
      domain = domain.substring(0, domain.length() - 1);
    }
    String script = ns.path("restlet").path("scriptId").asText(DEFAULT_SCRIPT_ID);
    String deploy = ns.path("restlet").path("deployId").asText(DEFAULT_DEPLOY_ID);
    URI url;
    try {
      url = URI.create(domain + "/app/site/hosting/restlet.nl?script="
          + OAuth1Signer.percentEncode(script) + "&deploy=" + OAuth1Signer.percentEncode(deploy));
    } catch (IllegalArgumentException e) {
      throw invalid(where + "has a netsuite.dataCenterURLs.restDomain that is not a host or URL: "
          + domain);
    }
    int level = concurrency(ns);
    OAuth1Signer signer = OAuth1Signer.netsuite(account.toUpperCase(Locale.ROOT), consumerKey,
        consumerSecret, tokenId, tokenSecret);
    return new RestletSettings(id + "|" + url + "|" + level, url, signer, level);
  }

  /**
   * {@code netsuite.concurrencyLevelRESTlet} and {@code netsuite.concurrencyLevel}: the lower of those
   * set; 1 when neither is (NetSuite's account-wide limits are shared with other integrations).
   */
  static int concurrency(JsonNode ns) {
    int restlet = ns.path("concurrencyLevelRESTlet").asInt(0);
    int both = ns.path("concurrencyLevel").asInt(0);
    if (restlet > 0 && both > 0) {
      return Math.min(restlet, both);
    }
    return restlet > 0 ? restlet : both > 0 ? both : 1;
  }

  private static String required(JsonNode ns, String field, String where) throws AdaptorException {
    String v = ns.path(field).asText("");
    if (v.isEmpty()) {
      throw invalid(where + "has no netsuite." + field + "; the distributed adaptor needs it");
    }
    return v;
  }

  private static AdaptorException invalid(String message) {
    return new AdaptorException("invalid_connection", message, Classification.VALUE);
  }
}
