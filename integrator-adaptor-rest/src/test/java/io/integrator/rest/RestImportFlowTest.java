package io.integrator.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.integrator.Integrator;
import io.integrator.model.Job;
import io.integrator.model.JobError;
import io.integrator.pipeline.Backoff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * End to end through {@link Integrator}: a paged REST export (a shop) into two REST imports of a
 * CRM: customers upserted with composite create/update arrays decided by a lookup, then contacts
 * created unless they exist (ignoreExisting). The CRM refuses one record (400), answers one
 * request with a 503 first (retried by the engine), and every record is accounted for.
 */
class RestImportFlowTest {
  private static final int ORDERS = 12;
  private static final int PAGE = 4;

  @StartStop final MockWebServer shop = new MockWebServer();
  @StartStop final MockWebServer crm = new MockWebServer();

  final List<RecordedRequest> crmRequests = new CopyOnWriteArrayList<>();
  final Map<String, AtomicInteger> posts = new ConcurrentHashMap<>();

  private static String email(int i) {
    return i == 4 ? "bad@x.test" : i == 5 ? "flaky@x.test" : "u" + i + "@x.test";
  }

  private void serveShop() {
    shop.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        int page = Integer.parseInt(r.getUrl().queryParameter("page"));
        StringBuilder sb = new StringBuilder("{\"orders\": [");
        for (int i = (page - 1) * PAGE; i < Math.min(ORDERS, page * PAGE); i++) {
          sb.append(i % PAGE == 0 ? "" : ",").append("""
              {"id": "o%d", "email": "%s", "name": "User %d", "signup": "2020-01-%02d",
               "country": "%s"}"""
              .formatted(i, email(i), i, i + 1, i % 2 == 0 ? "US" : "DE"));
        }
        return Json.ok(sb.append("]}").toString());
      }
    });
  }

  private void serveCrm() {
    crm.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        crmRequests.add(r);
        String path = r.getUrl().encodedPath();
        String email = r.getUrl().queryParameter("email");
        if (r.getMethod().equals("GET") && path.equals("/crm/customers")) {
          int i = index(email);
          return Json.ok(i >= 0 && i % 3 == 0 ? "[{\"id\": \"C-" + i + "\"}]" : "[]");
        }
        if (r.getMethod().equals("GET") && path.equals("/crm/contacts")) {
          int i = index(email);
          return Json.ok(i >= 0 && i % 4 == 0 ? "{\"items\": [{\"id\": \"K-" + i + "\"}]}"
              : "{\"items\": []}");
        }
        if (r.getMethod().equals("GET") && path.startsWith("/crm/countries/")) {
          return Json.ok(path.endsWith("/US") ? "{\"currency\": \"USD\"}"
              : "{\"currency\": \"EUR\"}");
        }
        if (r.getMethod().equals("PUT") && path.startsWith("/crm/customers/C-")) {
          return Json.ok("{\"id\": \"" + path.substring("/crm/customers/".length()) + "\"}");
        }
        if (r.getMethod().equals("POST")) {
          JsonNode body = Json.tree(r.getBody().utf8());
          String e = body.path("email").asText();
          int n = posts.computeIfAbsent(path + " " + e, k -> new AtomicInteger()).incrementAndGet();
          if (e.equals("bad@x.test")) {
            return Json.status(400, "{\"errors\": [{\"message\": \"email rejected\"}]}");
          }
          if (e.equals("flaky@x.test") && n == 1) {
            return new MockResponse.Builder().code(503).addHeader("Retry-After", "0")
                .body("maintenance").build();
          }
          return Json.status(201, "{\"id\": \"N-" + e + "\"}");
        }
        return Json.status(404, "{\"message\": \"no route\"}");
      }
    });
  }

  private static int index(String email) {
    return email != null && email.startsWith("u") ? Integer.parseInt(email.substring(1,
        email.indexOf('@'))) : -1;
  }

  @Test
  void ordersFlowIntoCustomersAndContactsAndEveryRecordIsAccountedFor() {
    serveShop();
    serveCrm();
    RestAdaptor adaptor = new RestAdaptor(new ClientCache(new OkHttpClient()),
        new RetryPolicy(2, 2, Duration.ofMillis(1), Duration.ofMillis(5)));
    // one page at a time: pages in flight together could both miss the job's lookup cache
    try (Integrator integrator = Integrator.builder().adaptor(adaptor).pagesInFlight(1)
        .retryBackoff(new Backoff(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(50)))
        .build()) {
      String shopConn = integrator.connections().create("""
          {"name": "Shop", "type": "rest",
           "rest": {"baseURI": "%s", "mediaType": "json"}}""".formatted(shop.url("/api"))).id();
      String crmConn = integrator.connections().create("""
          {"name": "CRM", "type": "rest",
           "rest": {"baseURI": "%s", "mediaType": "json", "bearerToken": "crm-token",
                    "concurrencyLevel": 3}}""".formatted(crm.url("/crm"))).id();
      String export = integrator.exports().create("""
          {"name": "Orders", "_connectionId": "%s", "pageSize": %d,
           "rest": {"relativeURI": "/orders", "resourcePath": "orders",
                    "pagingMethod": "pageargument", "pageArgument": "page"}}"""
          .formatted(shopConn, PAGE)).id();
      String customers = integrator.imports().create("""
          {"name": "Customers", "_connectionId": "%s", "maxAttempts": 3,
           "rest": {"relativeURI": ["/customers/{customerLookup}", "/customers"],
                    "method": ["PUT", "POST"],
                    "lookups": [{"name": "customerLookup", "relativeURI": "/customers?email={email}",
                                 "extract": "0.id"},
                                {"name": "currencyLookup", "relativeURI": "/countries/{_value}",
                                 "extract": "currency", "map": {"USD": "1", "EUR": "2"}}]},
           "mapping": {"fields": [
             {"extract": "email", "generate": "email"},
             {"extract": "country", "generate": "currency", "lookupName": "currencyLookup"},
             {"extract": "name", "generate": "name"},
             {"extract": "signup", "generate": "signupDate", "immutable": true}]}}"""
          .formatted(crmConn)).id();
      String contacts = integrator.imports().create("""
          {"name": "Contacts", "_connectionId": "%s", "ignoreExisting": true,
           "rest": {"relativeURI": "/contacts", "method": "POST",
                    "ignoreLookupName": "contactLookup",
                    "lookups": [{"name": "contactLookup", "relativeURI": "/contacts?email={email}",
                                 "extract": "items.0.id"}]},
           "mapping": {"fields": [{"extract": "email", "generate": "email"}]}}"""
          .formatted(crmConn)).id();
      String flow = integrator.flows().create("""
          {"name": "Orders to CRM", "pageGenerators": [{"_exportId": "%s"}],
           "pageProcessors": [{"type": "import", "_importId": "%s"},
                              {"type": "import", "_importId": "%s"}]}"""
          .formatted(export, customers, contacts)).id();

      Job job = integrator.runFlow(flow);

      assertThat(job.status()).isEqualTo("completed");
      assertThat(job.numExport()).isEqualTo(ORDERS);
      Job cj = child(integrator, job, customers);
      Job kj = child(integrator, job, contacts);
      // customers: every record counted once; o4 refused
      assertThat(List.of(cj.numSuccess(), cj.numIgnore(), cj.numError()))
          .containsExactly(ORDERS - 1, 0, 1);
      // contacts get what customers did not fail: o0 and o8 exist and are skipped
      assertThat(List.of(kj.numSuccess(), kj.numIgnore(), kj.numError()))
          .containsExactly(ORDERS - 1 - 2, 2, 0);
      assertThat(job.numSuccess() + job.numIgnore() + job.numError())
          .isEqualTo(ORDERS + (ORDERS - 1));

      // the refusal is a record error with the status, the server's message and retry data
      List<JobError> errors = integrator.jobErrors().list().stream()
          .filter(e -> cj.id().equals(e.jobId())).toList();
      assertThat(errors).hasSize(1);
      JobError bad = errors.get(0);
      assertThat(bad.code()).isEqualTo("400");
      assertThat(bad.message()).contains("email rejected").contains("POST");
      assertThat(bad.classification()).isEqualTo("value");
      assertThat(bad.retryId()).isNotNull();
      assertThat(integrator.retryData(bad.retryId()).orElseThrow().toString())
          .contains("bad@x.test");

      // existing customers (o0, o3, o6, o9) were PUT without the immutable field; others POSTed
      List<RecordedRequest> puts = crmRequests.stream()
          .filter(r -> r.getMethod().equals("PUT")).toList();
      assertThat(puts).extracting(r -> r.getUrl().encodedPath()).containsExactlyInAnyOrder(
          "/crm/customers/C-0", "/crm/customers/C-3", "/crm/customers/C-6", "/crm/customers/C-9");
      assertThat(puts).allSatisfy(r -> {
        assertThat(Json.tree(r.getBody().utf8()).has("signupDate")).isFalse();
        assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer crm-token");
      });
      List<RecordedRequest> customerPosts = crmRequests.stream()
          .filter(r -> r.getMethod().equals("POST")
              && r.getUrl().encodedPath().equals("/crm/customers")).toList();
      assertThat(customerPosts).allSatisfy(r ->
          assertThat(Json.tree(r.getBody().utf8()).has("signupDate")).isTrue());
      // the mapping's lookup read each record's country through the REST lookup, once per country
      assertThat(crmRequests.stream().filter(r -> r.getMethod().equals("GET")
          && r.getUrl().encodedPath().startsWith("/crm/countries/")).count()).isEqualTo(2);
      assertThat(puts).allSatisfy(r -> assertThat(Json.tree(r.getBody().utf8()).path("currency")
          .asText()).isIn("1", "2"));
      assertThat(customerPosts).anySatisfy(r -> assertThat(Json.tree(r.getBody().utf8())
          .path("currency").asText()).isEqualTo("2"));
      // the 503 was retried by the engine and then succeeded
      assertThat(posts.get("/crm/customers flaky@x.test").get()).isEqualTo(2);
      // each distinct lookup question was asked once in the job
      assertThat(crmRequests.stream().filter(r -> r.getMethod().equals("GET")
          && r.getUrl().encodedPath().equals("/crm/customers")).count()).isEqualTo(ORDERS);
      List<String> contactPosts = new ArrayList<>();
      crmRequests.stream().filter(r -> r.getMethod().equals("POST")
              && r.getUrl().encodedPath().equals("/crm/contacts"))
          .forEach(r -> contactPosts.add(Json.tree(r.getBody().utf8()).path("email").asText()));
      // flaky@x.test is refused once by /contacts too, and posted again by the engine
      assertThat(contactPosts).hasSize(ORDERS - 1 - 2 + 1)
          .doesNotContain("u0@x.test", "u8@x.test", "bad@x.test");
      assertThat(contactPosts.stream().distinct().count()).isEqualTo(ORDERS - 1 - 2);

      // the refused record, fixed in its retry data, goes through on retry
      com.fasterxml.jackson.databind.node.ObjectNode fixed =
          (com.fasterxml.jackson.databind.node.ObjectNode) integrator.retryData(bad.retryId())
              .orElseThrow().get("record").deepCopy();
      fixed.put("email", "fixed@x.test");
      integrator.editRetryData(bad.retryId(), fixed);
      Job retry = integrator.retry(job.id());
      assertThat(retry.status()).isEqualTo("completed");
      assertThat(posts.get("/crm/customers fixed@x.test").get()).isEqualTo(1);
      assertThat(integrator.jobs().get(cj.id()).numError()).isZero();
    }
  }

  private static Job child(Integrator integrator, Job flowJob, String importId) {
    return integrator.jobs().list().stream()
        .filter(j -> flowJob.id().equals(j.flowJobId()) && importId.equals(j.importId()))
        .findFirst().orElseThrow();
  }
}
