package io.integrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.testkit.Auth;
import io.integrator.testkit.Paging;
import io.integrator.testkit.RestApiServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * run, jobs, errors, retry, invoke and preview on a small project, as a user types them, against a
 * real paged shop API and an ERP API from the testkit, through the REST adaptor.
 */
class RunCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private RestApiServer shop;
  private RestApiServer erp;

  @BeforeEach
  void project() throws IOException {
    List<ObjectNode> customers = new ArrayList<>();
    for (int i = 0; i < 45; i++) {
      ObjectNode c = JSON.createObjectNode().put("id", i + 1).put("name", "c" + i);
      if (i % 10 != 3) {
        c.put("zip", String.valueOf(10000 + i));
      }
      customers.add(c);
    }
    shop = RestApiServer.builder()
        .collection("customers", customers)
        .paging("customers", Paging.pageNumber().withFirstPage(1).withPageSize(10))
        .auth(Auth.bearer("shop-token"))
        .start();
    erp = RestApiServer.builder()
        .collection("customers")
        .required("customers", "zip")
        .auth(Auth.basic("cli", "erp-password"))
        .start();
    write("connections/shop.json",
        "{\"type\": \"rest\", \"rest\": {\"baseURI\": \"" + shop.baseUri() + "\", \"mediaType\": \"json\","
            + " \"bearerToken\": \"shop-token\"}}");
    write("connections/erp.json",
        "{\"type\": \"rest\", \"rest\": {\"baseURI\": \"" + erp.baseUri() + "\", \"mediaType\": \"json\","
            + " \"basicAuth\": {\"username\": \"cli\", \"password\": \"erp-password\"}}}");
    write("exports/customers.json",
        "{\"name\": \"Customers\", \"_connectionId\": \"shop\", \"pageSize\": 10,"
            + " \"rest\": {\"relativeURI\": \"/customers\", \"resourcePath\": \"data\","
            + " \"pagingMethod\": \"pageargument\", \"pageArgument\": \"page\"}}");
    writeImport("{\"extract\": \"zip\", \"generate\": \"zip\"}");
    write("flows/sync.json", "{\"name\": \"Sync\", \"_exportId\": \"customers\", \"_importId\": \"erp-customers\"}");
  }

  @AfterEach
  void stopServers() {
    shop.close();
    erp.close();
  }

  @Test
  void runListsJobsShowsErrorsAndRetries() throws IOException {
    CliRun run = CliRun.of("run", dir.toString(), "--flow", "sync", "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode job = JSON.readTree(run.out());
    assertThat(job.path("status").asText()).isEqualTo("completed");
    assertThat(job.path("numExport").asInt()).isEqualTo(45);
    assertThat(job.path("numSuccess").asInt()).isEqualTo(40);
    assertThat(job.path("numError").asInt()).isEqualTo(5);
    assertThat(job.path("numPagesGenerated").asInt()).isEqualTo(5);
    String jobId = job.path("_id").asText();
    assertThat(erp.records("customers")).hasSize(40);

    CliRun human = CliRun.of("run", dir.toString(), "--flow", "sync");
    assertThat(human.out()).contains("completed").contains("exported 45, succeeded 40, failed 5, ignored 0");

    CliRun jobs = CliRun.of("jobs", dir.toString(), "--flow", "sync", "--json");
    assertThat(JSON.readTree(jobs.out())).hasSize(2);
    assertThat(CliRun.of("jobs", dir.toString()).out()).contains(jobId).contains("completed");

    CliRun errors = CliRun.of("errors", dir.toString(), jobId, "--json");
    JsonNode rows = JSON.readTree(errors.out());
    assertThat(rows).hasSize(5);
    assertThat(rows.get(0).path("code").asText()).isEqualTo("422");
    assertThat(rows.get(0).path("message").asText()).contains("zip");
    assertThat(rows.get(0).path("retryData").path("record").path("name").asText()).startsWith("c");
    assertThat(CliRun.of("errors", dir.toString(), jobId).out()).contains("5 errors of job " + jobId);

    // The import now sends a placeholder zip when the shop has none: retry the job's errors.
    writeImport("{\"extract\": \"{{defaultIfEmpty zip '00000'}}\", \"generate\": \"zip\"}");
    CliRun retry = CliRun.of("retry", dir.toString(), jobId, "--json");
    assertThat(retry.exitCode()).as(retry.err()).isZero();
    JsonNode retryJob = JSON.readTree(retry.out());
    assertThat(retryJob.path("type").asText()).isEqualTo("retry");
    assertThat(retryJob.path("_retryOfJobId").asText()).isEqualTo(jobId);
    assertThat(retryJob.path("numSuccess").asInt()).isEqualTo(5);
    // 40 from each of the two runs, and the first run's 5 rejected customers
    assertThat(erp.records("customers")).hasSize(85)
        .filteredOn(c -> c.path("zip").asText().equals("00000")).hasSize(5);

    CliRun again = CliRun.of("retry", dir.toString(), jobId);
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).startsWith("integrator: ").doesNotContain("Exception");
  }

  @Test
  void invokeAndPreviewReturnRecordsWithoutAJob() throws IOException {
    CliRun export = CliRun.of("invoke", dir.toString(), "customers", "--limit", "12");
    assertThat(export.exitCode()).as(export.err()).isZero();
    assertThat(JSON.readTree(export.out())).hasSize(12);

    Path data = write("records.json", "[{\"name\": \"x\", \"zip\": \"1\"}, {\"name\": \"y\"}]");
    CliRun imp = CliRun.of("invoke", dir.toString(), "erp-customers", "--data", data.toString());
    assertThat(imp.exitCode()).isEqualTo(1);
    JsonNode results = JSON.readTree(imp.out());
    assertThat(results.get(0).path("statusCode").asInt()).isEqualTo(200);
    assertThat(results.get(1).path("statusCode").asInt()).isEqualTo(422);

    CliRun preview = CliRun.of("preview", dir.toString(), dir.resolve("exports/customers.json").toString());
    assertThat(preview.exitCode()).as(preview.err()).isZero();
    assertThat(JSON.readTree(preview.out()).size()).isBetween(1, 100);

    assertThat(JSON.readTree(CliRun.of("jobs", dir.toString(), "--json").out())).isEmpty();
  }

  @Test
  void usageErrorsAreOneLine() {
    CliRun noFlow = CliRun.of("run", dir.toString(), "--flow", "nope");
    assertThat(noFlow.exitCode()).isEqualTo(2);
    assertThat(noFlow.err().strip()).isEqualTo("integrator: no flow nope in " + dir + " (expected flows/nope.json)");
    assertThat(CliRun.of("run", dir.toString()).exitCode()).isEqualTo(2);
    assertThat(CliRun.of("errors", dir.toString(), "no-such-job").exitCode()).isEqualTo(2);
    assertThat(CliRun.of("invoke", dir.toString(), "erp-customers").err()).contains("--data");
  }

  private void writeImport(String zipField) throws IOException {
    write("imports/erp-customers.json",
        "{\"name\": \"ERP\", \"_connectionId\": \"erp\", \"rest\": {\"relativeURI\": \"/customers\", \"method\": \"POST\"},"
            + " \"mapping\": {\"fields\": [{\"extract\": \"name\", \"generate\": \"name\"}, " + zipField + "]}}");
  }

  private Path write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }
}
