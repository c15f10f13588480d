package io.integrator.netsuite;

import static io.integrator.netsuite.DistributedFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.model.Job;
import io.integrator.testkit.RestletCall;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The API document's NetSuite batch and realtime export samples, end to end through the engine. */
class DistributedExportTest {
  final DistributedFixture f = new DistributedFixture();

  @AfterEach
  void close() {
    f.close();
  }

  /** A distributed import that copies what it gets into customrecord_copy. */
  void copyImport() {
    f.distributedImport("copy", """
        {"recordType": "customrecord_copy", "operation": "add",
         "mapping": {"fields": [{"extract": "id", "generate": "custrecord_source_id"},
                                {"extract": "entityid", "generate": "name"},
                                {"extract": "tranid", "generate": "name"},
                                {"extract": "presend", "generate": "custrecord_presend"}]}}""");
  }

  void presendHook() {
    f.ns.hook("1234", "myPreSendLogic", o -> {
      ArrayNode out = DistributedFixture.JSON.createArrayNode();
      o.get("data").forEach(r -> out.add(((ObjectNode) r.deepCopy()).put("presend", true)));
      return out;
    });
  }

  @Test
  void batchSampleReadsTheSavedSearchPageByPageWithTheDeltaWindow() {
    for (int i = 0; i < 120; i++) {
      f.ns.add("customer", json("{\"entityid\": \"C%03d\", \"lastmodifieddate\": \"2024-01-01T00:00:%02d.000Z\"}"
          .formatted(i, i % 60)));
    }
    f.ns.savedSearch("69422", "customer", null);
    presendHook();
    f.distributedExport("customers", """
        {
          "_id": "%s",
          "name": "Delta Customer Export",
          "_connectionId": "ns",
          "type": "delta",
          "delta": {
            "dateField": "lastmodifieddate"
          },
          "netsuite": {
            "type": "restlet"
          },
          "pageSize": 50
        }""", """
        {
          "type": "batch",
          "recordType": "customer",
          "searchId": "69422",
          "hooks": {
            "preSend": {
              "fileInternalId": "1234",
              "functionName": "myPreSendLogic"
            }
          }
        }""");
    copyImport();
    f.integrator.flows().create("""
        {"_id": "flow", "name": "Customers", "pageGenerators": [{"_exportId": "customers"}],
         "pageProcessors": [{"type": "import", "_importId": "copy"}]}""");

    Job first = f.integrator.runFlow("flow");

    assertThat(first.status()).isEqualTo("completed");
    assertThat(first.numExport()).isEqualTo(120);
    assertThat(first.numPagesGenerated()).isEqualTo(3);
    assertThat(first.numSuccess()).isEqualTo(120);
    List<ObjectNode> copies = f.ns.records("customrecord_copy");
    assertThat(copies).hasSize(120);
    assertThat(copies).allSatisfy(c -> assertThat(c.path("custrecord_presend").asBoolean()).isTrue());
    List<RestletCall> exports = exportCalls();
    assertThat(exports).extracting(c -> c.request().path("pageIndex").asInt()).containsExactly(0, 1, 2);
    assertThat(exports.get(0).request().path("pageSize").asInt()).isEqualTo(50);
    assertThat(exports.get(0).request().path("export").path("searchId").asText()).isEqualTo("69422");
    assertThat(exports.get(0).request().path("delta").path("dateField").asText()).isEqualTo("lastmodifieddate");
    assertThat(exports.get(0).request().path("delta").has("from")).isFalse(); // first run
    String to = exports.get(0).request().path("delta").path("to").asText();
    assertThat(f.integrator.deltaWatermark("flow", "customers")).contains(Instant.parse(to));

    // two customers change after the first run: the second run exports only them
    f.ns.add("customer", json("{\"entityid\": \"NEW1\"}"));
    f.ns.add("customer", json("{\"entityid\": \"NEW2\"}"));
    Job second = f.integrator.runFlow("flow");

    assertThat(second.numExport()).isEqualTo(2);
    List<RestletCall> later = exportCalls().subList(3, exportCalls().size());
    assertThat(later).hasSize(1);
    assertThat(later.get(0).request().path("delta").path("from").asText()).isEqualTo(to);
    assertThat(f.ns.records("customrecord_copy")).hasSize(122);
  }

