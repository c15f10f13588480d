package io.integrator.netsuite;

import static io.integrator.netsuite.DistributedFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.integrator.model.Job;
import io.integrator.spi.PingResult;
import io.integrator.spi.SubmitResult;
import io.integrator.testkit.RestletCall;
import io.integrator.testkit.RestletFault;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How RESTlet failures reach the engine: throttling, outages, refused credentials, the concurrency cap. */
class DistributedFailuresTest {
  DistributedFixture f;

  @AfterEach
  void close() {
    f.close();
  }

  void simpleImport(String connectionId) {
    f.integrator.imports().create("""
        {"_id": "imp", "name": "Notes", "_connectionId": "%s", "distributed": true}""".formatted(connectionId));
    f.integrator.imports().putDistributed("imp", io.integrator.model.Resources.of(
        io.integrator.model.DistributedImport.class, (com.fasterxml.jackson.databind.node.ObjectNode)
            io.integrator.model.ResourceJson.read("""
                {"recordType": "note", "operation": "add",
                 "mapping": {"fields": [{"extract": "text", "generate": "title"}]}}""", "test")));
  }

  List<Integer> statuses() {
    return f.ns.calls().stream().map(RestletCall::status).toList();
  }

  @Test
  void rateLimitsAndOutagesAreRetriedByTheEngine() {
    f = new DistributedFixture();
    simpleImport("ns");
    f.ns.failNext(1, RestletFault.rateLimit());
    f.ns.failNext(2, RestletFault.unexpectedError());

    List<SubmitResult> results = f.integrator.invokeImport("imp", List.of(json("{\"text\": \"a\"}")));

    assertThat(results).singleElement().satisfies(r -> assertThat(r.isSuccess()).isTrue());
    assertThat(statuses()).containsExactly(429, 500, 500, 200);
    assertThat(f.ns.records("note")).singleElement()
        .satisfies(n -> assertThat(n.path("title").asText()).isEqualTo("a"));
  }

  @Test
  void anOutageLongerThanMaxAttemptsFailsTheRecordsAsIntermittent() {
    f = new DistributedFixture();
    simpleImport("ns");
    f.ns.failNext(3, RestletFault.unexpectedError());

    List<SubmitResult> results = f.integrator.invokeImport("imp", List.of(json("{\"text\": \"a\"}")));

    assertThat(results).singleElement().satisfies(r -> {
      assertThat(r.isError()).isTrue();
      assertThat(r.classification()).isEqualTo("intermittent");
      assertThat(r.errors().get(0).message()).contains("UNEXPECTED_ERROR").contains("RESTlet import call");
    });
    assertThat(f.ns.records("note")).isEmpty();
  }

  @Test
  void refusedCredentialsFailThePingAndTakeTheConnectionOffline() {
    f = new DistributedFixture();
    f.integrator.connections().create("""
        {"_id": "bad", "name": "NetSuite (old token)", "type": "netsuite",
         "netsuite": {"account": "123456", "tokenId": "tid", "tokenSecret": "not-the-secret",
                      "_iClientId": "nsapp", "dataCenterURLs": {"restDomain": "%s"}}}"""
        .formatted(f.ns.restDomain()));
    PingResult ping = f.integrator.ping("bad");
    assertThat(ping.ok()).isFalse();
    assertThat(ping.message()).contains("INVALID_LOGIN_ATTEMPT").contains("tokenSecret")
        .doesNotContain("not-the-secret");
    assertThat(f.ns.calls()).singleElement()
        .satisfies(c -> assertThat(c.authProblem()).isEqualTo("signature does not match"));
    assertThat(f.integrator.ping("ns").ok()).isTrue();

    f.distributedExport("e", """
        {"_id": "%s", "name": "Customers", "_connectionId": "ns", "netsuite": {"type": "restlet"}}""", """
        {"type": "batch", "recordType": "customer", "searchId": "s1"}""");
    f.ns.savedSearch("s1", "customer", null);
    f.ns.add("customer", json("{\"entityid\": \"A\"}"));
    simpleImport("ns");
    f.integrator.flows().create("""
        {"_id": "flow", "name": "F", "pageGenerators": [{"_exportId": "e"}],
         "pageProcessors": [{"type": "import", "_importId": "imp"}]}""");
    f.ns.failNext(1, RestletFault.invalidLogin());

    Job job = f.integrator.runFlow("flow");

    assertThat(job.status()).isEqualTo("failed");
    assertThat(f.errors()).anySatisfy(e -> {
      assertThat(e.source()).isEqualTo("connection");
      assertThat(e.message()).contains("INVALID_LOGIN_ATTEMPT");
    });
    assertThat(f.integrator.connections().get("ns").json().path("offline").asBoolean()).isTrue();
  }

  @Test
  void aConnectionWithoutConsumerCredentialsIsReportedByField() {
    f = new DistributedFixture();
    f.integrator.connections().create("""
        {"_id": "noclient", "name": "NetSuite", "type": "netsuite",
         "netsuite": {"account": "123456", "tokenId": "tid", "tokenSecret": "ts",
                      "dataCenterURLs": {"restDomain": "%s"}}}""".formatted(f.ns.restDomain()));
    PingResult ping = f.integrator.ping("noclient");
    assertThat(ping.ok()).isFalse();
    assertThat(ping.message()).contains("netsuite._iClientId").contains("consumerKey");
    assertThat(f.ns.calls()).isEmpty();
  }

  @Test
  void restletCallsInFlightStayWithinConcurrencyLevelRestlet() {
    f = new DistributedFixture(", \"concurrencyLevelRESTlet\": 1, \"concurrencyLevel\": 3");
    for (int i = 0; i < 30; i++) {
      f.ns.add("customer", json("{\"entityid\": \"C" + i + "\"}"));
    }
    f.ns.savedSearch("s1", "customer", null);
    f.distributedExport("e", """
        {"_id": "%s", "name": "Customers", "_connectionId": "ns", "netsuite": {"type": "restlet"},
         "pageSize": 5}""", """
        {"type": "batch", "recordType": "customer", "searchId": "s1"}""");
    f.distributedImport("copy", """
        {"recordType": "customrecord_copy", "operation": "add",
         "mapping": {"fields": [{"extract": "entityid", "generate": "name"}]}}""");
    f.integrator.flows().create("""
        {"_id": "flow", "name": "F", "pageGenerators": [{"_exportId": "e"}],
         "pageProcessors": [{"type": "import", "_importId": "copy"}]}""");

    Job job = f.integrator.runFlow("flow");

    assertThat(job.numSuccess()).isEqualTo(30);
    assertThat(job.numPagesGenerated()).isEqualTo(6);
    assertThat(f.ns.maxConcurrentCalls()).isEqualTo(1);
    assertThat(RestletSettings.concurrency(json("{}"))).isEqualTo(1);
    assertThat(RestletSettings.concurrency(json("{\"concurrencyLevel\": 4}"))).isEqualTo(4);
    assertThat(RestletSettings.concurrency(json("{\"concurrencyLevelRESTlet\": 6, \"concurrencyLevel\": 4}")))
        .isEqualTo(4);
  }
}
