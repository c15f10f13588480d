package io.integrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code integrator run}, {@code errors} and {@code retry} with the API document's two NetSuite
 * import samples (web services and distributed, the latter with its {@code .distributed.json}
 * sub-document), each fed by a REST export and by an FTP CSV export, against the testkit's SuiteTalk
 * and RESTlet fakes. Every endpoint and credential comes from the project files.
 */
class NetSuiteSamplesCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern JOB_LINE = Pattern.compile("Job (\\S+) \\(flow\\) (\\w+)");

  @TempDir Path dir;
  NetSuiteSamples samples;

  @BeforeEach
  void project() throws IOException {
    samples = new NetSuiteSamples();
    samples.writeProject(dir);
  }

  @AfterEach
  void stop() {
    samples.close();
  }

  @ParameterizedTest(name = "from {0}")
  @ValueSource(strings = {NetSuiteSamples.REST_TO_WS, NetSuiteSamples.FTP_TO_WS})
  void theWebServicesSampleRunsAndItsLookupMissIsRetriedOnceTheDataIsFixed(String flow) {
    String jobId = runWithOneLookupMiss(flow);
    samples.assertWebServicesOrders(false);
    // lookups are searches in NetSuite: customers by e-mail, items by itemId, orders by tranId
    assertThat(samples.ws.calls("search")).isPositive();
    assertThat(samples.ws.calls("updateList")).isEqualTo(1);

    retryAfterFixingTheData(jobId);
    samples.assertWebServicesOrders(true);
  }

  @ParameterizedTest(name = "from {0}")
  @ValueSource(strings = {NetSuiteSamples.REST_TO_DA, NetSuiteSamples.FTP_TO_DA})
  void theDistributedSampleRunsAndItsLookupMissIsRetriedOnceTheDataIsFixed(String flow) {
    String jobId = runWithOneLookupMiss(flow);
    samples.assertDistributedOrders(false);
    // the records went to the RESTlet unmapped, with the .distributed.json document, signed
    assertThat(samples.da.calls()).filteredOn(c -> "import".equals(c.operation())).isNotEmpty()
        .allSatisfy(c -> {
          assertThat(c.authProblem()).isNull();
          assertThat(c.request().path("import").path("recordType").asText()).isEqualTo("salesorder");
          assertThat(c.request().path("records").get(0).has("web_order_num")).isTrue();
        });
    assertThat(samples.ws.calls()).as("no web services call").isEmpty();

    retryAfterFixingTheData(jobId);
    samples.assertDistributedOrders(true);
  }

  @Test
  void theProjectValidatesWithTheDistributedSubDocumentBesideItsImport() {
    CliRun validate = CliRun.of("validate", dir.toString());
    assertThat(validate.exitCode()).as(validate.out() + validate.err()).isZero();
    assertThat(validate.out() + validate.err()).doesNotContain("netsuite-orders-da.distributed.json:");
  }

  @Test
  void lookupsAreAskedThroughTheNetSuiteConnectionOfTheProject() throws IOException {
    Path data = dir.resolve("w-101.json");
    Files.writeString(data, samples.orders.get(1).toString());

    CliRun map = CliRun.of("map", "--import", dir.resolve("imports/netsuite-orders.json").toString(),
        "--data", data.toString(), "--dir", dir.toString());

    assertThat(map.exitCode()).as(map.out() + map.err()).isZero();
    JsonNode mapped = readJson(map.out()).get(0);
    assertThat(mapped.path("entity").asText()).isEqualTo(samples.wsBob);
    assertThat(mapped.path("SalesOrderItem").get(0).path("item").asText()).isEqualTo(samples.wsTee);
    assertThat(mapped.path("currency").asText()).isEqualTo("GDP");
  }

  /** Runs a flow as a user would (human output) and returns its job id. */
  private String runWithOneLookupMiss(String flow) {
    CliRun run = CliRun.of("run", dir.toString(), "--flow", flow);

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    Matcher job = JOB_LINE.matcher(run.out());
    assertThat(job.find()).as(run.out()).isTrue();
    assertThat(job.group(2)).isEqualTo("completed");
    assertThat(run.out()).contains("exported 4, succeeded 3, failed 1, ignored 0")
        .contains("see the errors with: integrator errors <dir> " + job.group(1));
    String jobId = job.group(1);

    CliRun errors = CliRun.of("errors", dir.toString(), jobId);
    assertThat(errors.exitCode()).as(errors.err()).isZero();
    assertThat(errors.out()).contains("customerLookup").contains(NetSuiteSamples.MISSING_EMAIL);
    JsonNode json = readJson(CliRun.of("errors", dir.toString(), jobId, "--json").out());
    assertThat(json).singleElement().satisfies(e -> {
      assertThat(e.path("classification").asText()).isEqualTo("missing");
      assertThat(e.path("retryData").path("record").path("email").asText())
          .isEqualTo(NetSuiteSamples.MISSING_EMAIL);
    });
    return jobId;
  }

  /** Adds the missing customer in NetSuite and retries the job's error from the command line. */
  private void retryAfterFixingTheData(String jobId) {
    samples.addMissingCustomer();

    CliRun retry = CliRun.of("retry", dir.toString(), jobId, "--json");

    assertThat(retry.exitCode()).as(retry.out() + retry.err()).isZero();
    JsonNode job = readJson(retry.out());
    assertThat(job.path("status").asText()).isEqualTo("completed");
    assertThat(job.path("numSuccess").asInt()).isEqualTo(1);
    assertThat(job.path("numError").asInt()).isZero();
    JsonNode errors = readJson(CliRun.of("errors", dir.toString(), jobId, "--json").out());
    assertThat(errors).as("the retried error is resolved")
        .allSatisfy(e -> assertThat(e.path("resolved").asBoolean()).isTrue());
  }

  private static JsonNode readJson(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }
}
