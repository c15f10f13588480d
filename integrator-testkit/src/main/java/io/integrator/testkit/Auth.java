package io.integrator.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link RestApiServer} demands before it answers. Every endpoint but the OAuth token
 * endpoint is protected; a request that fails answers 401 with a JSON {@code error} and a
 * {@code WWW-Authenticate} header. Immutable.
 */
public final class Auth {

    /** The kinds of authentication. */
    public enum Kind {
        /** Nothing is demanded. */
        NONE,
        /** HTTP basic. */
        BASIC,
        /** A fixed token in a request header. */
        HEADER_TOKEN,
        /** A fixed token in a query parameter. */
        QUERY_TOKEN,
        /** OAuth 2.0 access tokens from the server's token endpoint. */
        OAUTH2
    }

    private final Kind kind;
    private final String user;
    private final String secret;
    private final String name;
    private final String scheme;
    private final String tokenPath;
    private final Duration tokenLifetime;

    private Auth(Kind kind, String user, String secret, String name, String scheme, String tokenPath,
            Duration tokenLifetime) {
        this.kind = kind;
        this.user = user;
        this.secret = secret;
        this.name = name;
        this.scheme = scheme;
        this.tokenPath = tokenPath;
        this.tokenLifetime = tokenLifetime;
    }

    /** @return no authentication (the default) */
    public static Auth none() {
        return new Auth(Kind.NONE, null, null, null, null, null, null);
    }

    /**
     * @param user the user name
     * @param password the password
     * @return HTTP basic authentication
     */
    public static Auth basic(String user, String password) {
        return new Auth(Kind.BASIC, required(user, "user"), required(password, "password"), null, null, null, null);
    }

    /**
     * @param token the token
     * @return {@code Authorization: Bearer <token>}
     */
    public static Auth bearer(String token) {
        return tokenInHeader("Authorization", "Bearer", token);
    }

    /**
     * @param header the request header, e.g. {@code X-Api-Key}
     * @param scheme the scheme before the token ({@code Bearer}), or empty for the bare token
     * @param token the token
     * @return a token in a header
     */
    public static Auth tokenInHeader(String header, String scheme, String token) {
        return new Auth(Kind.HEADER_TOKEN, null, required(token, "token"), required(header, "header"),
                Objects.requireNonNull(scheme, "scheme"), null, null);
    }

    /**
     * @param param the query parameter, e.g. {@code access_token}
     * @param token the token
     * @return a token in the URL
     */
    public static Auth tokenInQuery(String param, String token) {
        return new Auth(Kind.QUERY_TOKEN, null, required(token, "token"), required(param, "param"), null, null,
                null);
    }

    /**
     * OAuth 2.0: {@code POST /oauth/token} (form-encoded) grants {@code client_credentials} (client
     * id and secret in a basic {@code Authorization} header or as {@code client_id} and
     * {@code client_secret} form fields) and {@code refresh_token}. It answers
     * {@code {"access_token", "token_type": "Bearer", "expires_in", "refresh_token"}}; other
     * endpoints demand {@code Authorization: Bearer <access_token>}. Access tokens live one hour
     * unless {@link #withTokenLifetime(Duration)} says otherwise, and
     * {@link RestApiServer#expireAccessTokens()} expires every one issued so far.
     *
     * @param clientId the client id
     * @param clientSecret the client secret
     * @return OAuth 2.0 authentication
     */
    public static Auth oauth2(String clientId, String clientSecret) {
        return new Auth(Kind.OAUTH2, required(clientId, "clientId"), required(clientSecret, "clientSecret"), null,
                null, "/oauth/token", Duration.ofHours(1));
    }

    /**
     * @param path the token endpoint's path (OAuth 2.0 only)
     * @return a copy serving tokens there
     */
    public Auth withTokenPath(String path) {
        requireOauth();
        if (!required(path, "path").startsWith("/")) {
            throw new IllegalArgumentException("OAuth token path must start with '/', got '" + path + "'");
        }
        return new Auth(kind, user, secret, name, scheme, path, tokenLifetime);
    }

    /**
     * @param lifetime how long access tokens live (OAuth 2.0 only)
     * @return a copy issuing tokens that live that long
     */
    public Auth withTokenLifetime(Duration lifetime) {
        requireOauth();
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("OAuth token lifetime must be positive, got " + lifetime);
        }
        return new Auth(kind, user, secret, name, scheme, tokenPath, lifetime);
    }

    private void requireOauth() {
        if (kind != Kind.OAUTH2) {
            throw new IllegalStateException("Token endpoint settings apply to Auth.oauth2(...) only, not " + kind);
        }
    }

    private static String required(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("Auth " + what + " must not be empty");
        }
        return value;
    }

    /** @return the kind */
    public Kind kind() {
        return kind;
    }

    String user() {
        return user;
    }

    String secret() {
        return secret;
    }

    String name() {
        return name;
    }

    String scheme() {
        return scheme;
    }

    /** @return the OAuth token endpoint's path, or null */
    public String tokenPath() {
        return tokenPath;
    }

    Duration tokenLifetime() {
        return tokenLifetime;
    }

    @Override
    public String toString() {
        return "Auth[" + kind + ", secret ********]";
    }
}
