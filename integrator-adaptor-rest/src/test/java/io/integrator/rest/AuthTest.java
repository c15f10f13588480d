package io.integrator.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrator.spi.CredentialStore;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class AuthTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final ClientCache cache = new ClientCache(new OkHttpClient());

  private Response get(RestConnection c, String path) throws Exception {
    return cache.client(c).newCall(new Request.Builder().url(c.resolve(path)).build()).execute();
  }

  private RestConnection conn(String extra) throws Exception {
    return RestConnection.of(Json.connection("c1", server.url("/api").toString(), extra));
  }

  private RecordedRequest take() throws InterruptedException {
    return server.takeRequest(5, TimeUnit.SECONDS);
  }

  @Test
  void basicAuth() throws Exception {
    server.enqueue(Json.ok("{}"));
    get(conn("\"basicAuth\": {\"username\": \"ann\", \"password\": \"pw\"}"), "/x").close();
    assertThat(take().getHeaders().get("Authorization")).isEqualTo("Basic "
        + Base64.getEncoder().encodeToString("ann:pw".getBytes()));
  }

  @Test
  void bearerTokenInADefaultHeaderACustomHeaderAndBare() throws Exception {
    server.enqueue(Json.ok("{}"));
    server.enqueue(Json.ok("{}"));
    server.enqueue(Json.ok("{}"));
    get(conn("\"bearerToken\": \"tok\""), "/x").close();
    assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer tok");
    get(conn("\"bearerToken\": \"tok\", \"authHeader\": \"X-Api-Key\", \"authScheme\": \"MAC\""),
        "/x").close();
    RecordedRequest custom = take();
    assertThat(custom.getHeaders().get("X-Api-Key")).isEqualTo("MAC tok");
    assertThat(custom.getHeaders().get("Authorization")).isNull();
    get(conn("\"bearerToken\": \"tok\", \"authHeader\": \"X-Key\", \"authScheme\": \"\""), "/x")
        .close();
    assertThat(take().getHeaders().get("X-Key")).isEqualTo("tok");
  }

  @Test
  void tokenInTheUrl() throws Exception {
    server.enqueue(Json.ok("{}"));
    server.enqueue(Json.ok("{}"));
    get(conn("\"bearerToken\": \"tok\", \"tokenLocation\": \"url\""), "/x?a=1").close();
    RecordedRequest r = take();
    assertThat(r.getUrl().queryParameter("access_token")).isEqualTo("tok");
    assertThat(r.getUrl().queryParameter("a")).isEqualTo("1");
    assertThat(r.getHeaders().get("Authorization")).isNull();
    get(conn("\"bearerToken\": \"tok\", \"tokenLocation\": \"url\", \"tokenParam\": \"key\""),
        "/x").close();
    assertThat(take().getUrl().queryParameter("key")).isEqualTo("tok");
  }

  private String oauth(String extra) {
    return "\"authType\": \"oauth\", \"authURI\": \"" + server.url("/token") + "\","
        + " \"scope\": [\"read\", \"write\"], \"scopeDelimiter\": \",\","
        + " \"_iClient\": {\"oauth2\": {\"clientId\": \"app\", \"clientSecret\": \"appsecret\"}}"
        + (extra.isEmpty() ? "" : ", " + extra);
  }

  @Test
  void oauthClientCredentialsFetchesATokenFirst() throws Exception {
    server.enqueue(Json.ok("{\"access_token\": \"A1\", \"expires_in\": 3600}"));
    server.enqueue(Json.ok("{}"));
    server.enqueue(Json.ok("{}"));
    RestConnection c = conn(oauth(""));
    get(c, "/x").close();
    get(c, "/y").close();
    RecordedRequest token = take();
    assertThat(token.getUrl().encodedPath()).isEqualTo("/token");
    assertThat(token.getMethod()).isEqualTo("POST");
    assertThat(token.getBody().utf8()).isEqualTo("grant_type=client_credentials&scope=read%2Cwrite");
    assertThat(token.getHeaders().get("Authorization")).isEqualTo("Basic "
        + Base64.getEncoder().encodeToString("app:appsecret".getBytes()));
    assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer A1");
    assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer A1");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void a401RefreshesOnceWithTheRefreshTokenAndRetriesOnce() throws Exception {
    server.enqueue(Json.status(401, "{\"message\": \"expired\"}"));
    server.enqueue(Json.ok("{\"access_token\": \"NEW\", \"refresh_token\": \"R2\"}"));
    server.enqueue(Json.ok("{\"ok\": true}"));
    RestConnection c = conn(oauth("\"bearerToken\": \"OLD\", \"refreshToken\": \"R1\""));
    try (Response r = get(c, "/x")) {
      assertThat(r.code()).isEqualTo(200);
    }
    assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer OLD");
    RecordedRequest refresh = take();
    assertThat(refresh.getBody().utf8())
        .isEqualTo("grant_type=refresh_token&refresh_token=R1&scope=read%2Cwrite");
    assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer NEW");

    // the rotated refresh token is used next time
    server.enqueue(Json.status(401, "{}"));
    server.enqueue(Json.ok("{\"access_token\": \"NEWER\"}"));
    server.enqueue(Json.ok("{}"));
    get(c, "/x").close();
    take();
    assertThat(take().getBody().utf8()).contains("refresh_token=R2");
    assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer NEWER");
  }

  @Test
  void aRefreshedTokenAndTheRotatedRefreshTokenAreStoredWithTheConnection() throws Exception {
    List<String> stored = new CopyOnWriteArrayList<>();
    CredentialStore credentials = (id, secrets) -> stored.add(id + " " + secrets);
    server.enqueue(Json.status(401, "{}"));
    server.enqueue(Json.ok("{\"access_token\": \"NEW\", \"refresh_token\": \"R2\"}"));
    server.enqueue(Json.ok("{}"));
    RestConnection c = conn(oauth("\"bearerToken\": \"OLD\", \"refreshToken\": \"R1\""));
    cache.client(c, credentials).newCall(new Request.Builder().url(c.resolve("/x")).build())
        .execute().close();
    assertThat(stored).containsExactly("c1 {rest.bearerToken=NEW, rest.refreshToken=R2}");

    // a store that fails costs the next process a refresh, not this request
    CredentialStore broken = (id, secrets) -> {
      throw new IllegalStateException("store closed");
    };
    server.enqueue(Json.ok("{\"access_token\": \"FIRST\"}"));
    server.enqueue(Json.ok("{}"));
    RestConnection fresh = conn(oauth("\"concurrencyLevel\": 3"));
    try (Response r = cache.client(fresh, broken).newCall(
        new Request.Builder().url(fresh.resolve("/y")).build()).execute()) {
      assertThat(r.code()).isEqualTo(200);
    }
  }

  @Test
  void aCopyOfTheConnectionReadBeforeARefreshDoesNotBringBackTheUsedTokens() throws Exception {
    server.enqueue(Json.status(401, "{}"));
    server.enqueue(Json.ok("{\"access_token\": \"NEW\", \"refresh_token\": \"R2\"}"));
    server.enqueue(Json.ok("{}"));
    RestConnection before = conn(oauth("\"bearerToken\": \"OLD\", \"refreshToken\": \"R1\""));
    get(before, "/x").close();
    take();
    take();
    take();
    // a run that read the connection before the refresh asks for its client again
    server.enqueue(Json.ok("{}"));
    get(before, "/y").close();
    assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer NEW");
    // the stored connection, as the store now has it, is the same client too
    server.enqueue(Json.ok("{}"));
    RestConnection stored = conn(oauth("\"bearerToken\": \"NEW\", \"refreshToken\": \"R2\""));
    assertThat(cache.client(stored)).isSameAs(cache.client(before));
    get(stored, "/z").close();
    assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer NEW");
  }

  @Test
  void tokensGoToTheStoreOfTheEngineThatAskedForTheClientLast() throws Exception {
    List<String> closedEngine = new CopyOnWriteArrayList<>();
    List<String> newEngine = new CopyOnWriteArrayList<>();
    RestConnection c = conn(oauth("\"bearerToken\": \"OLD\", \"refreshToken\": \"R1\""));
    cache.client(c, (id, secrets) -> closedEngine.add(id));
    OkHttpClient again = cache.client(c, (id, secrets) -> newEngine.add(id + " " + secrets));
    server.enqueue(Json.status(401, "{}"));
    server.enqueue(Json.ok("{\"access_token\": \"NEW\", \"refresh_token\": \"R2\"}"));
    server.enqueue(Json.ok("{}"));
    again.newCall(new Request.Builder().url(c.resolve("/x")).build()).execute().close();
    assertThat(closedEngine).isEmpty();
    assertThat(newEngine).containsExactly("c1 {rest.bearerToken=NEW, rest.refreshToken=R2}");
  }

  @Test
  void aSecond401IsReturnedAsItIsAfterOneRefresh() throws Exception {
    server.enqueue(Json.status(401, "{}"));
    server.enqueue(Json.ok("{\"access_token\": \"NEW\"}"));
    server.enqueue(Json.status(401, "{\"message\": \"still no\"}"));
    RestConnection c = conn(oauth("\"bearerToken\": \"OLD\""));
    try (Response r = get(c, "/x")) {
      assertThat(r.code()).isEqualTo(401);
      assertThat(Responses.classify(r, c)).isEqualTo("connection");
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void aRefusedTokenRequestFailsWithAConnectionError() throws Exception {
    server.enqueue(Json.status(400, "{\"error\": \"invalid_client\","
        + " \"error_description\": \"unknown client\"}"));
    RestConnection c = conn(oauth(""));
    assertThatThrownBy(() -> get(c, "/x"))
        .isInstanceOf(AuthFailedException.class)
        .hasMessageContaining("OAuth 2.0 token request (client_credentials) of connection 'c1'")
        .hasMessageContaining("refused with 400: unknown client")
        .hasMessageNotContaining("appsecret");
  }

  @Test
  void clientsAreSharedPerConnectionAndReplacedWhenSettingsChange() throws Exception {
    RestConnection a = conn("\"bearerToken\": \"t1\"");
    OkHttpClient first = cache.client(a);
    assertThat(cache.client(conn("\"bearerToken\": \"t1\""))).isSameAs(first);
    // a new token (the user replaced it) is the same client, which takes it up
    server.enqueue(Json.ok("{}"));
    RestConnection renewed = conn("\"bearerToken\": \"t2\"");
    assertThat(cache.client(renewed)).isSameAs(first);
    get(renewed, "/x").close();
    assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer t2");
    // other settings make a new client
    OkHttpClient second = cache.client(conn("\"bearerToken\": \"t2\", \"concurrencyLevel\": 3"));
    assertThat(second).isNotSameAs(first);
    assertThat(second.connectionPool()).isSameAs(first.connectionPool());
    assertThat(second.dispatcher()).isSameAs(cache.root().dispatcher());
    assertThat(cache.size()).isEqualTo(1);
  }

  @Test
  void theDefaultRootLetsFiftyAsynchronousCallsGoToOneHost() {
    okhttp3.Dispatcher d = ClientCache.defaultRoot().dispatcher();
    assertThat(d.getMaxRequestsPerHost()).isEqualTo(50);
    assertThat(d.getMaxRequests()).isEqualTo(100);
  }

  @Test
  void concurrencyLevelHoldsASlotUntilTheBodyIsClosed() throws Exception {
    server.enqueue(Json.ok("{}"));
    RestConnection c = conn("\"concurrencyLevel\": 2");
    ConcurrencyInterceptor slots = (ConcurrencyInterceptor) cache.client(c).interceptors().get(0);
    Response r = get(c, "/x");
    assertThat(slots.available()).isEqualTo(1);
    r.close();
    assertThat(slots.available()).isEqualTo(2);
  }
}
