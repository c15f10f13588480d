package io.integrator.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.integrator.spi.Classification;
import io.integrator.spi.ImportRecord;
import io.integrator.spi.SubmitResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class RestRecordWriterTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final ClientCache cache = new ClientCache(new OkHttpClient());
  final List<RecordedRequest> seen = new CopyOnWriteArrayList<>();
  final Map<String, Function<RecordedRequest, MockResponse>> routes = new ConcurrentHashMap<>();

  private void serve() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        seen.add(r);
        String key = r.getMethod() + " " + r.getUrl().encodedPath();
        Function<RecordedRequest, MockResponse> route = routes.get(key);
        return route != null ? route.apply(r) : Json.status(404, "{\"message\":\"no route " + key + "\"}");
      }
    });
  }

  private RestRecordWriter writer(String connectionExtra, String importSection) throws Exception {
    serve();
    RestConnection c = RestConnection.of(
        Json.connection("c1", server.url("/api").toString(), connectionExtra));
    ObjectNode imp = Json.obj("{\"_id\": \"i1\", \"rest\": " + importSection + "}");
    return new RestRecordWriter(cache.client(c), ImportEndpoint.of(imp), c);
  }

  private static ImportRecord rec(String mapped, String source, Map<String, JsonNode> lookups,
      String existingId, ImportRecord.Operation op) {
    return new ImportRecord(Json.obj(mapped), Json.obj(source), lookups, existingId, op);
  }

  @Test
  void postsTheMappedRecordAndReadsTheIdAtResponseIdPath() throws Exception {
    routes.put("POST /api/customers", r -> Json.status(201,
        "{\"data\": {\"key\": \"K-" + Json.tree(r.getBody().utf8()).path("name").asText() + "\"}}"));
    RestRecordWriter w = writer("", """
        {"relativeURI": "/customers", "method": "POST", "responseIdPath": "data.key"}""");
    List<SubmitResult> rs = w.submitRecords(List.of(
        rec("{\"name\": \"ann\"}", "{\"n\": 1}", Map.of(), null, ImportRecord.Operation.CREATE)));
    assertThat(rs).hasSize(1);
    assertThat(rs.get(0).isSuccess()).isTrue();
    assertThat(rs.get(0).statusCode()).isEqualTo(200);
    assertThat(rs.get(0).id()).isEqualTo("K-ann");
    assertThat(rs.get(0).json().path("data").path("key").asText()).isEqualTo("K-ann");
    RecordedRequest r = seen.get(0);
    assertThat(r.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(Json.tree(r.getBody().utf8())).isEqualTo(Json.tree("{\"name\": \"ann\"}"));
  }

  @Test
  void idDefaultsToIdThenUnderscoreId() throws Exception {
    routes.put("POST /api/a", r -> Json.ok("{\"id\": 7}"));
    routes.put("POST /api/b", r -> Json.ok("{\"_id\": \"x9\"}"));
    RestRecordWriter a = writer("", "{\"relativeURI\": \"/a\", \"method\": \"POST\"}");
    RestRecordWriter b = writer("", "{\"relativeURI\": \"/b\", \"method\": \"POST\"}");
    assertThat(a.submit(List.of(Json.obj("{}"))).get(0).id()).isEqualTo("7");
    assertThat(b.submit(List.of(Json.obj("{}"))).get(0).id()).isEqualTo("x9");
  }

  @Test
  void placeholdersComeFromTheSourceRecordLookupsWinAndResourceIdIsTheExistingId()
      throws Exception {
    routes.put("PUT /api/groups/G%201/customers/C-9", r -> Json.ok("{\"id\": \"C-9\"}"));
    RestRecordWriter w = writer("\"headers\": {\"X-Conn\": \"yes\"}", """
        {"relativeURI": "/groups/{group}/customers/{_resourceId}", "method": "PUT",
         "headers": {"X-Group": "{group}", "X-Name": "{{name}}"}}""");
    // the record has group "wrong"; the lookup named group wins
    List<SubmitResult> rs = w.submitRecords(List.of(rec("{\"name\": \"mapped\"}",
        "{\"group\": \"wrong\", \"name\": \"Ann\"}", Map.of("group", TextNode.valueOf("G 1")),
        "C-9", ImportRecord.Operation.UPDATE)));
    assertThat(rs.get(0).isSuccess()).as(rs.get(0).toString()).isTrue();
    RecordedRequest r = seen.get(0);
    assertThat(r.getHeaders().get("X-Group")).isEqualTo("G 1");
    assertThat(r.getHeaders().get("X-Name")).isEqualTo("Ann");
    assertThat(r.getHeaders().get("X-Conn")).isEqualTo("yes");
  }

  @Test
  void compositeArraysSendUpdatesToEntryZeroAndCreatesToEntryOne() throws Exception {
    routes.put("PUT /api/customers/c-1", r -> Json.ok("{\"id\": \"c-1\"}"));
    routes.put("POST /api/customers", r -> Json.status(201, "{\"id\": \"c-new\"}"));
    RestRecordWriter w = writer("", """
        {"relativeURI": ["/customers/{customer}", "/customers"], "method": ["PUT", "POST"]}""");
    List<SubmitResult> rs = w.submitRecords(List.of(
        rec("{\"n\": 1}", "{}", Map.of("customer", TextNode.valueOf("c-1")), null,
            ImportRecord.Operation.UPDATE),
        rec("{\"n\": 2}", "{}", Map.of(), null, ImportRecord.Operation.CREATE)));
    assertThat(rs).extracting(SubmitResult::id).containsExactly("c-1", "c-new");
  }

  @Test
  void requestTypesPickTheEntryAndDeleteSendsNoBody() throws Exception {
    routes.put("POST /api/items", r -> Json.ok("{\"id\": \"new\"}"));
    routes.put("DELETE /api/items/i-4", r -> new MockResponse.Builder().code(204).build());
    serve();
    RestConnection c = RestConnection.of(Json.connection("c1", server.url("/api").toString(), ""));
    ObjectNode imp = Json.obj("""
        {"_id": "i1", "http": {"relativeURI": ["/items/{_resourceId}", "/items"],
         "method": ["DELETE", "POST"], "requestType": ["UPDATE", "CREATE"]}}""");
    RestRecordWriter w = new RestRecordWriter(cache.client(c), ImportEndpoint.of(imp), c);
    List<SubmitResult> rs = w.submitRecords(List.of(
        rec("{\"a\": 1}", "{}", Map.of(), "i-4", ImportRecord.Operation.UPDATE),
        rec("{\"a\": 2}", "{}", Map.of(), null, ImportRecord.Operation.CREATE)));
    assertThat(rs).allMatch(SubmitResult::isSuccess);
    RecordedRequest delete = seen.stream().filter(r -> r.getMethod().equals("DELETE")).findFirst()
        .orElseThrow();
    assertThat(delete.getBodySize()).isZero();
  }

  @Test
  void urlencodedConnectionsSendFormBodies() throws Exception {
    routes.put("POST /api/forms", r -> Json.ok("{\"id\": 1}"));
    serve();
    RestConnection c = RestConnection.of(Json.obj("""
        {"_id": "c2", "type": "rest", "rest": {"baseURI": "%s", "mediaType": "urlencoded"}}"""
        .formatted(server.url("/api"))));
    RestRecordWriter w = new RestRecordWriter(cache.client(c),
        ImportEndpoint.of(Json.obj("{\"rest\": {\"relativeURI\": \"/forms\"}}")), c);
    w.submit(List.of(Json.obj("{\"name\": \"a b\", \"tags\": [\"x\", \"y\"]}")));
    RecordedRequest r = seen.get(0);
    assertThat(r.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
    assertThat(r.getBody().utf8()).isEqualTo("name=a+b&tags=x&tags=y");
  }

  @Test
  void failuresCarryStatusServerMessageClassificationAndServerWait() throws Exception {
    routes.put("POST /api/bad", r -> Json.status(400,
        "{\"errors\": [{\"message\": \"email is not valid\"}]}"));
    routes.put("POST /api/busy", r -> new MockResponse.Builder().code(503)
        .addHeader("Retry-After", "7").body("maintenance").build());
    routes.put("POST /api/slow", r -> new MockResponse.Builder().code(429)
        .addHeader("Retry-After", "2").body("{\"message\": \"slow down\"}").build());
    routes.put("POST /api/big", r -> Json.status(422, "{\"message\": \"" + "x".repeat(5000) + "\"}"));
    List<SubmitResult> rs = new ArrayList<>();
    for (String p : List.of("bad", "busy", "slow", "big")) {
      rs.addAll(writer("", "{\"relativeURI\": \"/" + p + "\", \"method\": \"POST\"}")
          .submit(List.of(Json.obj("{\"id\": 1}"))));
    }
    SubmitResult bad = rs.get(0);
    assertThat(bad.isError()).isTrue();
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.errors().get(0).code()).isEqualTo("400");
    assertThat(bad.errors().get(0).message()).contains("POST").contains("/api/bad")
        .contains("email is not valid").contains("import 'i1'");
    assertThat(bad.classification()).isEqualTo(Classification.VALUE);
    SubmitResult busy = rs.get(1);
    assertThat(busy.classification()).isEqualTo(Classification.INTERMITTENT);
    assertThat(busy.retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(busy.errors().get(0).message()).contains("maintenance");
    SubmitResult slow = rs.get(2);
    assertThat(slow.classification()).isEqualTo(Classification.RATE_LIMIT);
    assertThat(slow.retryAfter()).contains(Duration.ofSeconds(2));
    SubmitResult big = rs.get(3);
    assertThat(big.errors().get(0).message().length()).isLessThan(Responses.MAX_BODY_TEXT + 300);
  }

  @Test
  void successPathAndSuccessValuesDecideOnA2xx() throws Exception {
    routes.put("POST /api/s", r -> Json.ok(Json.tree(r.getBody().utf8()).path("reply").toString()));
    RestRecordWriter truthy = writer("", """
        {"relativeURI": "/s", "method": "POST", "successPath": "result.ok"}""");
    List<SubmitResult> rs = truthy.submit(List.of(
        Json.obj("{\"reply\": {\"result\": {\"ok\": true}, \"id\": \"a\"}}"),
        Json.obj("{\"reply\": {\"result\": {\"ok\": \"false\"}, \"message\": \"duplicate email\"}}")));
    assertThat(rs.get(0).isSuccess()).isTrue();
    assertThat(rs.get(1).isError()).isTrue();
    assertThat(rs.get(1).statusCode()).isEqualTo(422);
    assertThat(rs.get(1).errors().get(0).code()).isEqualTo("unsuccessful");
    assertThat(rs.get(1).errors().get(0).message()).contains("result.ok").contains("duplicate email");
    RestRecordWriter values = writer("", """
        {"relativeURI": "/s", "method": "POST", "successPath": "status",
         "successValues": ["created", "updated"]}""");
    rs = values.submit(List.of(Json.obj("{\"reply\": {\"status\": \"updated\"}}"),
        Json.obj("{\"reply\": {\"status\": \"true\"}}")));
    assertThat(rs).extracting(SubmitResult::isSuccess).containsExactly(true, false);
  }

  @Test
  void aPlaceholderWithoutAValueFailsTheRecordWithoutARequest() throws Exception {
    routes.put("PUT /api/c/1", r -> Json.ok("{\"id\": \"1\"}"));
    RestRecordWriter w = writer("", "{\"relativeURI\": \"/c/{customerId}\", \"method\": \"PUT\"}");
    List<SubmitResult> rs = w.submitRecords(List.of(
        rec("{}", "{\"customerId\": 1}", Map.of(), null, ImportRecord.Operation.CREATE),
        rec("{}", "{\"other\": 1}", Map.of(), null, ImportRecord.Operation.CREATE)));
    assertThat(rs.get(0).isSuccess()).isTrue();
    assertThat(rs.get(1).statusCode()).isEqualTo(422);
    assertThat(rs.get(1).classification()).isEqualTo(Classification.MISSING);
    assertThat(rs.get(1).errors().get(0).message()).contains("{customerId} has no value");
    assertThat(seen).hasSize(1);
  }

  @Test
  void theRequestsOfABatchRunConcurrentlyAndResultsKeepRecordOrder() throws Exception {
    int n = 5;
    CountDownLatch allArrived = new CountDownLatch(n);
    routes.put("POST /api/o", r -> {
      allArrived.countDown();
      String id = Json.tree(r.getBody().utf8()).path("i").asText();
      try {
        // the first record's answer waits until every request of the batch is at the server
        if (id.equals("0") && !allArrived.await(20, TimeUnit.SECONDS)) {
          return Json.status(500, "{\"message\": \"requests were not concurrent\"}");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return Json.ok("{\"id\": \"d" + id + "\"}");
    });
    RestRecordWriter w = writer("", "{\"relativeURI\": \"/o\", \"method\": \"POST\"}");
    List<ObjectNode> records = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      records.add(Json.obj("{\"i\": " + i + "}"));
    }
    List<SubmitResult> rs = w.submit(records);
    assertThat(rs).extracting(SubmitResult::id).containsExactly("d0", "d1", "d2", "d3", "d4");
  }

  @Test
  void atMostConcurrencyLevelRequestsOfABatchAreInFlightAndEveryLaneIsUsed() throws Exception {
    java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
    routes.put("POST /api/o", r -> {
      most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        inFlight.decrementAndGet();
      }
      return Json.ok("{\"id\": \"d" + Json.tree(r.getBody().utf8()).path("i").asText() + "\"}");
    });
    RestRecordWriter w = writer("\"concurrencyLevel\": 3",
        "{\"relativeURI\": \"/o\", \"method\": \"POST\"}");
    List<ObjectNode> records = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      records.add(Json.obj("{\"i\": " + i + "}"));
      expected.add("d" + i);
    }
    List<SubmitResult> rs = w.submit(records);
    assertThat(rs).extracting(SubmitResult::id).containsExactlyElementsOf(expected);
    assertThat(most.get()).isEqualTo(3);
  }

  @Test
  void aRequestWithoutAResponseIsIntermittent() throws Exception {
    serve();
    RestConnection c = RestConnection.of(Json.connection("c1", "http://127.0.0.1:1/api", ""));
    RestRecordWriter w = new RestRecordWriter(cache.client(c),
        ImportEndpoint.of(Json.obj("{\"_id\": \"i1\", \"rest\": {\"relativeURI\": \"/x\"}}")), c);
    SubmitResult r = w.submit(List.of(Json.obj("{}"))).get(0);
    assertThat(r.isError()).isTrue();
    assertThat(r.statusCode()).isZero();
    assertThat(r.classification()).isEqualTo(Classification.INTERMITTENT);
    assertThat(r.errors().get(0).code()).isEqualTo("unreachable");
  }

  private RestRecordWriter httpWriter(String section) throws Exception {
    serve();
    RestConnection c = RestConnection.of(Json.obj("""
        {"_id": "c3", "type": "http", "http": {"baseURI": "%s", "mediaType": "json"}}"""
        .formatted(server.url("/api"))));
    return new RestRecordWriter(cache.client(c),
        ImportEndpoint.of(Json.obj("{\"_id\": \"i1\", \"http\": " + section + "}")), c);
  }

  @Test
  void batchSizeSendsArraysAndSplitsTheResultsAtResponseResourcePath() throws Exception {
    routes.put("POST /api/bulk", r -> {
      JsonNode sent = Json.tree(r.getBody().utf8());
      StringBuilder sb = new StringBuilder("{\"data\": {\"results\": [");
      for (int i = 0; i < sent.size(); i++) {
        int n = sent.get(i).path("n").asInt();
        sb.append(i == 0 ? "" : ",").append("{\"ref\": \"b-").append(n).append("\", \"ok\": ")
            .append(n != 4).append("}");
      }
      return Json.ok(sb.append("]}}").toString());
    });
    RestRecordWriter w = httpWriter("""
        {"relativeURI": "/bulk", "method": "POST", "batchSize": 3,
         "response": {"resourcePath": "data.results"}, "responseIdPath": "ref",
         "successPath": "ok"}""");
    List<ObjectNode> records = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      records.add(Json.obj("{\"n\": " + i + "}"));
    }
    List<SubmitResult> rs = w.submit(records);
    assertThat(seen).hasSize(3);
    assertThat(seen).extracting(r -> Json.tree(r.getBody().utf8()).size())
        .containsExactlyInAnyOrder(3, 3, 1);
    assertThat(rs).extracting(SubmitResult::id)
        .containsExactly("b-0", "b-1", "b-2", "b-3", "b-4", "b-5", "b-6");
    assertThat(rs).extracting(SubmitResult::isSuccess)
        .containsExactly(true, true, true, true, false, true, true);
    assertThat(rs.get(4).errors().get(0).code()).isEqualTo("unsuccessful");
    assertThat(rs.get(5).json().path("ref").asText()).isEqualTo("b-5");
  }

  @Test
  void recordsForDifferentUrlsAreBatchedPerUrlInRecordOrderAndAnsweredInRecordOrder()
      throws Exception {
    for (String kind : List.of("a", "b")) {
      routes.put("POST /api/bulk/" + kind, r -> {
        JsonNode sent = Json.tree(r.getBody().utf8());
        StringBuilder sb = new StringBuilder("{\"results\": [");
        for (int i = 0; i < sent.size(); i++) {
          sb.append(i == 0 ? "" : ",").append("{\"id\": \"").append(kind).append('-')
              .append(sent.get(i).path("n").asInt()).append("\"}");
        }
        return Json.ok(sb.append("]}").toString());
      });
    }
    RestRecordWriter w = httpWriter("""
        {"relativeURI": "/bulk/{{kind}}", "method": "POST", "batchSize": 2,
         "response": {"resourcePath": "results"}}""");
    List<ObjectNode> records = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      records.add(Json.obj("{\"n\": " + i + ", \"kind\": \"" + (i % 3 == 1 ? "b" : "a") + "\"}"));
    }
    List<SubmitResult> rs = w.submit(records);
    assertThat(rs).extracting(SubmitResult::id)
        .containsExactly("a-0", "b-1", "a-2", "a-3", "b-4", "a-5", "a-6");
    assertThat(seen).extracting(r -> r.getUrl().encodedPath() + " " + Json.tree(r.getBody().utf8())
            .findValuesAsText("n"))
        .containsExactlyInAnyOrder("/api/bulk/a [0, 2]", "/api/bulk/a [3, 5]", "/api/bulk/a [6]",
            "/api/bulk/b [1, 4]");
  }

  @Test
  void aFailedOrMisshapenBatchFailsEachOfItsRecords() throws Exception {
    routes.put("POST /api/down", r -> new MockResponse.Builder().code(503)
        .addHeader("Retry-After", "3").body("busy").build());
    routes.put("POST /api/short", r -> Json.ok("{\"results\": [{\"id\": 1}]}"));
    List<ObjectNode> two = List.of(Json.obj("{\"a\": 1}"), Json.obj("{\"a\": 2}"));
    List<SubmitResult> down = httpWriter("""
        {"relativeURI": "/down", "batchSize": 5, "response": {"resourcePath": "results"}}""")
        .submit(two);
    assertThat(down).hasSize(2).allSatisfy(r -> {
      assertThat(r.classification()).isEqualTo(Classification.INTERMITTENT);
      assertThat(r.retryAfter()).contains(Duration.ofSeconds(3));
    });
    List<SubmitResult> shortAnswer = httpWriter("""
        {"relativeURI": "/short", "batchSize": 5, "response": {"resourcePath": "results"}}""")
        .submit(two);
    assertThat(shortAnswer).hasSize(2).allSatisfy(r -> {
      assertThat(r.errors().get(0).code()).isEqualTo("batch_response");
      assertThat(r.errors().get(0).message()).contains("has 1 results").contains("2 records");
      assertThat(r.classification()).isEqualTo(Classification.VALUE);
    });
  }
}
