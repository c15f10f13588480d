package io.integrator.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.integrator.spi.LookupException;
import io.integrator.spi.LookupQuery;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RestLookupSourceTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final ClientCache cache = new ClientCache(new OkHttpClient());
  final List<RecordedRequest> seen = new CopyOnWriteArrayList<>();
  /** "METHOD /path?query" -> response. */
  final Map<String, MockResponse> routes = new ConcurrentHashMap<>();
  RestLookupSource source;

  @BeforeEach
  void setUp() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        seen.add(r);
        String key = r.getMethod() + " " + r.getTarget();
        MockResponse m = routes.get(key);
        return m != null ? m : Json.status(404, "{\"message\": \"not found\"}");
      }
    });
    RestConnection c = RestConnection.of(Json.connection("c1", server.url("/api").toString(),
        "\"bearerToken\": \"t0k\""));
    source = new RestLookupSource(cache.client(c), c);
  }

  private static LookupQuery q(JsonNode value, String record) {
    return new LookupQuery(value, Json.obj(record));
  }

  @Test
  void getsEachDistinctQueryAndTakesTheValueAtExtract() throws Exception {
    routes.put("GET /api/customers?email=a%40x.test", Json.ok("[{\"id\": \"c-a\"}]"));
    routes.put("GET /api/customers?email=b%40x.test", Json.ok("[]"));
    routes.put("GET /api/customers?email=c%40x.test", Json.ok("[{\"id\": \"\"}]"));
    ObjectNode def = Json.obj("""
        {"name": "customer", "relativeURI": "/customers?email={email}", "extract": "0.id"}""");
    List<List<JsonNode>> answers = source.resolve(def, List.of(
        q(NullNode.getInstance(), "{\"email\": \"a@x.test\"}"),
        q(NullNode.getInstance(), "{\"email\": \"b@x.test\"}"),
        q(NullNode.getInstance(), "{\"email\": \"c@x.test\"}"),
        q(NullNode.getInstance(), "{\"email\": \"nobody@x.test\"}")));
    assertThat(answers).hasSize(4);
    assertThat(answers.get(0)).containsExactly(TextNode.valueOf("c-a"));
    assertThat(answers.get(1)).isEmpty();
    assertThat(answers.get(2)).isEmpty();
    assertThat(answers.get(3)).as("404 is no match").isEmpty();
    assertThat(seen).hasSize(4).allSatisfy(r ->
        assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer t0k"));
  }

  @Test
  void theInputValueIsUnderscoreValueAndAnArrayAtExtractIsSeveralMatches() throws Exception {
    routes.put("GET /api/items?sku=S%201", Json.ok("{\"ids\": [\"i1\", \"i2\"]}"));
    ObjectNode def = Json.obj("""
        {"name": "item", "relativeURI": "/items?sku={_value}", "extract": "ids"}""");
    List<List<JsonNode>> answers = source.resolve(def, List.of(
        q(TextNode.valueOf("S 1"), "{\"sku\": \"ignored\"}")));
    assertThat(answers.get(0)).containsExactly(TextNode.valueOf("i1"), TextNode.valueOf("i2"));
  }

  @Test
  void postsPostDataRenderedFromTheRecord() throws Exception {
    routes.put("POST /api/search", Json.ok("{\"hits\": [{\"id\": 42}]}"));
    ObjectNode def = Json.obj("""
        {"name": "s", "relativeURI": "/search", "method": "POST",
         "postData": {"query": {"email": "{{email}}"}}, "extract": "hits.0.id"}""");
    List<List<JsonNode>> answers = source.resolve(def, List.of(
        q(NullNode.getInstance(), "{\"email\": \"a@x.test\"}")));
    assertThat(answers.get(0)).hasSize(1);
    assertThat(answers.get(0).get(0).asInt()).isEqualTo(42);
    assertThat(Json.tree(seen.get(0).getBody().utf8()))
        .isEqualTo(Json.tree("{\"query\": {\"email\": \"a@x.test\"}}"));
  }

  @Test
  void aPlaceholderWithoutAValueIsNoMatchWithoutARequest() throws Exception {
    ObjectNode def = Json.obj("""
        {"name": "customer", "relativeURI": "/customers?email={email}", "extract": "0.id"}""");
    assertThat(source.resolve(def, List.of(q(NullNode.getInstance(), "{\"name\": \"x\"}"))).get(0))
        .isEmpty();
    assertThat(seen).isEmpty();
  }

  @Test
  void failuresThrowWithStatusMessageAndClassification() {
    routes.put("GET /api/down", Json.status(503, "{\"message\": \"maintenance\"}"));
    routes.put("GET /api/denied", Json.status(403, "{\"message\": \"no access\"}"));
    LookupException down = catchThrowableOfType(LookupException.class, () -> source.resolve(
        Json.obj("{\"name\": \"d\", \"relativeURI\": \"/down\"}"),
        List.of(q(NullNode.getInstance(), "{}"))));
    assertThat(down.code()).isEqualTo("503");
    assertThat(down.classification()).isEqualTo(LookupException.INTERMITTENT);
    assertThat(down.getMessage()).contains("lookup 'd'").contains("maintenance");
    LookupException denied = catchThrowableOfType(LookupException.class, () -> source.resolve(
        Json.obj("{\"name\": \"d\", \"relativeURI\": \"/denied\"}"),
        List.of(q(NullNode.getInstance(), "{}"))));
    assertThat(denied.classification()).isEqualTo(LookupException.CONNECTION);
  }

  @Test
  void theCacheKeyIsTheRenderedRequest() {
    ObjectNode def = Json.obj("""
        {"name": "customer", "relativeURI": "/customers?email={email}", "extract": "0.id"}""");
    String a = source.cacheKey(def, q(TextNode.valueOf("same"), "{\"email\": \"a@x.test\"}"));
    String b = source.cacheKey(def, q(TextNode.valueOf("same"), "{\"email\": \"b@x.test\"}"));
    String a2 = source.cacheKey(def, q(TextNode.valueOf("other"), "{\"email\": \"a@x.test\"}"));
    assertThat(a).isNotEqualTo(b).isEqualTo(a2).contains("GET /customers?email=a%40x.test");
  }
}
