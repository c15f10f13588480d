package io.integrator.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrator.spi.AdaptorException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** {@code rateLimit.limit}: no more than that many requests start in any window. */
class RequestPacerTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final List<Long> arrivals = new CopyOnWriteArrayList<>();

  @Test
  void atMostLimitRequestsStartInAnyWindow() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        arrivals.add(System.nanoTime());
        return Json.ok("{}");
      }
    });
    RestConnection c = RestConnection.of(Json.connection("paced", server.url("/api").toString(),
        "\"concurrencyLevel\": 1, \"rateLimit\": {\"limit\": 3, \"windowMillis\": 300}"));
    OkHttpClient client = new ClientCache(new OkHttpClient()).client(c);
    for (int i = 0; i < 7; i++) {
      try (Response r = client.newCall(new Request.Builder().url(c.resolve("/x")).build()).execute()) {
        assertThat(r.code()).isEqualTo(200);
      }
    }
    assertThat(arrivals).hasSize(7);
    // requests 1-3 go at once; 4 waits until 1 leaves the window, 7 until 4 does
    for (int i = 3; i < 7; i++) {
      assertThat((arrivals.get(i) - arrivals.get(i - 3)) / 1_000_000)
          .as("request %d against request %d", i + 1, i - 2).isGreaterThanOrEqualTo(250);
    }
    assertThat((arrivals.get(2) - arrivals.get(0)) / 1_000_000).isLessThan(250);
  }

  @Test
  void theWindowIsOneSecondUnlessSaidAndMustBePositive() throws Exception {
    String base = server.url("/api").toString();
    RestConnection free = RestConnection.of(Json.connection("free", base, ""));
    assertThat(free.requestLimit()).isZero();
    RestConnection paced = RestConnection.of(Json.connection("p", base,
        "\"concurrencyLevel\": 1, \"rateLimit\": {\"limit\": 5}"));
    assertThat(paced.requestLimit()).isEqualTo(5);
    assertThat(paced.requestWindow().toMillis()).isEqualTo(1000);
    assertThatThrownBy(() -> RestConnection.of(Json.connection("bad", base,
        "\"rateLimit\": {\"limit\": 5, \"windowMillis\": 0}")))
        .isInstanceOf(AdaptorException.class)
        .hasMessageContaining("rateLimit.windowMillis");
  }
}
