package io.integrator.rest;

import java.util.List;

/**
 * The authentication part of a REST connection, already inferred and checked (see {@link
 * RestConnection#of}). Holds secrets: never log it ({@link #toString()} masks them).
 *
 * @param type how requests are authenticated
 * @param username basic auth user
 * @param password basic auth password (secret)
 * @param token the initial bearer token (secret), or null
 * @param inUrl true when the token goes into the query ({@code tokenLocation: url})
 * @param tokenParam query parameter for the token, default {@code access_token}
 * @param authHeader header for the token, default {@code Authorization}
 * @param authScheme prefix before the token, default {@code Bearer}; empty sends the bare token
 * @param authUri OAuth 2.0 token endpoint, or null
 * @param refreshToken OAuth 2.0 refresh token (secret), or null
 * @param clientId OAuth 2.0 client id from the IClient, or null
 * @param clientSecret OAuth 2.0 client secret from the IClient (secret), or null
 * @param scopes OAuth 2.0 scopes, possibly empty
 * @param scopeDelimiter joins the scopes, default one space
 */
record AuthSettings(
    Type type,
    String username,
    String password,
    String token,
    boolean inUrl,
    String tokenParam,
    String authHeader,
    String authScheme,
    String authUri,
    String refreshToken,
    String clientId,
    String clientSecret,
    List<String> scopes,
    String scopeDelimiter) {

  /** The authentication modes. */
  enum Type {
    /** No authentication (also {@code authType: custom}: the connection's headers carry it). */
    NONE,
    /** HTTP basic. */
    BASIC,
    /** A static token in a header or the URL. */
    TOKEN,
    /** An OAuth 2.0 access token, obtained and refreshed at {@code authURI}. */
    OAUTH
  }

  static AuthSettings none() {
    return new AuthSettings(Type.NONE, null, null, null, false, "access_token", "Authorization",
        "Bearer", null, null, null, null, List.of(), " ");
  }

  /** True when a refresh can obtain a new access token. */
  boolean canRefresh() {
    return type == Type.OAUTH
        && authUri != null
        && (refreshToken != null || (clientId != null && clientSecret != null));
  }

  @Override
  public String toString() {
    return "AuthSettings[" + type + ", inUrl=" + inUrl + ", authHeader=" + authHeader
        + ", authUri=" + authUri + ", secrets=********]";
  }
}
