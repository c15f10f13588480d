package io.integrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.testkit.Auth;
import io.integrator.testkit.Fault;
import io.integrator.testkit.Paging;
import io.integrator.testkit.RestApiServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code integrator run} end to end over HTTP: a testkit shop paged in every style the REST adaptor
 * supports, each authentication mode, and each failure class, into a testkit ERP.
 */
class RestFlowsCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CUSTOMERS = 45;

  @TempDir Path dir;
  private final List<RestApiServer> servers = new ArrayList<>();

  @AfterEach
  void stop() {
    servers.forEach(RestApiServer::close);
  }

  static Stream<Arguments> pagingMethods() {
    return Stream.of(
        Arguments.of("pageargument", Paging.pageNumber().withFirstPage(1),
            "\"relativeURI\": \"/customers\", \"resourcePath\": \"data\","
                + " \"pagingMethod\": \"pageargument\", \"pageArgument\": \"page\""),
        Arguments.of("nextpageurl", Paging.nextUrl(),
            "\"relativeURI\": \"/customers\", \"resourcePath\": \"data\","
                + " \"pagingMethod\": \"nextpageurl\", \"nextPagePath\": \"next\""),
        Arguments.of("relativeuri (legacy)", Paging.nextRelativeUri(),
            "\"relativeURI\": \"/customers\", \"resourcePath\": \"data\","
                + " \"pagingMethod\": \"relativeuri\", \"nextPageRelativeURI\": \"/customers?after={id}\""),
        Arguments.of("linkheader (legacy)", Paging.linkHeader(),
            "\"relativeURI\": \"/customers\", \"resourcePath\": \"data\", \"pagingMethod\": \"linkheader\""),
        Arguments.of("page", Paging.pageNumber(),
            "\"relativeURI\": \"/customers?page={{export.rest.paging.page}}\", \"resourcePath\": \"data\","
                + " \"paging\": {\"method\": \"page\", \"page\": 1}"),
        Arguments.of("skip", Paging.skipLimit(),
            "\"relativeURI\": \"/customers\", \"resourcePath\": \"data\","
                + " \"query\": {\"skip\": \"{{export.rest.paging.skip}}\", \"limit\": \"10\"},"
                + " \"paging\": {\"method\": \"skip\"}"),
        Arguments.of("token in the body", Paging.cursor(),
            "\"relativeURI\": \"/customers?cursor={{export.rest.paging.token}}\", \"resourcePath\": \"data\","
                + " \"paging\": {\"method\": \"token\", \"path\": \"nextCursor\", \"pathLocation\": \"body\"}"),
        Arguments.of("token in a header", Paging.cursor().withCursorInHeader("X-Next-Cursor"),
            "\"relativeURI\": \"/customers?cursor={{export.rest.paging.token}}\", \"resourcePath\": \"data\","
                + " \"paging\": {\"method\": \"token\", \"path\": \"X-Next-Cursor\", \"pathLocation\": \"header\"}"),
        Arguments.of("url", Paging.nextUrl(),
            "\"relativeURI\": \"/customers\", \"resourcePath\": \"data\","
                + " \"paging\": {\"method\": \"url\", \"path\": \"next\"}"),
        Arguments.of("linkheader", Paging.linkHeader().withBareArray(),
            "\"relativeURI\": \"/customers\", \"paging\": {\"method\": \"linkheader\"}"),
        Arguments.of("relativeuri", Paging.pageNumber(),
            "\"relativeURI\": \"/customers\", \"resourcePath\": \"data\", \"paging\": {\"method\": \"relativeuri\","
                + " \"relativeURI\": \"/customers?after={{previous_page.last_record.id}}\"}"),
        // the search body always carries a cursor, so the API must answer the end with an empty page
        Arguments.of("body", Paging.cursor().withEmptyPageAtEnd(true),
            "\"relativeURI\": \"/customers/search\", \"method\": \"POST\", \"resourcePath\": \"data\","
                + " \"postBody\": {\"pageSize\": 10},"
                + " \"paging\": {\"method\": \"body\","
                + " \"body\": {\"pageSize\": 10, \"cursor\": \"{{previous_page.full_response.nextCursor}}\"}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pagingMethods")
  @Timeout(120) // a paging method that never stops must fail here, not hang the build
  void everyPagingMethodMovesEveryRecordOnce(String method, Paging paging, String exportRest) throws IOException {
    RestApiServer shop = shop(paging.withPageSize(10), Auth.none());
    RestApiServer erp = erp(Auth.none());
    project(shop, "", erp, "", exportRest, 3);

    JsonNode job = runJson();

    assertThat(job.path("status").asText()).as(method).isEqualTo("completed");
    assertThat(job.path("numExport").asInt()).isEqualTo(CUSTOMERS);
    assertThat(job.path("numSuccess").asInt()).isEqualTo(CUSTOMERS);
    assertThat(job.path("numPagesGenerated").asInt()).isEqualTo(5);
    assertThat(erp.records("customers"))
        .extracting(c -> c.path("name").asText())
        .containsExactlyInAnyOrderElementsOf(names());
  }

  @Test
  void tokenInTheUrlAndOAuthClientCredentialsFromAnIClient() throws IOException {
    RestApiServer shop = shop(Paging.pageNumber().withFirstPage(1).withPageSize(10),
        Auth.tokenInQuery("api_key", "url-token"));
    RestApiServer erp = erp(Auth.oauth2("cli-app", "cli-secret"));
    write("iclients/erp-app.json",
        "{\"name\": \"ERP app\", \"provider\": \"custom\","
            + " \"oauth2\": {\"clientId\": \"cli-app\", \"clientSecret\": \"cli-secret\"}}");
    project(shop, ", \"bearerToken\": \"url-token\", \"tokenLocation\": \"url\", \"tokenParam\": \"api_key\"",
        erp, ", \"authType\": \"oauth\", \"authURI\": \"" + erp.baseUri() + "/oauth/token\", \"_iClientId\": \"erp-app\"",
        "\"relativeURI\": \"/customers\", \"resourcePath\": \"data\","
            + " \"pagingMethod\": \"pageargument\", \"pageArgument\": \"page\"", 3);

    JsonNode job = runJson();

    assertThat(job.path("status").asText()).isEqualTo("completed");
    assertThat(job.path("numSuccess").asInt()).isEqualTo(CUSTOMERS);
    assertThat(erp.records("customers")).hasSize(CUSTOMERS);
    assertThat(erp.requests("POST", "/customers"))
        .allSatisfy(r -> assertThat(r.header("authorization")).startsWith("Bearer "));
  }

  @Test
  void intermittentAndRateLimitedFailuresAreRetriedAndNothingIsLostOrDoubled() throws IOException {
    RestApiServer shop = shop(Paging.pageNumber().withFirstPage(1).withPageSize(10), Auth.none());
    RestApiServer erp = erp(Auth.none());
    project(shop, "", erp, "", "\"relativeURI\": \"/customers\", \"resourcePath\": \"data\","
        + " \"pagingMethod\": \"pageargument\", \"pageArgument\": \"page\"", 4);
    shop.injectNext(1, Fault.status(503));
    erp.injectNext(3, Fault.status(503).onlyFor("POST", "/customers"));
    erp.injectNext(2, Fault.tooManyRequests(Duration.ofSeconds(1)).onlyFor("POST", "/customers"));

    JsonNode job = runJson();

    assertThat(job.path("status").asText()).isEqualTo("completed");
    assertThat(job.path("numSuccess").asInt()).isEqualTo(CUSTOMERS);
    assertThat(job.path("numError").asInt()).isZero();
    assertThat(erp.records("customers"))
        .extracting(c -> c.path("name").asText())
        .containsExactlyInAnyOrderElementsOf(names());
    assertThat(erp.requests("POST", "/customers")).hasSize(CUSTOMERS + 5);
  }

  @Test
  void anImportWithoutAttemptsLeftKeepsTheRecordAsARetriableError() throws IOException {
    RestApiServer shop = shop(Paging.pageNumber().withFirstPage(1).withPageSize(10), Auth.none());
    RestApiServer erp = erp(Auth.none());
    project(shop, "", erp, "", "\"relativeURI\": \"/customers\", \"resourcePath\": \"data\","
        + " \"pagingMethod\": \"pageargument\", \"pageArgument\": \"page\"", 1);
    erp.injectNext(2, Fault.status(503).onlyFor("POST", "/customers"));

    JsonNode job = runJson();
    assertThat(job.path("status").asText()).isEqualTo("completed");
    assertThat(job.path("numSuccess").asInt()).isEqualTo(CUSTOMERS - 2);
    assertThat(job.path("numError").asInt()).isEqualTo(2);
    JsonNode errors = JSON.readTree(CliRun.of("errors", dir.toString(), job.path("_id").asText(), "--json").out());
    assertThat(errors).hasSize(2).allSatisfy(e -> {
      assertThat(e.path("classification").asText()).isEqualTo("intermittent");
      assertThat(e.path("code").asText()).isEqualTo("503");
    });

    CliRun retry = CliRun.of("retry", dir.toString(), job.path("_id").asText(), "--json");
    assertThat(retry.exitCode()).as(retry.err()).isZero();
    assertThat(erp.records("customers")).hasSize(CUSTOMERS);
  }

  @Test
  void refusedCredentialsFailTheJobClearly() throws IOException {
    RestApiServer shop = shop(Paging.pageNumber().withFirstPage(1).withPageSize(10), Auth.bearer("shop-token"));
    RestApiServer erp = erp(Auth.none());
    project(shop, ", \"bearerToken\": \"expired-7f3a\", \"pingRelativeURI\": \"/customers\"", erp, "",
        "\"relativeURI\": \"/customers\", \"resourcePath\": \"data\","
            + " \"pagingMethod\": \"pageargument\", \"pageArgument\": \"page\"", 3);

    CliRun run = CliRun.of("run", dir.toString(), "--flow", "sync", "--json");

    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode job = JSON.readTree(run.out());
    assertThat(job.path("status").asText()).isEqualTo("failed");
    JsonNode errors = JSON.readTree(CliRun.of("errors", dir.toString(), job.path("_id").asText(), "--json").out());
    assertThat(errors).isNotEmpty();
    assertThat(errors.get(0).path("classification").asText()).isEqualTo("connection");
    assertThat(errors.get(0).path("message").asText()).contains("401").doesNotContain("expired-7f3a");
    assertThat(erp.records("customers")).isEmpty();

    // The connection is now offline: runs are refused until a ping succeeds.
    CliRun again = CliRun.of("run", dir.toString(), "--flow", "sync", "--json");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(JSON.readTree(CliRun.of("errors", dir.toString(),
        JSON.readTree(again.out()).path("_id").asText(), "--json").out()).get(0).path("message").asText())
        .contains("connection 'shop'", "offline");
    CliRun refused = CliRun.of("ping", dir.toString(), "shop");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.out()).contains("connection shop: failed");

    write("connections/shop.json", "{\"type\": \"rest\", \"rest\": {\"baseURI\": \"" + shop.baseUri()
        + "\", \"mediaType\": \"json\", \"bearerToken\": \"shop-token\", \"pingRelativeURI\": \"/customers\"}}");
    CliRun ping = CliRun.of("ping", dir.toString(), "shop");
    assertThat(ping.exitCode()).as(ping.out() + ping.err()).isZero();
    assertThat(runJson().path("numSuccess").asInt()).isEqualTo(CUSTOMERS);
  }

  @Test
  void anImportWhoseCredentialsAreRefusedFailsTheRunKeepsItsRecordsAndTakesTheConnectionOffline()
      throws IOException {
    RestApiServer shop = shop(Paging.pageNumber().withFirstPage(1).withPageSize(10), Auth.none());
    RestApiServer erp = erp(Auth.basic("cli", "erp-password"));
    project(shop, "", erp, ", \"basicAuth\": {\"username\": \"cli\", \"password\": \"old-password\"}",
        "\"relativeURI\": \"/customers\", \"resourcePath\": \"data\","
            + " \"pagingMethod\": \"pageargument\", \"pageArgument\": \"page\"", 3);

    CliRun run = CliRun.of("run", dir.toString(), "--flow", "sync", "--json");

    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode job = JSON.readTree(run.out());
    assertThat(job.path("status").asText()).isEqualTo("failed");
    JsonNode errors = JSON.readTree(CliRun.of("errors", dir.toString(), job.path("_id").asText(), "--json").out());
    assertThat(errors).anySatisfy(e -> assertThat(e.path("message").asText())
        .contains("connection 'erp' is now offline").doesNotContain("old-password"));
    // every exported record is accounted for: the refused ones are retriable errors
    assertThat(job.path("numSuccess").asInt() + job.path("numError").asInt() + job.path("numIgnore").asInt())
        .isEqualTo(job.path("numExport").asInt());
    assertThat(job.path("numError").asInt()).isPositive();
    assertThat(erp.records("customers")).isEmpty();
  }

  private JsonNode runJson() throws IOException {
    CliRun run = CliRun.of("run", dir.toString(), "--flow", "sync", "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    return JSON.readTree(run.out());
  }

  private RestApiServer shop(Paging paging, Auth auth) {
    List<ObjectNode> customers = new ArrayList<>();
    for (int i = 0; i < CUSTOMERS; i++) {
      customers.add(JSON.createObjectNode().put("id", i + 1).put("name", "c" + i).put("zip", "1000" + i));
    }
    RestApiServer s = RestApiServer.builder()
        .collection("customers", customers).paging("customers", paging).auth(auth).start();
    servers.add(s);
    return s;
  }

  private RestApiServer erp(Auth auth) {
    RestApiServer s = RestApiServer.builder()
        .collection("customers").required("customers", "zip").unique("customers", "name").auth(auth).start();
    servers.add(s);
    return s;
  }

  private static List<String> names() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < CUSTOMERS; i++) {
      names.add("c" + i);
    }
    return names;
  }

  /** shopAuth and erpAuth are extra fields of the connections' rest sections. */
  private void project(RestApiServer shop, String shopAuth, RestApiServer erp, String erpAuth, String exportRest,
      int maxAttempts) throws IOException {
    write("connections/shop.json", "{\"type\": \"rest\", \"rest\": {\"baseURI\": \"" + shop.baseUri()
        + "\", \"mediaType\": \"json\"" + shopAuth + "}}");
    write("connections/erp.json", "{\"type\": \"rest\", \"rest\": {\"baseURI\": \"" + erp.baseUri()
        + "\", \"mediaType\": \"json\", \"concurrencyLevel\": 4" + erpAuth + "}}");
    write("exports/customers.json",
        "{\"name\": \"Customers\", \"_connectionId\": \"shop\", \"pageSize\": 10, \"rest\": {" + exportRest + "}}");
    write("imports/erp-customers.json",
        "{\"name\": \"ERP\", \"_connectionId\": \"erp\", \"maxAttempts\": " + maxAttempts + ","
            + " \"rest\": {\"relativeURI\": \"/customers\", \"method\": \"POST\"},"
            + " \"mapping\": {\"fields\": [{\"extract\": \"name\", \"generate\": \"name\"},"
            + " {\"extract\": \"zip\", \"generate\": \"zip\"}]}}");
    write("flows/sync.json", "{\"name\": \"Sync\", \"_exportId\": \"customers\", \"_importId\": \"erp-customers\"}");
  }

  private void write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
