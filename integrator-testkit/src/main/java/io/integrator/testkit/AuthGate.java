package io.integrator.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Checks each request against the server's {@link Auth} and runs the OAuth 2.0 token endpoint. */
final class AuthGate {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Auth auth;
    private final Map<String, Instant> accessTokens = new ConcurrentHashMap<>();
    private final Set<String> refreshTokens = ConcurrentHashMap.newKeySet();

    AuthGate(Auth auth) {
        this.auth = auth;
    }

    boolean isTokenEndpoint(Request request) {
        return auth.kind() == Auth.Kind.OAUTH2 && request.path.equals(auth.tokenPath());
    }

    /** @return null when the request may pass, else the 401 to answer */
    Response check(Request request) {
        return switch (auth.kind()) {
            case NONE -> null;
            case BASIC -> {
                String expected = "Basic " + Base64.getEncoder().encodeToString((auth.user() + ":" + auth.secret())
                        .getBytes(StandardCharsets.UTF_8));
                yield same(request.header("Authorization"), expected) ? null
                        : unauthorized("Basic realm=\"testkit\"", "invalid_credentials",
                                "Basic credentials are missing or wrong");
            }
            case HEADER_TOKEN -> {
                String expected = auth.scheme().isEmpty() ? auth.secret() : auth.scheme() + " " + auth.secret();
                yield same(request.header(auth.name()), expected) ? null
                        : unauthorized("Bearer realm=\"testkit\"", "invalid_token",
                                "Header '" + auth.name() + "' is missing or holds a wrong token");
            }
            case QUERY_TOKEN -> same(request.param(auth.name()), auth.secret()) ? null
                    : unauthorized("Bearer realm=\"testkit\"", "invalid_token",
                            "Query parameter '" + auth.name() + "' is missing or holds a wrong token");
            case OAUTH2 -> {
                String header = request.header("Authorization");
                String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                        ? header.substring(7).trim() : null;
                Instant expires = token == null ? null : accessTokens.get(token);
                if (expires == null) {
                    yield unauthorized("Bearer realm=\"testkit\", error=\"invalid_token\"", "invalid_token",
                            "No valid bearer access token");
                }
                yield Instant.now().isBefore(expires) ? null
                        : unauthorized("Bearer realm=\"testkit\", error=\"invalid_token\"", "invalid_token",
                                "The access token has expired");
            }
        };
    }

    /** {@code POST tokenPath}: client credentials or refresh token grants. */
    Response token(Request request) {
        if (!request.method.equals("POST")) {
            return Response.error(405, "method_not_allowed", "The token endpoint takes POST only")
                    .header("Allow", "POST");
        }
        Map<String, java.util.List<String>> form = Request.parseForm(request.body);
        String clientId = first(form, "client_id");
        String clientSecret = first(form, "client_secret");
        String header = request.header("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    clientId = decoded.substring(0, colon);
                    clientSecret = decoded.substring(colon + 1);
                }
            } catch (IllegalArgumentException e) {
                return oauthError(401, "invalid_client", "The basic Authorization header is not base64");
            }
        }
        if (!same(clientId, auth.user()) || !same(clientSecret, auth.secret())) {
            return oauthError(401, "invalid_client", "Unknown client or wrong client secret");
        }
        String grant = first(form, "grant_type");
        if ("client_credentials".equals(grant)) {
            return issue();
        }
        if ("refresh_token".equals(grant)) {
            String refresh = first(form, "refresh_token");
            if (refresh == null || !refreshTokens.remove(refresh)) {
                return oauthError(400, "invalid_grant", "The refresh token is unknown or was already used");
            }
            return issue();
        }
        return oauthError(400, "unsupported_grant_type", "grant_type must be client_credentials or refresh_token,"
                + " got " + (grant == null ? "none" : "'" + grant + "'"));
    }

    void expireAccessTokens() {
        Instant past = Instant.now().minusSeconds(1);
        accessTokens.replaceAll((token, expiry) -> past);
    }

    void revokeRefreshTokens() {
        refreshTokens.clear();
    }

    private Response issue() {
        String access = random();
        String refresh = random();
        accessTokens.put(access, Instant.now().plus(auth.tokenLifetime()));
        refreshTokens.add(refresh);
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("access_token", access);
        body.put("token_type", "Bearer");
        body.put("expires_in", auth.tokenLifetime().toSeconds());
        body.put("refresh_token", refresh);
        return Response.json(200, body).header("Cache-Control", "no-store");
    }

    private static Response oauthError(int status, String code, String description) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("error", code);
        body.put("error_description", description);
        return Response.json(status, body);
    }

    private static Response unauthorized(String challenge, String code, String message) {
        return Response.error(401, code, message).header("WWW-Authenticate", challenge);
    }

    private static String first(Map<String, java.util.List<String>> form, String name) {
        java.util.List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static boolean same(String given, String expected) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    private static String random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
