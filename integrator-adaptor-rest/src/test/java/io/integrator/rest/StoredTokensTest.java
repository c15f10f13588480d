package io.integrator.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrator.Integrator;
import io.integrator.store.Stores;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OAuth 2.0 providers that rotate refresh tokens accept each one once. The token a process
 * refreshed, and the refresh token that came with it, are stored with the connection, so the next
 * process (a new engine on the same store, a new client) refreshes with the rotated token instead
 * of the used one.
 */
class StoredTokensTest {
  @StartStop final MockWebServer provider = new MockWebServer();
  @TempDir Path dir;

  private final Set<String> accessTokens = ConcurrentHashMap.newKeySet();
  private final Set<String> refreshTokens = ConcurrentHashMap.newKeySet();
  private final AtomicInteger issued = new AtomicInteger();

  private void serve() {
    refreshTokens.add("R0");
    provider.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        if (r.getUrl().encodedPath().equals("/token")) {
          String form = r.getBody().utf8();
          String used = form.replaceAll(".*refresh_token=([^&]*).*", "$1");
          if (!form.contains("grant_type=refresh_token") || !refreshTokens.remove(used)) {
            return Json.status(400, "{\"error\": \"invalid_grant\"}");
          }
          int n = issued.incrementAndGet();
          accessTokens.add("A" + n);
          refreshTokens.add("R" + n);
          return Json.ok("{\"access_token\": \"A" + n + "\", \"refresh_token\": \"R" + n + "\"}");
        }
        String auth = r.getHeaders().get("Authorization");
        return auth != null && accessTokens.contains(auth.substring("Bearer ".length()))
            ? Json.ok("{\"active\": true}") : Json.status(401, "{\"error\": \"invalid_token\"}");
      }
    });
  }

  /** A process: a new engine on the store in {@code dir}, with a REST adaptor of its own clients. */
  private Integrator process() {
    return Integrator.builder().store(Stores.h2File(dir))
        .adaptor(new RestAdaptor(new ClientCache(new OkHttpClient()), RetryPolicy.DEFAULT))
        .build();
  }

  @Test
  void theNextProcessRefreshesWithTheRotatedRefreshToken() {
    serve();
    String id;
    try (Integrator first = process()) {
      id = first.connections().create("""
          {"name": "CRM", "type": "http", "http": {"baseURI": "%s", "mediaType": "json",
           "authType": "oauth", "authURI": "%s", "bearerToken": "OLD", "refreshToken": "R0",
           "pingRelativeURI": "/me"}}"""
          .formatted(provider.url("/api"), provider.url("/token"))).id();
      assertThat(first.ping(id).ok()).isTrue();
      assertThat(first.connections().get(id).toString())
          .doesNotContain("A1").doesNotContain("R1").contains("********");
    }
    accessTokens.clear(); // A1 expires while no process runs
    try (Integrator next = process()) {
      assertThat(next.ping(id).ok()).as("refresh with R1, not the used R0").isTrue();
    }
    assertThat(issued).hasValue(2);
  }
}
