package io.integrator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.spi.AdaptorException;
import io.integrator.spi.Classification;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * A REST connection document, parsed and checked once: settings under {@code rest.*} for type
 * {@code rest} and under {@code http.*} for type {@code http}. Holds secrets (in {@link #auth()}
 * and {@link #document()}): never log either.
 *
 * <p>Bad input throws an {@link AdaptorException} with classification {@code value} naming the
 * connection and the field path.
 */
final class RestConnection {
  static final String DEFAULT_RETRY_HEADER = "Retry-After";

  private final ObjectNode document;
  private final String id;
  private final String type;
  private final String section;
  private final JsonNode settings;
  private final HttpUrl baseUri;
  private final BodyType bodyType;
  private final Map<String, String> headers;
  private final AuthSettings auth;
  private final int concurrencyLevel;
  private final String retryHeader;
  private final boolean disableStrictSsl;
  private final PingSettings ping;
  private final int rateLimitStatus;
  private final String rateLimitPath;
  private final List<String> rateLimitValues;
  private final int requestLimit;
  private final boolean adaptiveConcurrency;
  private final int targetConcurrencyLevel;
  private final Duration requestWindow;
  private final String fingerprint;
  /** The URI resolved last, kept because imports resolve the same one record after record. */
  private volatile Resolved lastResolved;

  private record Resolved(String input, HttpUrl url) {}

  private RestConnection(ObjectNode document) throws AdaptorException {
    this.document = document;
    this.id = document.path("_id").asText("");
    String t = document.path("type").asText("rest").toLowerCase(Locale.ROOT);
    if (!t.equals("rest") && !t.equals("http")) {
      throw invalid("type", "is '" + t + "'; the REST adaptor serves 'rest' and 'http'");
    }
    this.type = t;
    this.section = t;
    JsonNode s = document.path(section);
    if (!s.isObject()) {
      throw invalid(section, "is missing; a " + t + " connection needs " + section
          + ".baseURI and " + section + ".mediaType");
    }
    this.settings = s;
    this.baseUri = parseBase(s.path("baseURI").asText(""));
    this.bodyType = parseBodyType(s.path("mediaType"));
    this.headers = Collections.unmodifiableMap(headerMap(s.path("headers"), section + ".headers"));
    this.auth = parseAuth(s);
    this.concurrencyLevel = intValue(s.path("concurrencyLevel"), "concurrencyLevel", 0);
    String rh = s.path("retryHeader").asText("").trim();
    this.retryHeader = rh.isEmpty() ? DEFAULT_RETRY_HEADER : rh;
    this.disableStrictSsl = s.path("disableStrictSSL").asBoolean(false);
    this.ping = parsePing(s);
    JsonNode rl = s.path("rateLimit").isObject() ? s.path("rateLimit") : document.path("rateLimit");
    this.rateLimitStatus = intValue(rl.path("failStatusCode"), "rateLimit.failStatusCode", 429);
    this.rateLimitPath = textOrNull(rl.path("failPath"));
    this.rateLimitValues = strings(rl.path("failValues"));
    this.requestLimit = intValue(rl.path("limit"), "rateLimit.limit", 0);
    int windowMillis = intValue(rl.path("windowMillis"), "rateLimit.windowMillis", 1000);
    if (requestLimit < 0 || windowMillis < 1) {
      throw invalid(requestLimit < 0 ? "rateLimit.limit" : "rateLimit.windowMillis",
          "must be positive");
    }
    this.requestWindow = Duration.ofMillis(windowMillis);
    JsonNode adaptive = s.has("autoRecoverRateLimitErrors") ? s.path("autoRecoverRateLimitErrors")
        : document.path("autoRecoverRateLimitErrors");
    this.adaptiveConcurrency = adaptive.asBoolean(false);
    JsonNode target = s.has("targetConcurrencyLevel") ? s.path("targetConcurrencyLevel")
        : document.path("targetConcurrencyLevel");
    this.targetConcurrencyLevel = intValue(target, "targetConcurrencyLevel", 0);
    // tokens are left out: a client keeps the tokens it refreshes (and stores them), so a copy of
    // the connection with newer or older tokens is the same client (AuthInterceptor.offer)
    this.fingerprint = digest(section + "|"
        + ((ObjectNode) s).deepCopy().without(List.of("bearerToken", "refreshToken")) + "|"
        + document.path("ping") + "|"
        + document.path("rateLimit") + "|" + document.path("autoRecoverRateLimitErrors") + "|"
        + document.path("targetConcurrencyLevel"));
  }

  /**
   * Parses a connection document.
   *
   * @throws AdaptorException ({@code value}) naming the connection and field when it is unusable
   */
  static RestConnection of(ObjectNode connection) throws AdaptorException {
    return new RestConnection(connection);
  }

  /** The whole connection document (secrets in clear text; never log it). */
  ObjectNode document() {
    return document;
  }

  /** {@code _id}, or empty for an unsaved connection. */
  String id() {
    return id;
  }

  /** {@code rest} or {@code http}. */
  String type() {
    return type;
  }

  /** The settings section name: {@code rest} or {@code http}. */
  String section() {
    return section;
  }

  /** The settings section ({@code rest} or {@code http} object). Holds secrets. */
  JsonNode settings() {
    return settings;
  }

  /** {@code baseURI}. */
  HttpUrl baseUri() {
    return baseUri;
  }

  /** {@code mediaType}: how request bodies are encoded. */
  BodyType bodyType() {
    return bodyType;
  }

  /** The connection's extra headers, in document order. */
  Map<String, String> headers() {
    return headers;
  }

  /** Authentication settings (secrets). */
  AuthSettings auth() {
    return auth;
  }

  /** {@code concurrencyLevel}, or 0 when unset (no per-connection cap). */
  int concurrencyLevel() {
    return concurrencyLevel;
  }

  /** {@code retryHeader}, default {@code Retry-After}. */
  String retryHeader() {
    return retryHeader;
  }

  /** {@code disableStrictSSL}. */
  boolean disableStrictSsl() {
    return disableStrictSsl;
  }

  /** Ping settings. */
  PingSettings ping() {
    return ping;
  }

  /** {@code autoRecoverRateLimitErrors}: slots drop to 1 when throttled and climb back. */
  boolean adaptiveConcurrency() {
    return adaptiveConcurrency;
  }

  /** {@code targetConcurrencyLevel}, the slots adaptive concurrency climbs back to; 0 if unset. */
  int targetConcurrencyLevel() {
    return targetConcurrencyLevel;
  }

  /** {@code rateLimit.limit}: requests per {@link #requestWindow()}, or 0 for no limit. */
  int requestLimit() {
    return requestLimit;
  }

  /** {@code rateLimit.windowMillis} (extension), default 1 s. */
  Duration requestWindow() {
    return requestWindow;
  }

  /** {@code rateLimit.failStatusCode}, default 429. */
  int rateLimitStatus() {
    return rateLimitStatus;
  }

  /** {@code rateLimit.failPath}, or null. */
  String rateLimitPath() {
    return rateLimitPath;
  }

  /** {@code rateLimit.failValues}. */
  List<String> rateLimitValues() {
    return rateLimitValues;
  }

  /** A hash of every setting that shapes the HTTP client, secrets included (never reversible). */
  String fingerprint() {
    return fingerprint;
  }

  /** {@code connection 'id'} (or {@code the unsaved connection}) for messages. */
  String describe() {
    return id.isEmpty() ? "the unsaved " + type + " connection" : "connection '" + id + "'";
  }

  /**
   * Joins {@code baseURI} and a relative URI with exactly one {@code /}; an absolute {@code http}
   * or {@code https} URL is used as it is.
   *
   * @throws AdaptorException ({@code value}) when the result is not a valid URL
   */
  HttpUrl resolve(String relativeUriOrAbsolute) throws AdaptorException {
    Resolved previous = lastResolved;
    if (previous != null && previous.input().equals(relativeUriOrAbsolute)) {
      return previous.url();
    }
    HttpUrl url = parse(relativeUriOrAbsolute);
    if (relativeUriOrAbsolute != null) {
      lastResolved = new Resolved(relativeUriOrAbsolute, url);
    }
    return url;
  }

  private HttpUrl parse(String relativeUriOrAbsolute) throws AdaptorException {
    String rel = relativeUriOrAbsolute == null ? "" : relativeUriOrAbsolute.trim();
    String lower = rel.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      HttpUrl u = HttpUrl.parse(rel);
      if (u == null) {
        throw new AdaptorException("invalid_url", describe() + ": '" + rel
            + "' is not a valid URL", Classification.VALUE);
      }
      return u;
    }
    String base = baseUri.toString();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    while (rel.startsWith("/")) {
      rel = rel.substring(1);
    }
    String joined;
    if (rel.isEmpty()) {
      joined = base;
    } else if (rel.startsWith("?") || rel.startsWith("#")) {
      joined = base + rel;
    } else {
      joined = base + "/" + rel;
    }
    HttpUrl u = HttpUrl.parse(joined);
    if (u == null) {
      throw new AdaptorException("invalid_url", describe() + ": " + section + ".baseURI joined with '"
          + rel + "' is not a valid URL", Classification.VALUE);
    }
    return u;
  }

  /** The URL for messages: the token query parameter (tokenLocation url) is masked. */
  String safeUrl(HttpUrl url) {
    if (url == null) {
      return "";
    }
    if (auth.inUrl() && url.queryParameter(auth.tokenParam()) != null) {
      url = url.newBuilder().setQueryParameter(auth.tokenParam(), "********").build();
    }
    return url.toString();
  }

  // ---------------------------------------------------------------- parsing

  private AdaptorException invalid(String field, String what) {
    String who = id.isEmpty() ? "the unsaved connection" : "connection '" + id + "'";
    String path = field.contains(".") || field.equals(section) || field.equals("type")
        ? field : section + "." + field;
    return new AdaptorException("invalid_connection", who + ": " + path + " " + what,
        Classification.VALUE);
  }

  private HttpUrl parseBase(String text) throws AdaptorException {
    if (text.isBlank()) {
      throw invalid("baseURI", "is required (the absolute URL every relativeURI is appended to,"
          + " e.g. https://api.example.com/v1)");
    }
    HttpUrl u = HttpUrl.parse(text.trim());
    if (u == null) {
      throw invalid("baseURI", "'" + text + "' is not an absolute http or https URL");
    }
    return u;
  }

  private BodyType parseBodyType(JsonNode n) throws AdaptorException {
    String m = n.asText("json").trim().toLowerCase(Locale.ROOT);
    return switch (m) {
      case "", "json" -> BodyType.JSON;
      case "urlencoded" -> BodyType.URLENCODED;
      default -> throw invalid("mediaType", "'" + m + "' is not supported by the REST adaptor;"
          + " use json or urlencoded");
    };
  }

  /** Reads headers given as an object map or as {@code [{name, value}]}. */
  static Map<String, String> headerMap(JsonNode n, String where) throws AdaptorException {
    Map<String, String> out = new LinkedHashMap<>();
    if (n == null || n.isMissingNode() || n.isNull()) {
      return out;
    }
    if (n.isObject()) {
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        out.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText());
      }
    } else if (n.isArray()) {
      int i = 0;
      for (JsonNode h : n) {
        String name = h.path("name").asText("");
        if (name.isBlank()) {
          throw new AdaptorException("invalid_headers", where + "[" + i + "].name is required",
              Classification.VALUE);
        }
        out.put(name, h.path("value").asText(""));
        i++;
      }
    } else {
      throw new AdaptorException("invalid_headers", where
          + " must be an object of names to values or an array of {name, value}",
          Classification.VALUE);
    }
    return out;
  }

  private AuthSettings parseAuth(JsonNode s) throws AdaptorException {
    String explicit = s.path("authType").asText("").trim().toLowerCase(Locale.ROOT);
    JsonNode basic = s.path("basicAuth");
    String username = textOrNull(basic.path("username"));
    String password = textOrNull(basic.path("password"));
    String token = textOrNull(s.path("bearerToken"));
    String refresh = textOrNull(s.path("refreshToken"));
    String authUri = textOrNull(s.path("authURI"));
    JsonNode iclient = s.path("_iClient");
    JsonNode oauth2 = iclient.path("oauth2");
    String clientId = firstText(oauth2.path("clientId"), iclient.path("clientId"));
    String clientSecret = firstText(oauth2.path("clientSecret"), iclient.path("clientSecret"));
    List<String> scopes = strings(s.path("scope"));
    if (scopes.isEmpty()) {
      scopes = strings(oauth2.path("scope").isMissingNode() ? iclient.path("scope")
          : oauth2.path("scope"));
    }
    String delimiter = s.path("scopeDelimiter").isTextual() ? s.path("scopeDelimiter").asText()
        : oauth2.path("scopeDelimiter").asText(" ");
    if (delimiter.isEmpty()) {
      delimiter = " ";
    }
    boolean inUrl = "url".equalsIgnoreCase(s.path("tokenLocation").asText("header"));
    String tokenParam = s.path("tokenParam").asText("").isBlank() ? "access_token"
        : s.path("tokenParam").asText().trim();
    String authHeader = s.path("authHeader").asText("").isBlank() ? "Authorization"
        : s.path("authHeader").asText().trim();
    String authScheme = s.has("authScheme") && !s.path("authScheme").isNull()
        ? s.path("authScheme").asText().trim() : "Bearer";

    AuthSettings.Type type;
    switch (explicit) {
      case "basic" -> type = AuthSettings.Type.BASIC;
      case "token" -> type = AuthSettings.Type.TOKEN;
      case "oauth" -> type = AuthSettings.Type.OAUTH;
      case "custom" -> type = AuthSettings.Type.NONE;
      case "" -> {
        if (username != null || password != null) {
          type = AuthSettings.Type.BASIC;
        } else if (authUri != null && (refresh != null || clientId != null)) {
          type = AuthSettings.Type.OAUTH;
        } else if (token != null || refresh != null) {
          type = AuthSettings.Type.TOKEN;
        } else {
          type = AuthSettings.Type.NONE;
        }
      }
      default -> throw invalid("authType", "'" + explicit
          + "' is not one of basic, token, oauth, custom");
    }
    if (type == AuthSettings.Type.BASIC && username == null) {
      throw invalid("basicAuth.username", "is required for basic authentication");
    }
    if (type == AuthSettings.Type.TOKEN && token == null) {
      throw invalid("bearerToken", "is required for token authentication (or set "
          + section + ".authURI and " + section + "._iClientId for OAuth 2.0)");
    }
    if (type == AuthSettings.Type.OAUTH) {
      if (authUri == null) {
        throw invalid("authURI", "is required for OAuth 2.0 (the token endpoint)");
      }
      if (HttpUrl.parse(authUri) == null) {
        throw invalid("authURI", "'" + authUri + "' is not an absolute http or https URL");
      }
      if (token == null && refresh == null && (clientId == null || clientSecret == null)) {
        throw invalid("_iClientId", "must name an IClient with oauth2.clientId and"
            + " oauth2.clientSecret (or set " + section + ".refreshToken) for OAuth 2.0");
      }
    }
    return new AuthSettings(type, username, password == null ? "" : password, token, inUrl,
        tokenParam, authHeader, authScheme, authUri, refresh, clientId, clientSecret,
        List.copyOf(scopes), delimiter);
  }

  private PingSettings parsePing(JsonNode s) throws AdaptorException {
    JsonNode p = s.path("ping").isObject() ? s.path("ping") : document.path("ping");
    if (!p.isObject()) {
      p = MissingNode.getInstance();
    }
    String uri = firstText(p.path("relativeURI"), s.path("pingRelativeURI"));
    String method = firstText(p.path("method"), s.path("pingMethod"));
    method = method == null ? "GET" : method.toUpperCase(Locale.ROOT);
    if (!List.of("GET", "POST", "PUT", "HEAD").contains(method)) {
      throw invalid("ping.method", "'" + method + "' is not one of GET, POST, PUT, HEAD");
    }
    String successPath = firstText(p.path("successPath"), s.path("pingSuccessPath"));
    List<String> successValues = strings(p.path("successValues"));
    if (successValues.isEmpty()) {
      successValues = strings(s.path("pingSuccessValues"));
    }
    JsonNode body = p.path("body");
    return new PingSettings(uri, method, body.isMissingNode() || body.isNull() ? null : body,
        successPath, successValues, textOrNull(p.path("failPath")), strings(p.path("failValues")),
        textOrNull(p.path("errorPath")));
  }

  private int intValue(JsonNode n, String field, int dflt) throws AdaptorException {
    if (n.isMissingNode() || n.isNull() || (n.isTextual() && n.asText().isBlank())) {
      return dflt;
    }
    if (n.isIntegralNumber()) {
      return n.intValue();
    }
    try {
      return Integer.parseInt(n.asText().trim());
    } catch (NumberFormatException e) {
      throw invalid(field, "must be a whole number, got '" + n.asText() + "'");
    }
  }

  static String textOrNull(JsonNode n) {
    if (n == null || n.isMissingNode() || n.isNull() || n.isContainerNode()) {
      return null;
    }
    String t = n.asText();
    return t.isEmpty() ? null : t;
  }

  private static String firstText(JsonNode a, JsonNode b) {
    String t = textOrNull(a);
    return t != null ? t : textOrNull(b);
  }

  /** An array of strings (or one string) as a list; anything else gives an empty list. */
  static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n == null) {
      return out;
    }
    if (n.isArray()) {
      n.forEach(v -> out.add(v.isNull() ? "null" : v.asText()));
    } else if (n.isValueNode() && !n.isNull()) {
      out.add(n.asText());
    }
    return out;
  }

  private static String digest(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
