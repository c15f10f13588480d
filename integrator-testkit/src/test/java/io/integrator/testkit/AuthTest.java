package io.integrator.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AuthTest {

    private static RestApiServer serve(Auth auth) {
        return RestApiServer.builder().collection("orders", SampleData.orders(3)).auth(auth).start();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void basic() {
        try (RestApiServer api = serve(Auth.basic("ann", "s3cret"))) {
            assertThat(Http.get(api.url("/orders"), "Authorization", basic("ann", "s3cret")).statusCode()).isEqualTo(200);
            HttpResponse<String> wrong = Http.get(api.url("/orders"), "Authorization", basic("ann", "nope"));
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"testkit\"");
            assertThat(Http.get(api.url("/orders")).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void bearerTokenInTheAuthorizationHeader() {
        try (RestApiServer api = serve(Auth.bearer("tok-1"))) {
            assertThat(Http.get(api.url("/orders"), "Authorization", "Bearer tok-1").statusCode()).isEqualTo(200);
            assertThat(Http.get(api.url("/orders"), "Authorization", "Bearer tok-2").statusCode()).isEqualTo(401);
            assertThat(Http.get(api.url("/orders"), "Authorization", "tok-1").statusCode()).isEqualTo(401);
        }
    }

    @Test
    void tokenInACustomHeaderWithoutScheme() {
        try (RestApiServer api = serve(Auth.tokenInHeader("X-Api-Key", "", "k-9"))) {
            assertThat(Http.get(api.url("/orders"), "X-Api-Key", "k-9").statusCode()).isEqualTo(200);
            HttpResponse<String> denied = Http.get(api.url("/orders"));
            assertThat(denied.statusCode()).isEqualTo(401);
            assertThat(Http.json(denied).get("message").asText()).contains("'X-Api-Key'").doesNotContain("k-9");
        }
    }

    @Test
    void tokenInAQueryParameterIsNotAFieldFilter() {
        try (RestApiServer api = serve(Auth.tokenInQuery("access_token", "q-7"))) {
            HttpResponse<String> ok = Http.get(api.url("/orders?access_token=q-7"));
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(Http.json(ok).get("data")).hasSize(3);
            assertThat(Http.get(api.url("/orders?access_token=bad")).statusCode()).isEqualTo(401);
        }
    }

    private static HttpResponse<String> token(RestApiServer api, String form, String... headers) {
        return Http.send(HttpRequest.newBuilder(api.url("/oauth/token"))
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .header("Content-Type", "application/x-www-form-urlencoded"), headers);
    }

    @Test
    void oauthClientCredentialsThenExpiryThenRefresh() {
        try (RestApiServer api = serve(Auth.oauth2("client-a", "secret-a").withTokenLifetime(Duration.ofMinutes(5)))) {
            HttpResponse<String> issued = token(api, "grant_type=client_credentials&client_id=client-a&client_secret=secret-a");
            assertThat(issued.statusCode()).isEqualTo(200);
            JsonNode tokens = Http.json(issued);
            assertThat(tokens.get("token_type").asText()).isEqualTo("Bearer");
            assertThat(tokens.get("expires_in").asLong()).isEqualTo(300);
            String access = tokens.get("access_token").asText();
            URI orders = api.url("/orders");
            assertThat(Http.get(orders, "Authorization", "Bearer " + access).statusCode()).isEqualTo(200);

            api.expireAccessTokens();
            HttpResponse<String> expired = Http.get(orders, "Authorization", "Bearer " + access);
            assertThat(expired.statusCode()).isEqualTo(401);
            assertThat(Http.json(expired).get("message").asText()).isEqualTo("The access token has expired");
            assertThat(expired.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");

            String refresh = tokens.get("refresh_token").asText();
            HttpResponse<String> refreshed = token(api, "grant_type=refresh_token&refresh_token=" + refresh,
                    "Authorization", basic("client-a", "secret-a"));
            assertThat(refreshed.statusCode()).isEqualTo(200);
            String newAccess = Http.json(refreshed).get("access_token").asText();
            assertThat(newAccess).isNotEqualTo(access);
            assertThat(Http.get(orders, "Authorization", "Bearer " + newAccess).statusCode()).isEqualTo(200);
            // a refresh token is used once
            assertThat(token(api, "grant_type=refresh_token&refresh_token=" + refresh, "Authorization",
                    basic("client-a", "secret-a")).statusCode()).isEqualTo(400);
            assertThat(api.requests("POST", "/oauth/token")).hasSize(3);
        }
    }

    @Test
    void oauthRefusesWrongClientsGrantsAndRevokedRefreshTokens() {
        try (RestApiServer api = serve(Auth.oauth2("c", "s").withTokenPath("/auth/token"))) {
            HttpResponse<String> wrongClient = Http.send(HttpRequest.newBuilder(api.url("/auth/token"))
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=c&client_secret=x")));
            assertThat(wrongClient.statusCode()).isEqualTo(401);
            assertThat(Http.json(wrongClient).get("error").asText()).isEqualTo("invalid_client");
            HttpResponse<String> badGrant = Http.send(HttpRequest.newBuilder(api.url("/auth/token"))
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=password")), "Authorization", basic("c", "s"));
            assertThat(badGrant.statusCode()).isEqualTo(400);
            assertThat(Http.json(badGrant).get("error").asText()).isEqualTo("unsupported_grant_type");
            JsonNode tokens = Http.json(Http.send(HttpRequest.newBuilder(api.url("/auth/token"))
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")),
                    "Authorization", basic("c", "s")));
            api.revokeRefreshTokens();
            HttpResponse<String> revoked = Http.send(HttpRequest.newBuilder(api.url("/auth/token"))
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token="
                            + tokens.get("refresh_token").asText())), "Authorization", basic("c", "s"));
            assertThat(Http.json(revoked).get("error").asText()).isEqualTo("invalid_grant");
            assertThat(Http.get(api.url("/orders")).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void authSettingsAreCheckedAndSecretsNotPrinted() {
        assertThatThrownBy(() -> Auth.basic("", "x")).hasMessageContaining("user");
        assertThatThrownBy(() -> Auth.bearer("t").withTokenPath("/t")).hasMessageContaining("oauth2");
        assertThatThrownBy(() -> Auth.oauth2("a", "b").withTokenPath("t")).hasMessageContaining("start with '/'");
        assertThat(Auth.basic("u", "pw-123").toString()).doesNotContain("pw-123").contains("********");
    }
}
