package io.integrator.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ImportTest {

    private static RestApiServer serve() {
        return RestApiServer.builder()
                .collection("customers", SampleData.customers(3))
                .required("customers", "email", "name")
                .unique("customers", "email")
                .start();
    }

    @Test
    void createAssignsTheNextIdAndAnswers201WithTheRecord() {
        try (RestApiServer api = serve()) {
            HttpResponse<String> created = Http.send("POST", api.url("/customers"),
                    "{\"name\":\"Dana\",\"email\":\"dana@example.com\"}");
            assertThat(created.statusCode()).isEqualTo(201);
            JsonNode body = Http.json(created);
            assertThat(body.get("id").asLong()).isEqualTo(4);
            assertThat(body.get("name").asText()).isEqualTo("Dana");
            assertThat(api.record("customers", "4")).get().extracting(r -> r.get("email").asText())
                    .isEqualTo("dana@example.com");
            JsonNode fetched = Http.json(Http.get(api.url("/customers/4")));
            assertThat(fetched).isEqualTo(body);
            assertThat(api.records("customers")).hasSize(4);
        }
    }

    @Test
    void aMissingRequiredFieldIs422NamingTheField() {
        try (RestApiServer api = serve()) {
            HttpResponse<String> refused = Http.send("POST", api.url("/customers"), "{\"email\":\"x@example.com\"}");
            assertThat(refused.statusCode()).isEqualTo(422);
            JsonNode body = Http.json(refused);
            assertThat(body.get("field").asText()).isEqualTo("name");
            assertThat(body.get("message").asText()).isEqualTo("Field 'name' is required for a record of 'customers'");
            assertThat(api.records("customers")).hasSize(3);
        }
    }

    @Test
    void aTakenUniqueValueOrIdIs409() {
        try (RestApiServer api = serve()) {
            HttpResponse<String> dup = Http.send("POST", api.url("/customers"),
                    "{\"name\":\"Other\",\"email\":\"customer2@example.com\"}");
            assertThat(dup.statusCode()).isEqualTo(409);
            assertThat(Http.json(dup).get("existingId").asLong()).isEqualTo(2);
            assertThat(Http.json(dup).get("message").asText()).contains("email 'customer2@example.com'");
            HttpResponse<String> dupId = Http.send("POST", api.url("/customers"),
                    "{\"id\":1,\"name\":\"Other\",\"email\":\"o@example.com\"}");
            assertThat(dupId.statusCode()).isEqualTo(409);
            assertThat(Http.json(dupId).get("field").asText()).isEqualTo("id");
        }
    }

    @Test
    void putReplacesPatchMergesDeleteRemoves() {
        try (RestApiServer api = serve()) {
            HttpResponse<String> put = Http.send("PUT", api.url("/customers/2"),
                    "{\"name\":\"Two\",\"email\":\"two@example.com\"}");
            assertThat(put.statusCode()).isEqualTo(200);
            assertThat(Http.json(put).has("country")).isFalse();
            assertThat(Http.json(put).get("id").asLong()).isEqualTo(2);
            HttpResponse<String> patch = Http.send("PATCH", api.url("/customers/3"), "{\"country\":\"IT\"}");
            assertThat(patch.statusCode()).isEqualTo(200);
            assertThat(Http.json(patch).get("email").asText()).isEqualTo("customer3@example.com");
            assertThat(Http.json(patch).get("country").asText()).isEqualTo("IT");
            // the old unique value is free again, the new one is taken
            assertThat(Http.send("POST", api.url("/customers"), "{\"name\":\"N\",\"email\":\"customer2@example.com\"}")
                    .statusCode()).isEqualTo(201);
            assertThat(Http.send("PATCH", api.url("/customers/1"), "{\"email\":\"two@example.com\"}").statusCode())
                    .isEqualTo(409);
            assertThat(Http.send("PUT", api.url("/customers/1"), "{\"name\":\"no email\"}").statusCode())
                    .isEqualTo(422);
            assertThat(Http.send("DELETE", api.url("/customers/1"), null).statusCode()).isEqualTo(204);
            assertThat(Http.send("DELETE", api.url("/customers/1"), null).statusCode()).isEqualTo(404);
            assertThat(Http.send("PUT", api.url("/customers/99"), "{\"name\":\"x\",\"email\":\"y\"}").statusCode())
                    .isEqualTo(404);
            assertThat(Http.get(api.url("/customers/1")).statusCode()).isEqualTo(404);
            assertThat(api.records("customers")).extracting(r -> r.get("id").asLong()).containsExactly(2L, 3L, 4L);
        }
    }

    @Test
    void fieldFiltersAnswerLookups() {
        try (RestApiServer api = serve()) {
            JsonNode found = Http.json(Http.get(api.url("/customers?email=customer2%40example.com"))).get("data");
            assertThat(found).hasSize(1);
            assertThat(found.get(0).get("id").asLong()).isEqualTo(2);
            assertThat(Http.json(Http.get(api.url("/customers?email=nobody@example.com"))).get("data")).isEmpty();
            assertThat(Http.json(Http.get(api.url("/customers?country=DE&active=true"))).get("data")).hasSize(1);
        }
    }

    @Test
    void batchAnswersOneResultPerRecordInOrder() {
        try (RestApiServer api = serve()) {
            HttpResponse<String> response = Http.send("POST", api.url("/customers/batch"),
                    "[{\"name\":\"A\",\"email\":\"a@example.com\"},{\"name\":\"B\"},"
                            + "{\"name\":\"C\",\"email\":\"a@example.com\"},{\"name\":\"D\",\"email\":\"d@example.com\"}]");
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode results = Http.json(response);
            assertThat(results).hasSize(4);
            assertThat(results.findValuesAsText("status")).containsExactly("201", "422", "409", "201");
            assertThat(results.get(0).get("id").asLong()).isEqualTo(4);
            assertThat(results.get(1).at("/error/field").asText()).isEqualTo("email");
            assertThat(results.get(3).at("/record/name").asText()).isEqualTo("D");
            assertThat(Http.send("POST", api.url("/customers/batch"), "{}").statusCode()).isEqualTo(400);
        }
    }

    @Test
    void everyRequestIsRecordedWithMethodPathQueryHeadersBodyAndStatus() {
        try (RestApiServer api = serve()) {
            Http.send("POST", api.url("/customers?source=test"), "{\"name\":\"R\",\"email\":\"r@example.com\"}",
                    "X-Trace", "t-1");
            Http.get(api.url("/customers/9"));
            List<RecordedRequest> requests = api.requests();
            assertThat(requests).hasSize(2);
            RecordedRequest post = requests.get(0);
            assertThat(post.method()).isEqualTo("POST");
            assertThat(post.path()).isEqualTo("/customers");
            assertThat(post.query()).isEqualTo("source=test");
            assertThat(post.queryParameter("source")).isEqualTo("test");
            assertThat(post.header("x-trace")).isEqualTo("t-1");
            assertThat(post.bodyJson().get("name").asText()).isEqualTo("R");
            assertThat(post.status()).isEqualTo(201);
            assertThat(requests.get(1).status()).isEqualTo(404);
            assertThat(api.requests("GET", "/customers")).hasSize(1);
            api.clearRequests();
            assertThat(api.requests()).isEmpty();
        }
    }

    @Test
    void concurrentCreatesEachLandExactlyOnce() throws Exception {
        try (RestApiServer api = RestApiServer.builder().collection("invoices").unique("invoices", "orderId")
                .recordRequests(false).start()) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Integer>> statuses = IntStream.range(0, 400).mapToObj(i -> pool.submit(() ->
                        Http.send("POST", api.url("/invoices"), "{\"orderId\":" + (i % 200) + "}").statusCode()))
                        .toList();
                int created = 0;
                int conflicts = 0;
                for (Future<Integer> status : statuses) {
                    int s = status.get();
                    created += s == 201 ? 1 : 0;
                    conflicts += s == 409 ? 1 : 0;
                }
                assertThat(created).isEqualTo(200);
                assertThat(conflicts).isEqualTo(200);
            } finally {
                pool.shutdown();
            }
            List<ObjectNode> invoices = api.records("invoices");
            assertThat(invoices).extracting(r -> r.get("orderId").asInt()).doesNotHaveDuplicates().hasSize(200);
            assertThat(invoices).extracting(r -> r.get("id").asLong()).doesNotHaveDuplicates();
            assertThat(api.requests()).isEmpty();
        }
    }

    @Test
    void clearErrorsForBadInput() {
        try (RestApiServer api = serve()) {
            HttpResponse<String> badJson = Http.send("POST", api.url("/customers"), "{nope");
            assertThat(badJson.statusCode()).isEqualTo(400);
            assertThat(Http.json(badJson).get("message").asText()).startsWith("The body of POST /customers is not JSON");
            assertThat(Http.send("POST", api.url("/customers"), "[1]").statusCode()).isEqualTo(422);
            HttpResponse<String> unknown = Http.get(api.url("/nothing"));
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(Http.json(unknown).get("message").asText()).isEqualTo("No collection 'nothing'; collections: customers");
            HttpResponse<String> notAllowed = Http.send("DELETE", api.url("/customers"), null);
            assertThat(notAllowed.statusCode()).isEqualTo(405);
            assertThat(notAllowed.headers().firstValue("Allow")).contains("GET, POST");
            assertThat(Http.get(api.url("/customers?pageSize=0")).statusCode()).isEqualTo(400);
            assertThatThrownBy(() -> api.records("nothing")).hasMessageContaining("No collection 'nothing'");
            assertThatThrownBy(() -> RestApiServer.builder().required("x", "a"))
                    .hasMessageContaining("declare it with collection(\"x\", ...) first");
            assertThatThrownBy(() -> RestApiServer.builder().collection("a/b"))
                    .hasMessageContaining("one path segment");
        }
    }

    @Test
    void insertAddsRecordsWithoutARequestAndAppliesTheRules() {
        try (RestApiServer api = serve()) {
            ObjectNode record = Http.MAPPER.createObjectNode().put("name", "I").put("email", "i@example.com");
            assertThat(api.insert("customers", record).get("id").asLong()).isEqualTo(4);
            assertThatThrownBy(() -> api.insert("customers", record)).hasMessageContaining("already exists");
            assertThat(api.requests()).isEmpty();
        }
    }
}
