package io.integrator.rest;

import static io.integrator.rest.ExportFixture.ids;
import static io.integrator.rest.ExportFixture.records;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrator.spi.AdaptorException;
import io.integrator.spi.Classification;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class ExportFailureTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final ExportFixture f = new ExportFixture(server);
  static final String EXPORT = "{\"_id\": \"e1\", \"rest\": {\"relativeURI\": \"/x\"}}";

  private static AdaptorException failure(ThrowingRunnable r) {
    try {
      r.run();
    } catch (AdaptorException e) {
      return e;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("no AdaptorException");
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }

  @Test
  void intermittentFailuresAreRetriedInsideTheReader() throws Exception {
    server.enqueue(Json.status(503, "{}"));
    server.enqueue(Json.status(502, "{}"));
    server.enqueue(Json.ok(records("a", 0, 1)));
    assertThat(ids(f.pages(EXPORT))).containsExactly("a0");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void intermittentFailuresGiveUpAfterFourTries() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(Json.status(503, "{\"message\": \"maintenance\"}"));
    }
    AdaptorException e = failure(() -> f.pages(EXPORT));
    assertThat(e.classification()).isEqualTo(Classification.INTERMITTENT);
    assertThat(e.code()).isEqualTo("503");
    assertThat(e.getMessage()).contains("export 'e1' page 1 (after 4 tries): GET")
        .contains("returned 503").contains("maintenance");
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void throttlingWaitsAndDoesNotUseUpAttempts() throws Exception {
    for (int i = 0; i < 5; i++) {
      server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0")
          .body("{}").build());
    }
    server.enqueue(Json.ok(records("a", 0, 1)));
    assertThat(ids(f.pages(EXPORT))).containsExactly("a0");
    assertThat(server.getRequestCount()).isEqualTo(6);
  }

  @Test
  void aWaitOverTheCapFailsAsRateLimitAtOnce() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3600")
        .body("{\"errors\": [{\"code\": \"rate_limited\", \"message\": \"hourly quota\"}]}")
        .build());
    AdaptorException e = failure(() -> f.pages(EXPORT));
    assertThat(e.classification()).isEqualTo(Classification.RATE_LIMIT);
    assertThat(e.retryAfter()).contains(Duration.ofMinutes(5));
    assertThat(e.getMessage()).contains("asked to wait 3600 s").contains("hourly quota");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aCustomRetryHeaderAndThrottleStatusAreHonoured() throws Exception {
    f.type = "http";
    f.connectionExtra = "\"retryHeader\": \"X-Wait\", \"rateLimit\": {\"failStatusCode\": 420}";
    server.enqueue(new MockResponse.Builder().code(420).addHeader("X-Wait", "0").body("").build());
    server.enqueue(Json.ok(records("a", 0, 1)));
    assertThat(ids(f.pages("{\"http\": {\"relativeURI\": \"/x\"}}"))).containsExactly("a0");
  }

  @Test
  void clientErrorsFailAtOnceWithTheServersMessage() {
    server.enqueue(Json.status(400, "{\"errors\": [{\"code\": \"invalid_query\","
        + " \"message\": \"unknown field 'foo'\"}]}"));
    AdaptorException e = failure(() -> f.pages(EXPORT));
    assertThat(e.classification()).isEqualTo(Classification.VALUE);
    assertThat(e.code()).isEqualTo("400");
    assertThat(e.getMessage()).contains("returned 400").contains("unknown field 'foo'");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void refusedCredentialsAreAConnectionFailure() {
    f.connectionExtra = "\"bearerToken\": \"secret-token\"";
    server.enqueue(Json.status(403, "{\"message\": \"forbidden\"}"));
    AdaptorException e = failure(() -> f.pages(EXPORT));
    assertThat(e.classification()).isEqualTo(Classification.CONNECTION);
    assertThat(e.getMessage()).contains("credentials of connection 'c1' were refused")
        .doesNotContain("secret-token");
  }

  @Test
  void oauthRefreshesOnceThenAFurther401IsAConnectionFailure() {
    f.connectionExtra = "\"authType\": \"oauth\", \"bearerToken\": \"old\", \"refreshToken\": \"r\","
        + " \"authURI\": \"" + server.url("/token") + "\"";
    server.enqueue(Json.status(401, "{}"));
    server.enqueue(Json.ok("{\"access_token\": \"new\"}"));
    server.enqueue(Json.status(401, "{\"message\": \"revoked\"}"));
    AdaptorException e = failure(() -> f.pages(EXPORT));
    assertThat(e.classification()).isEqualTo(Classification.CONNECTION);
    assertThat(e.code()).isEqualTo("401");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void timeoutsAreRetriedAndThenIntermittent() {
    ExportFixture f = new ExportFixture(server, Duration.ofMillis(200));
    for (int i = 0; i < 4; i++) {
      server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE)
          .build());
    }
    AdaptorException e = failure(() -> f.pages(EXPORT));
    assertThat(e.classification()).isEqualTo(Classification.INTERMITTENT);
    assertThat(e.code()).isEqualTo("timeout");
    assertThat(e.getMessage()).contains("export 'e1' page 1 (after 4 tries)");
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void aResetConnectionIsRetried() throws Exception {
    server.enqueue(new MockResponse.Builder()
        .onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build());
    server.enqueue(Json.ok(records("a", 0, 1)));
    assertThat(ids(f.pages(EXPORT))).containsExactly("a0");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }
}
