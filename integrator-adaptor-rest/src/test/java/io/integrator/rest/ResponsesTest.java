package io.integrator.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrator.spi.AdaptorException;
import io.integrator.spi.Classification;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

class ResponsesTest {

  private static Response response(int code, String header, String value, String body) {
    Response.Builder b = new Response.Builder().request(new Request.Builder()
            .url("https://api.test/items?access_token=s3cret").build())
        .protocol(Protocol.HTTP_1_1).code(code).message("Msg")
        .body(ResponseBody.create(body, Bodies.JSON));
    if (header != null) {
      b.header(header, value);
    }
    return b.build();
  }

  @Test
  void statusesAreClassifiedWithTheSpiDefaults() throws Exception {
    RestConnection c = RestConnection.of(Json.connection("c", "https://api.test", ""));
    assertThat(Responses.classify(400, c)).isEqualTo(Classification.VALUE);
    assertThat(Responses.classify(404, c)).isEqualTo(Classification.VALUE);
    assertThat(Responses.classify(401, c)).isEqualTo(Classification.CONNECTION);
    assertThat(Responses.classify(403, c)).isEqualTo(Classification.CONNECTION);
    assertThat(Responses.classify(429, c)).isEqualTo(Classification.RATE_LIMIT);
    assertThat(Responses.classify(503, c)).isEqualTo(Classification.INTERMITTENT);
    assertThat(Responses.classify(500, c)).isEqualTo(Classification.INTERMITTENT);
    RestConnection custom = RestConnection.of(Json.obj("""
        {"_id": "c", "type": "http", "http": {"baseURI": "https://a.test", "mediaType": "json",
          "rateLimit": {"failStatusCode": 420}}}"""));
    assertThat(Responses.classify(420, custom)).isEqualTo(Classification.RATE_LIMIT);
  }

  @Test
  void networkFailuresAreIntermittentAndTokenFailuresConnection() {
    assertThat(Responses.classify(new SocketTimeoutException("timeout")))
        .isEqualTo(Classification.INTERMITTENT);
    assertThat(Responses.classify(new SocketException("Connection reset")))
        .isEqualTo(Classification.INTERMITTENT);
    assertThat(Responses.classify(new ConnectException("refused")))
        .isEqualTo(Classification.INTERMITTENT);
    assertThat(Responses.classify(new IOException("unexpected end of stream")))
        .isEqualTo(Classification.INTERMITTENT);
    assertThat(Responses.classify(new AuthFailedException("no", 400)))
        .isEqualTo(Classification.CONNECTION);
    assertThat(Responses.code(new SocketTimeoutException("timeout"))).isEqualTo("timeout");
  }

  @Test
  void retryHeaderReadsSecondsAndHttpDatesCappedAtFiveMinutes() {
    assertThat(Responses.serverWait(response(429, "Retry-After", "7", ""), null))
        .contains(Duration.ofSeconds(7));
    assertThat(Responses.serverWait(response(429, "Retry-After", "1.5", ""), "Retry-After"))
        .contains(Duration.ofMillis(1500));
    assertThat(Responses.serverWait(response(429, "X-Wait", "2", ""), "X-Wait"))
        .contains(Duration.ofSeconds(2));
    assertThat(Responses.serverWait(response(429, "Retry-After", "86400", ""), null))
        .contains(Duration.ofMinutes(5));
    assertThat(Responses.uncappedWait(response(429, "Retry-After", "86400", ""), null))
        .contains(Duration.ofDays(1));
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
        ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(120));
    Duration fromDate = Responses.serverWait(response(503, "Retry-After", date, ""), null)
        .orElseThrow();
    assertThat(fromDate).isBetween(Duration.ofSeconds(100), Duration.ofSeconds(121));
    String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(
        ZonedDateTime.now(ZoneOffset.UTC).minusSeconds(120));
    assertThat(Responses.serverWait(response(503, "Retry-After", past, ""), null))
        .contains(Duration.ZERO);
    assertThat(Responses.serverWait(response(503, "Retry-After", "soon", ""), null)).isEmpty();
    assertThat(Responses.serverWait(response(503, null, null, ""), null)).isEmpty();
  }

  @Test
  void serverMessagesAreFoundInCommonErrorShapes() {
    assertThat(Responses.serverMessage("{\"errors\":[{\"code\":\"x\",\"message\":\"bad name\"}]}"))
        .isEqualTo("bad name");
    assertThat(Responses.serverMessage("{\"error\":\"invalid_grant\","
        + "\"error_description\":\"expired\"}")).isEqualTo("expired");
    assertThat(Responses.serverMessage("{\"message\":\"nope\"}")).isEqualTo("nope");
    assertThat(Responses.serverMessage("plain failure")).isEqualTo("plain failure");
    assertThat(Responses.serverMessage("x".repeat(900))).hasSize(503);
  }

  @Test
  void failureCarriesStatusClassificationWaitAndAMaskedUrl() throws Exception {
    RestConnection c = RestConnection.of(Json.connection("c1", "https://api.test",
        "\"bearerToken\": \"s3cret\", \"tokenLocation\": \"url\""));
    AdaptorException e = Responses.failure(response(429, "Retry-After", "3",
        "{\"errors\":[{\"message\":\"slow down\"}]}"), c, "export 'e1' page 1");
    assertThat(e.code()).isEqualTo("429");
    assertThat(e.classification()).isEqualTo(Classification.RATE_LIMIT);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
    assertThat(e.getMessage()).contains("export 'e1' page 1: GET https://api.test/items")
        .contains("returned 429").contains("slow down").doesNotContain("s3cret");
    AdaptorException auth = Responses.failure(response(401, null, null, "{}"), c, "x");
    assertThat(auth.classification()).isEqualTo(Classification.CONNECTION);
    assertThat(auth.getMessage()).contains("credentials of connection 'c1' were refused");
  }
}
