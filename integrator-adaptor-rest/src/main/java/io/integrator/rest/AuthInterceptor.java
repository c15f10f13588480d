package io.integrator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.integrator.spi.CredentialStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds a connection's credentials to every request.
 *
 * <ul>
 *   <li><b>basic</b>: {@code Authorization: Basic base64(username:password)}.
 *   <li><b>token</b>: {@code <authHeader>: <authScheme> <token>} (an empty scheme sends the bare
 *       token), or with {@code tokenLocation: url} the query parameter {@code tokenParam} (default
 *       {@code access_token}).
 *   <li><b>oauth</b>: like token, with an access token obtained from {@code authURI}. Without a
 *       {@code bearerToken} the first request fetches one. A 401 refreshes the token once and
 *       repeats the request once; what the repeat answers (another 401, a 403) is returned as it is
 *       and classified {@code connection} by {@link Responses}. A token whose {@code expires_in}
 *       has passed (30 s margin) is refreshed before the request.
 * </ul>
 *
 * <p>Token request (decided): {@code POST authURI} with a form body {@code
 * grant_type=refresh_token&refresh_token=...} when the connection has a refresh token, otherwise
 * {@code grant_type=client_credentials}; {@code scope} joined by {@code scopeDelimiter} when scopes
 * are set; the IClient's client id and secret as HTTP basic authentication. The answer (JSON or a
 * form) must hold {@code access_token}; a new {@code refresh_token} replaces the old one and {@code
 * expires_in} (seconds) is remembered. Tokens live with the connection's client and are written back
 * to the stored connection through the engine's {@link CredentialStore}. A refused token request
 * fails the call with an
 * {@link AuthFailedException} (classification {@code connection}).
 */
final class AuthInterceptor implements Interceptor {
  private static final Logger LOG = LoggerFactory.getLogger(AuthInterceptor.class);
  private static final long EXPIRY_MARGIN_SECONDS = 30;

  private final RestConnection connection;
  private final AuthSettings auth;
  private final OkHttpClient tokenClient;
  private volatile CredentialStore credentials;
  /** Tokens this client started with or obtained: a connection copy holding them is not news. */
  private final Set<String> known = new LinkedHashSet<>();
  private final Object lock = new Object();
  private volatile String accessToken;
  private volatile String refreshToken;
  private volatile Instant expiresAt;

  /**
   * @param tokenClient a client without this interceptor, used for token requests
   * @param credentials where a token obtained here is stored with its connection
   */
  AuthInterceptor(RestConnection connection, OkHttpClient tokenClient,
      CredentialStore credentials) {
    this.connection = connection;
    this.credentials = credentials;
    this.auth = connection.auth();
    this.tokenClient = tokenClient;
    this.accessToken = auth.token();
    this.refreshToken = auth.refreshToken();
    remember(accessToken, refreshToken);
  }

  /**
   * The cached client is asked for again with {@code current}, the connection as its caller read
   * it: later calls store tokens into {@code credentials} (the newest engine's), and tokens that
   * this client never held (a user replaced them in the stored connection) are taken up. A copy
   * read before this client refreshed holds tokens it already knows and changes nothing.
   */
  void offer(AuthSettings current, CredentialStore credentials) {
    this.credentials = credentials;
    synchronized (lock) {
      boolean fresh = (current.token() != null && !known.contains(current.token()))
          || (current.refreshToken() != null && !known.contains(current.refreshToken()));
      if (fresh) {
        accessToken = current.token();
        refreshToken = current.refreshToken();
        expiresAt = null;
        remember(accessToken, refreshToken);
      }
    }
  }

  private void remember(String... tokens) {
    synchronized (lock) {
      for (String t : tokens) {
        if (t != null) {
          known.add(t);
        }
      }
      while (known.size() > 32) {
        known.remove(known.iterator().next());
      }
    }
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    switch (auth.type()) {
      case BASIC:
        return chain.proceed(request.newBuilder()
            .header("Authorization",
                Credentials.basic(auth.username(), auth.password(), StandardCharsets.UTF_8))
            .build());
      case TOKEN:
        return chain.proceed(withToken(request, accessToken));
      case OAUTH:
        return oauth(chain, request);
      default:
        return chain.proceed(request);
    }
  }

  private Response oauth(Chain chain, Request request) throws IOException {
    String token = currentToken();
    Response response = chain.proceed(withToken(request, token));
    if (response.code() != 401 || !auth.canRefresh()) {
      return response;
    }
    response.close();
    String fresh = refreshAfter(token);
    return chain.proceed(withToken(request, fresh));
  }

