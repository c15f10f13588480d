package io.integrator.rest;

import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.MediaType;
import okio.Buffer;
import org.junit.jupiter.api.Test;

class BodiesTest {

  private static String text(okhttp3.RequestBody b) throws Exception {
    Buffer buf = new Buffer();
    b.writeTo(buf);
    return buf.readUtf8();
  }

  @Test
  void objectsAreEncodedPerMediaType() throws Exception {
    var body = Json.obj("{\"a\": \"x y\", \"n\": 1, \"tags\": [\"p\", \"q\"], \"o\": {\"k\": 1}}");
    okhttp3.RequestBody json = Bodies.encode(body, BodyType.JSON);
    assertThat(json.contentType().toString()).isEqualTo("application/json; charset=utf-8");
    assertThat(text(json)).isEqualTo("{\"a\":\"x y\",\"n\":1,\"tags\":[\"p\",\"q\"],\"o\":{\"k\":1}}");
    okhttp3.RequestBody form = Bodies.encode(body, BodyType.URLENCODED);
    assertThat(form.contentType().toString()).isEqualTo("application/x-www-form-urlencoded");
    assertThat(text(form)).isEqualTo("a=x+y&n=1&tags=p&tags=q&o=%7B%22k%22%3A1%7D");
    assertThat(text(Bodies.encode(Json.tree("\"raw text\""), BodyType.JSON))).isEqualTo("raw text");
  }

  @Test
  void responsesAreParsedPerContentType() throws Exception {
    assertThat(Bodies.parse("{\"a\":1}", null).path("a").asInt()).isEqualTo(1);
    assertThat(Bodies.parse("{\"a\":1}", MediaType.get("application/vnd.api+json"))
        .path("a").asInt()).isEqualTo(1);
    assertThat(Bodies.parse("a=1&b=x+y", MediaType.get("application/x-www-form-urlencoded"))
        .path("b").asText()).isEqualTo("x y");
    assertThat(Bodies.parse("<x/>", MediaType.get("application/xml")).asText()).isEqualTo("<x/>");
    assertThat(Bodies.parse("not json", MediaType.get("text/plain")).asText())
        .isEqualTo("not json");
    assertThat(Bodies.parse("", null).isMissingNode()).isTrue();
  }

  @Test
  void responseBodiesAreReadFromBytesOrTextPerCharset() throws Exception {
    MediaType json = MediaType.get("application/json; charset=utf-8");
    assertThat(Bodies.parse(okhttp3.ResponseBody.create("{\"name\":\"Zo\u00eb\"}", json))
        .path("name").asText()).isEqualTo("Zo\u00eb");
    MediaType latin1 = MediaType.get("application/json; charset=iso-8859-1");
    byte[] bytes = "{\"name\":\"Zo\u00eb\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(Bodies.parse(okhttp3.ResponseBody.create(bytes, latin1)).path("name").asText())
        .isEqualTo("Zo\u00eb");
    assertThat(Bodies.parse(okhttp3.ResponseBody.create(" \n", json)).isMissingNode()).isTrue();
  }

  @Test
  void aBodyThatIsNotItsClaimedJsonIsAnErrorOrLenientlyText() throws Exception {
    MediaType json = MediaType.get("application/json");
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> Bodies.parse(okhttp3.ResponseBody.create("<html>oops</html>", json)))
        .isInstanceOf(java.io.IOException.class);
    assertThat(Bodies.parseLenient(okhttp3.ResponseBody.create("<html>oops</html>", json))
        .asText()).isEqualTo("<html>oops</html>");
    assertThat(Bodies.parseLenient(okhttp3.ResponseBody.create("{bad", MediaType.get(
        "application/json; charset=utf-16"))).asText()).isEqualTo("{bad");
  }
}