  List<RestletCall> exportCalls() {
    return f.ns.calls().stream().filter(c -> "export".equals(c.operation())).toList();
  }

  @Test
  void realtimeSamplePushesWithTheBearerTokenEnterTheFlowAndWrongTokensAreRefused() throws Exception {
    presendHook();
    f.distributedExport("realtime", """
        {
          "_id": "%s",
          "name": "Realtime Item Export",
          "_connectionId": "ns",
          "type": "distributed",
          "distributed": {
            "bearerToken": "push-secret-1",
          }
        }""", """
        {
          "type": "realtime",
          "recordType": "salesorder",
          "executionContext": ["userinterface", "webservices", "webstore"],
          "qualifier": "['total', '>=', '1000']",
          "hooks": {
            "preSend": {
              "fileInternalId": "1234",
              "functionName": "myPreSendLogic"
            }
          }
        }""");
    copyImport();
    f.integrator.flows().create("""
        {"_id": "flow", "name": "Orders as they are saved", "pageGenerators": [{"_exportId": "realtime"}],
         "pageProcessors": [{"type": "import", "_importId": "copy"}]}""");
    BlockingQueue<Job> runs = new LinkedBlockingQueue<>();
    f.integrator.webhooks().onJob(runs::add);
    ObjectNode distributed = f.integrator.exports().getDistributed("realtime").json();
    String big = f.ns.add("salesorder", json("""
        {"tranid": "SO-1", "total": 1500, "item": [{"item": "7", "quantity": 1}], "shipgroup": [{"x": 1}]}"""));
    String small = f.ns.add("salesorder", json("{\"tranid\": \"SO-2\", \"total\": 999}"));

    try (DistributedServer server = DistributedServer.start(
        DistributedListener.builder(f.integrator.webhooks()).build(), "127.0.0.1", 0)) {
      URI url = URI.create(server.url("realtime"));

      // filtered on the NetSuite side: qualifier, execution context
      assertThat(f.ns.afterSubmit(url, "push-secret-1", distributed, "salesorder", small, "userinterface", "create"))
          .isEmpty();
      assertThat(f.ns.afterSubmit(url, "push-secret-1", distributed, "salesorder", big, "csvimport", "create"))
          .isEmpty();
      // a wrong token is refused and nothing enters the flow
      assertThat(f.ns.afterSubmit(url, "push-secret-2", distributed, "salesorder", big, "userinterface", "create"))
          .isEqualTo(OptionalInt.of(401));
      HttpResponse<String> none = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url)
          .POST(HttpRequest.BodyPublishers.ofString("{\"records\": [{\"id\": \"1\"}]}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(none.statusCode()).isEqualTo(401);
      assertThat(none.body()).contains("bearer token");
      assertThat(f.integrator.webhooks().pending("flow")).isZero();
      assertThat(runs).isEmpty();

      // the right token: the record enters the flow
      assertThat(f.ns.afterSubmit(url, "push-secret-1", distributed, "salesorder", big, "userinterface", "create"))
          .isEqualTo(OptionalInt.of(200));
      Job job = runs.poll(30, TimeUnit.SECONDS);
      assertThat(job).isNotNull();
      assertThat(job.status()).isEqualTo("completed");
      assertThat(job.numExport()).isEqualTo(1);
      assertThat(job.numSuccess()).isEqualTo(1);
    }
    List<ObjectNode> copies = f.ns.records("customrecord_copy");
    assertThat(copies).singleElement().satisfies(c -> {
      assertThat(c.path("custrecord_source_id").asText()).isEqualTo(big);
      assertThat(c.path("name").asText()).isEqualTo("SO-1");
      assertThat(c.path("custrecord_presend").asBoolean()).isTrue();
    });
    assertThat(runs).isEmpty();
  }
}
