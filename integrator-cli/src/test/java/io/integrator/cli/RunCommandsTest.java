package io.integrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run, jobs, errors, retry, invoke and preview on a small project, as a user types them. */
class RunCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @BeforeEach
  void project() throws IOException {
    StringBuilder customers = new StringBuilder("[");
    for (int i = 0; i < 45; i++) {
      customers.append(i == 0 ? "" : ",")
          .append("{\"name\": \"c").append(i).append("\", \"reject\": ").append(i % 10 == 3).append("}");
    }
    customers.append("]");
    write("connections/shop.json",
        "{\"type\": \"http\", \"http\": {\"baseURI\": \"http://127.0.0.1:1\", \"mediaType\": \"json\"},"
            + " \"unencrypted\": {\"customers\": " + customers + "}}");
    write("connections/erp.json",
        "{\"type\": \"http\", \"http\": {\"baseURI\": \"http://127.0.0.1:2\", \"mediaType\": \"json\"}}");
    write("exports/customers.json",
        "{\"name\": \"Customers\", \"_connectionId\": \"shop\", \"pageSize\": 10,"
            + " \"http\": {\"relativeURI\": \"/customers\", \"method\": \"GET\"}}");
    write("imports/erp-customers.json",
        "{\"name\": \"ERP\", \"_connectionId\": \"erp\", \"http\": {\"relativeURI\": \"/customers\", \"method\": \"POST\"},"
            + " \"mapping\": {\"fields\": [{\"extract\": \"name\", \"generate\": \"name\"},"
            + " {\"extract\": \"reject\", \"generate\": \"reject\"}]}}");
    write("flows/sync.json", "{\"name\": \"Sync\", \"_exportId\": \"customers\", \"_importId\": \"erp-customers\"}");
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

    CliRun human = CliRun.of("run", dir.toString(), "--flow", "sync");
    assertThat(human.out()).contains("completed").contains("exported 45, succeeded 40, failed 5, ignored 0");

    CliRun jobs = CliRun.of("jobs", dir.toString(), "--flow", "sync", "--json");
    assertThat(JSON.readTree(jobs.out())).hasSize(2);
    assertThat(CliRun.of("jobs", dir.toString()).out()).contains(jobId).contains("completed");

    CliRun errors = CliRun.of("errors", dir.toString(), jobId, "--json");
    JsonNode rows = JSON.readTree(errors.out());
    assertThat(rows).hasSize(5);
    assertThat(rows.get(0).path("code").asText()).isNotEmpty();
    assertThat(rows.get(0).path("message").asText()).contains("the ERP refused c");
    assertThat(rows.get(0).path("retryData").path("record").path("name").asText()).startsWith("c");
    assertThat(CliRun.of("errors", dir.toString(), jobId).out()).contains("5 errors of job " + jobId);

    // The ERP now accepts them: retry the job's errors.
    String conn = Files.readString(dir.resolve("connections/shop.json"));
    assertThat(conn).isNotEmpty();
    write("imports/erp-customers.json",
        "{\"name\": \"ERP\", \"_connectionId\": \"erp\", \"http\": {\"relativeURI\": \"/customers\", \"method\": \"POST\"},"
            + " \"mapping\": {\"fields\": [{\"extract\": \"name\", \"generate\": \"name\"}]}}");
    CliRun retry = CliRun.of("retry", dir.toString(), jobId, "--json");
    assertThat(retry.exitCode()).as(retry.err()).isZero();
    JsonNode retryJob = JSON.readTree(retry.out());
    assertThat(retryJob.path("type").asText()).isEqualTo("retry");
    assertThat(retryJob.path("_retryOfJobId").asText()).isEqualTo(jobId);
    assertThat(retryJob.path("numSuccess").asInt()).isEqualTo(5);

    CliRun again = CliRun.of("retry", dir.toString(), jobId);
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).startsWith("integrator: ").doesNotContain("Exception");
  }

  @Test
  void invokeAndPreviewReturnRecordsWithoutAJob() throws IOException {
    CliRun export = CliRun.of("invoke", dir.toString(), "customers", "--limit", "12");
    assertThat(export.exitCode()).as(export.err()).isZero();
    assertThat(JSON.readTree(export.out())).hasSize(12);

    Path data = write("records.json", "[{\"name\": \"x\"}, {\"name\": \"y\", \"reject\": true}]");
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

  private Path write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }
}
