package io.integrator.netsuite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * A {@code netsuite} connection document (REFERENCE §2.4) read once into typed settings: account,
 * environment, credentials (token-based or legacy email and password), the consumer key and secret
 * of the IClient the engine embeds as {@code netsuite._iClient}, the data-center domains, the web
 * services version and the concurrency caps. {@link #toString()} never shows a secret.
 */
final class NetSuiteConnection {
  /** Web services version used when {@code netsuite.wsdlVersion} is absent. */
  static final String DEFAULT_WSDL_VERSION = "2024_2";

  /** How calls are authenticated. */
  enum AuthType {
    /** tokenPassport header (OAuth 1.0a style signature, HMAC-SHA256). */
    TOKEN,
    /** Legacy passport header (email, password, account, role). */
    BASIC
  }

  final String id;
  final String name;
  final String account;
  final String environment;
  final AuthType authType;
  final String tokenId;
  final String tokenSecret;
  final String consumerKey;
  final String consumerSecret;
  final String email;
  final String password;
  final String roleId;
  final String webservicesDomain;
  final String wsdlVersion;
  final int concurrencyWebServices;
  final boolean useSsoLogin;

  private NetSuiteConnection(ObjectNode doc) {
    JsonNode ns = doc.path("netsuite");
    this.id = text(doc, "_id");
    this.name = text(doc, "name");
    String acct = text(ns, "account");
    this.account = acct == null ? null : acct.toUpperCase(Locale.ROOT);
    String env = text(ns, "environment");
    this.environment = env == null ? "production" : env.toLowerCase(Locale.ROOT);
    this.tokenId = text(ns, "tokenId");
    this.tokenSecret = text(ns, "tokenSecret");
    this.email = text(ns, "email");
    this.password = text(ns, "password");
    this.roleId = text(ns, "roleId");
    JsonNode client = ns.path("_iClient").path("netsuite");
    this.consumerKey = text(client, "consumerKey");
    this.consumerSecret = text(client, "consumerSecret");
    String auth = text(ns, "authType");
    if (auth == null) {
      auth = tokenId != null ? "token" : email != null ? "basic" : "token";
    }
    this.authType = auth.toLowerCase(Locale.ROOT).startsWith("token") ? AuthType.TOKEN : AuthType.BASIC;
    this.webservicesDomain = text(ns.path("dataCenterURLs"), "webservicesDomain");
    String v = text(ns, "wsdlVersion");
    this.wsdlVersion = v == null ? DEFAULT_WSDL_VERSION : v.replace('.', '_');
    this.concurrencyWebServices =
        lowest(intOf(ns, "concurrencyLevelWebServices"), intOf(ns, "concurrencyLevel"), 1);
    this.useSsoLogin = ns.path("useSsoLogin").asBoolean(false)
        || "true".equalsIgnoreCase(ns.path("useSsoLogin").asText());
  }

  /**
   * Reads a connection document.
   *
   * @param doc the connection as the engine hands it over (secrets in clear text)
   * @return the settings
   * @throws IllegalArgumentException when something needed is missing; the message names the
   *     field path and what to do, never a secret
   */
  static NetSuiteConnection of(ObjectNode doc) {
    NetSuiteConnection c = new NetSuiteConnection(doc);
    c.check();
    return c;
  }

  private void check() {
    String where = "connection " + describe();
    if (useSsoLogin) {
      throw new IllegalArgumentException(where + ": netsuite.useSsoLogin (single sign-on) is not"
          + " supported; use token-based authentication (netsuite.tokenId, netsuite.tokenSecret)");
    }
    if (account == null) {
      throw new IllegalArgumentException(where + ": netsuite.account is required (the NetSuite"
          + " account id, e.g. 123456 or 123456_SB1)");
    }
    if (authType == AuthType.TOKEN) {
      if (tokenId == null || tokenSecret == null) {
        throw new IllegalArgumentException(where + ": token-based authentication needs"
            + " netsuite.tokenId and netsuite.tokenSecret (an access token of the integration)");
      }
      if (consumerKey == null || consumerSecret == null) {
        throw new IllegalArgumentException(where + ": token-based authentication needs the"
            + " consumer key and secret of an IClient: set netsuite._iClientId to an IClient whose"
            + " netsuite.consumerKey and netsuite.consumerSecret are set");
      }
    } else if (email == null || password == null) {
      throw new IllegalArgumentException(where + ": basic login needs netsuite.email and"
          + " netsuite.password (or switch to token-based authentication)");
    }
  }

  /**
   * The web services host: {@code netsuite.dataCenterURLs.webservicesDomain} when set (a host, or
   * a URL with a scheme), else derived from the account and environment
   * ({@code 123456-sb1.suitetalk.api.netsuite.com}).
   */
  String webservicesBase() {
    if (webservicesDomain != null) {
      String d = webservicesDomain.endsWith("/")
          ? webservicesDomain.substring(0, webservicesDomain.length() - 1) : webservicesDomain;
      return d.contains("://") ? d : "https://" + d;
    }
    String host = account.toLowerCase(Locale.ROOT).replace('_', '-');
    if (environment.startsWith("sandbox") && !host.contains("-sb")) {
      host = host + "-sb1";
    }
    return "https://" + host + ".suitetalk.api.netsuite.com";
  }

  /** The SOAP endpoint, {@code <base>/services/NetSuitePort_<version>}. */
  String endpoint() {
    return webservicesBase() + "/services/NetSuitePort_" + wsdlVersion;
  }

  /** Names the connection in messages: its name or id and account, no secret. */
  String describe() {
    String label = name != null ? "'" + name + "'" : id != null ? "'" + id + "'" : "(unsaved)";
    return account == null ? label : label + " (account " + account + ")";
  }

  @Override
  public String toString() {
    return "NetSuiteConnection{" + describe() + ", auth=" + authType + ", tokenId=********"
        + ", tokenSecret=********, version=" + wsdlVersion + "}";
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.path(field);
    if (v.isMissingNode() || v.isNull()) {
      return null;
    }
    String s = v.asText();
    return s.isBlank() ? null : s;
  }

  private static int intOf(JsonNode n, String field) {
    JsonNode v = n.path(field);
    if (v.isNumber()) {
      return v.asInt();
    }
    try {
      return v.isTextual() ? Integer.parseInt(v.asText().trim()) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static int lowest(int a, int b, int dflt) {
    if (a > 0 && b > 0) {
      return Math.min(a, b);
    }
    return a > 0 ? a : b > 0 ? b : dflt;
  }
}