  /** The access token to use now, fetching or refreshing one when there is none or it expired. */
  String currentToken() throws IOException {
    String t = accessToken;
    Instant exp = expiresAt;
    if (t != null && (exp == null || Instant.now().isBefore(exp))) {
      return t;
    }
    return refreshAfter(t);
  }

  /** Refreshes unless another thread already replaced {@code failed}. */
  private String refreshAfter(String failed) throws IOException {
    synchronized (lock) {
      String t = accessToken;
      Instant exp = expiresAt;
      if (t != null && !t.equals(failed) && (exp == null || Instant.now().isBefore(exp))) {
        return t;
      }
      requestToken();
      return accessToken;
    }
  }

  private void requestToken() throws IOException {
    if (!auth.canRefresh()) {
      throw new AuthFailedException(connection.describe() + " has no usable access token and"
          + " cannot obtain one: set " + connection.section() + ".authURI and an IClient with"
          + " oauth2.clientId and oauth2.clientSecret, or a refresh token", 0);
    }
    FormBody.Builder form = new FormBody.Builder();
    String grant;
    if (refreshToken != null) {
      grant = "refresh_token";
      form.add("grant_type", grant).add("refresh_token", refreshToken);
    } else {
      grant = "client_credentials";
      form.add("grant_type", grant);
    }
    if (!auth.scopes().isEmpty()) {
      form.add("scope", String.join(auth.scopeDelimiter(), auth.scopes()));
    }
    HttpUrl uri = HttpUrl.get(auth.authUri());
    Request.Builder rb = new Request.Builder().url(uri).post(form.build())
        .header("Accept", "application/json");
    if (auth.clientId() != null && auth.clientSecret() != null) {
      rb.header("Authorization",
          Credentials.basic(auth.clientId(), auth.clientSecret(), StandardCharsets.UTF_8));
    }
    String what = "OAuth 2.0 token request (" + grant + ") of " + connection.describe() + " to "
        + uri;
    try (Response r = tokenClient.newCall(rb.build()).execute()) {
      String text = r.body() == null ? "" : r.body().string();
      if (!r.isSuccessful()) {
        throw new AuthFailedException(what + " was refused with " + r.code() + ": "
            + Responses.serverMessage(text) + "; check the IClient's client id and secret and the"
            + " refresh token", r.code());
      }
      JsonNode n;
      try {
        n = Bodies.parse(text, r.body() == null ? null : r.body().contentType());
      } catch (IOException e) {
        throw new AuthFailedException(what + " answered a body that is not JSON", r.code());
      }
      String access = RestConnection.textOrNull(n.path("access_token"));
      if (access == null) {
        throw new AuthFailedException(what + " answered without access_token", r.code());
      }
      String rotated = RestConnection.textOrNull(n.path("refresh_token"));
      if (rotated != null) {
        refreshToken = rotated;
      }
      long expiresIn = n.path("expires_in").asLong(0);
      expiresAt = expiresIn > 0
          ? Instant.now().plusSeconds(Math.max(1, expiresIn - EXPIRY_MARGIN_SECONDS)) : null;
      accessToken = access;
      remember(access, rotated);
      store(access, rotated);
    }
  }

  /**
   * Writes a new token (and the refresh token the provider rotated with it) into the stored
   * connection, so the next process does not start from a refresh token that was already used.
   * A failure to store costs the next process a refresh, not this request.
   */
  private void store(String access, String rotated) {
    if (connection.id().isEmpty()) {
      return;
    }
    Map<String, String> secrets = new LinkedHashMap<>();
    secrets.put(connection.section() + ".bearerToken", access);
    if (rotated != null) {
      secrets.put(connection.section() + ".refreshToken", rotated);
    }
    try {
      credentials.update(connection.id(), secrets);
    } catch (RuntimeException e) {
      LOG.warn("{}: the new OAuth 2.0 token could not be stored with the connection ({}); the"
          + " next process will refresh it again", connection.describe(),
          e.getClass().getSimpleName());
    }
  }

  private Request withToken(Request request, String token) {
    if (token == null) {
      return request;
    }
    if (auth.inUrl()) {
      HttpUrl url = request.url().newBuilder().setQueryParameter(auth.tokenParam(), token).build();
      return request.newBuilder().url(url).build();
    }
    String scheme = auth.authScheme();
    String value = scheme == null || scheme.isEmpty() ? token : scheme + " " + token;
    return request.newBuilder().header(auth.authHeader(), value).build();
  }
}
