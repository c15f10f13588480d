package io.integrator.rest;

import static org.assertj.core.api.Assertions.assertThat;

import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

/** Fixed and adaptive ({@code autoRecoverRateLimitErrors}) slots of a connection. */
class ConnectionSlotsTest {
  @StartStop final MockWebServer server = new MockWebServer();

  @Test
  void throttlingDropsAdaptiveSlotsToOneAndEveryTenSuccessesAddOneUpToTheTarget()
      throws Exception {
    ConnectionSlots slots = ConnectionSlots.adaptive(3);
    assertThat(slots.limit()).isEqualTo(3);
    slots.answered(true);
    assertThat(slots.limit()).isEqualTo(1);
    for (int round = 2; round <= 4; round++) {
      for (int i = 0; i < ConnectionSlots.SUCCESSES_PER_STEP - 1; i++) {
        slots.answered(false);
      }
      int before = slots.limit();
      slots.answered(false);
      assertThat(slots.limit()).isEqualTo(Math.min(3, before + 1));
    }
    assertThat(slots.limit()).isEqualTo(3);
    slots.acquire();
    slots.answered(true); // throttled again while one request is in flight
    assertThat(slots.available()).isZero();
    slots.release();
    assertThat(slots.available()).isEqualTo(1);
  }

  @Test
  void fixedSlotsIgnoreThrottling() {
    ConnectionSlots slots = ConnectionSlots.fixed(2);
    slots.answered(true);
    assertThat(slots.limit()).isEqualTo(2);
  }

  @Test
  void aConnectionWithAutoRecoveryDropsToOneSlotOnA429FromItsServer() throws Exception {
    RestConnection c = RestConnection.of(Json.connection("adaptive",
        server.url("/api").toString(), "\"concurrencyLevel\": 2, \"targetConcurrencyLevel\": 4,"
            + " \"autoRecoverRateLimitErrors\": true, \"rateLimit\": {\"failStatusCode\": 420}"));
    OkHttpClient client = new ClientCache(new OkHttpClient()).client(c);
    ConcurrencyInterceptor gate = (ConcurrencyInterceptor) client.interceptors().get(0);
    assertThat(gate.available()).isEqualTo(4);
    server.enqueue(Json.status(420, "{\"message\": \"enhance your calm\"}"));
    client.newCall(new Request.Builder().url(c.resolve("/x")).build()).execute().close();
    assertThat(gate.available()).isEqualTo(1);
    for (int i = 0; i < ConnectionSlots.SUCCESSES_PER_STEP; i++) {
      server.enqueue(Json.ok("{}"));
      client.newCall(new Request.Builder().url(c.resolve("/x")).build()).execute().close();
    }
    assertThat(gate.available()).isEqualTo(2);
  }
}
