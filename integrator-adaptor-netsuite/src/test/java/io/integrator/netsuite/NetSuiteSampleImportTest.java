package io.integrator.netsuite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.Integrator;
import io.integrator.model.Job;
import io.integrator.model.JobError;
import io.integrator.pipeline.Backoff;
import io.integrator.spi.HookItem;
import io.integrator.spi.PostMapHook;
import io.integrator.spi.PostSubmitHook;
import io.integrator.spi.PreMapHook;
import io.integrator.testkit.SuiteTalkServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API document's "NetSuite (Non-Distributed) Adaptor Imports" sample, as printed (only its
 * {@code _connectionId} points at our connection), runs through {@link Integrator} in a flow from
 * a small test export of web orders into the SuiteTalk fake.
 */
class NetSuiteSampleImportTest {
  static final String SAMPLE_IMPORT = """
      {
        "name": "NetSuite Order Import",
        "_connectionId": "%s",
        "netsuite": {
          "recordType": "SalesOrder",
          "operation": "addupdate",
          "internalIdLookup" : {
            "extract": "web_order_num",
            "searchField": "tranId"
          },
          "lookups": [
            {
              "name": "customerLookup",
              "recordType": "Customer",
              "searchField": "email",
              "resultField": "internalId",
              "allowFailures": "false",
              "includeInactive": "false"
            },
            {
              "name": "currencyMap",
              "map": {
                "USA": "USD",
                "JAPAN": "JPY",
                "UK": "GDP"
              },
              "allowFailures": "false"
            },
            {
              "name": "itemLookup",
              "recordType": "Item",
              "searchField": "itemId",
              "resultField": "internalId",
              "allowFailures": "false",
              "includeInactive": "false"
            }
          ],
          "customFieldMetadata": [
            {
              "field": "custbody_source",
              "type": "_freeFormText"
            },
            {
              "field": "custcolumn_weight",
              "type": "_decimalNumber"
            }
          ]
        },
        "mapping": {
          "fields": [
            {"extract": "city", "generate": "billingAddress.city"},
            {"extract": "zip", "generate": "billingAddress.zip"},
            {"extract": "{first_name} {last_name}", "generate": "billingAddress.addressee"},
            {"generate": "isMultiShipTo", "hardCodedValue": false},
            {"generate": "custbody_source", "hardCodedValue": "webstore"},
            {"extract": "email", "generate": "entity", "lookupName": "customerLookup"},
            {"extract": "country", "generate": "currency", "lookupName": "currencyMap"}
          ],
          "lists": [
            {
              "generate": "SalesOrderItem",
              "fields": [
                {"extract": "order_lines[*].sku", "generate": "item", "lookupName": "itemLookup"},
                {"extract": "order_lines[*].price", "generate": "rate"},
                {"extract": "order_lines[*].quantity", "generate": "quantity"},
                {"extract": "shipments[*].ship_via", "generate": "shipMethod"},
                {"extract": "shipments[*].weight", "generate": "custcolumn_weight"},
                {"extract": "tax_percent", "generate": "taxRate1"},
                {"extract": "is_taxable", "generate": "isTaxable"}
              ]
            }
          ]
        },
        "hooks": {
          "_preMappingId": "5587092fd78228000000000a",
          "_postMappingId": "5561092fd78228000000010b",
          "_postSubmitId": "5521092fd78228000100011c"
        }
      }""";

  SuiteTalkServer ns;
  final ListSourceAdaptor shop = new ListSourceAdaptor();
  final List<String> hookCalls = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    ns = SuiteTalkServer.start();
  }

  @AfterEach
  void stop() {
    ns.close();
  }

  private static ObjectNode order(String number, String email, String country, String... skus) {
    StringBuilder lines = new StringBuilder();
    StringBuilder ships = new StringBuilder();
    for (int i = 0; i < skus.length; i++) {
      lines.append(i == 0 ? "" : ",").append("""
          {"sku": "%s", "price": %d.5, "quantity": %d}""".formatted(skus[i], 10 + i, i + 1));
      ships.append(i == 0 ? "" : ",").append("""
          {"ship_via": "UPS Ground", "weight": %d.25}""".formatted(i + 1));
    }
    return Fixtures.json("""
        {"web_order_num": "%s", "email": "%s", "first_name": "Ann", "last_name": "Lee",
         "city": "Portland", "zip": "97201", "country": "%s", "tax_percent": 8.5,
         "is_taxable": true, "order_lines": [%s], "shipments": [%s]}"""
        .formatted(number, email, country, lines, ships));
  }

  @Test
  void theApiDocumentsSampleImportRunsInAFlow() {
    String ann = ns.addRecord("customer", Map.of("companyName", "Ann Lee", "email", "ann@shop.test"));
    String bob = ns.addRecord("customer", Map.of("companyName", "Bob", "email", "bob@shop.test"));
    String mug = ns.addRecord("inventoryItem", Map.of("itemId", "MUG"));
    String tee = ns.addRecord("nonInventorySaleItem", Map.of("itemId", "TEE"));
    String existing = ns.addRecord("salesOrder", Map.of("tranId", "W-100",
        "entity", Map.of("internalId", bob), "memo", "placed by phone",
        "itemList", List.of(Map.of("item", Map.of("internalId", mug), "quantity", "1"))));
    shop.sources.put("/orders", List.of(
        order("W-100", "ann@shop.test", "USA", "MUG", "TEE"),
        order("W-101", "bob@shop.test", "UK", "TEE"),
        order("W-102", "stranger@shop.test", "USA", "MUG"),
        order("W-103", "ann@shop.test", "JAPAN", "MUG")));

    try (Integrator integrator = Integrator.builder().adaptor(shop).adaptor(new NetSuiteAdaptor())
        .retryBackoff(new Backoff(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(50)))
        .hook("5587092fd78228000000000a", (PreMapHook) req -> {
          hookCalls.add("preMap " + req.data().size());
          return req.data().stream().map(HookItem::of).toList();
        })
        .hook("5561092fd78228000000010b", (PostMapHook) req -> {
          hookCalls.add("postMap " + req.postMapData().size());
          return req.postMapData().stream().map(HookItem::of).toList();
        })
        .hook("5521092fd78228000100011c", (PostSubmitHook) req -> {
          hookCalls.add("postSubmit " + req.responseData().size());
          return req.responseData();
        })
        .build()) {
      String clientId = integrator.iclients().create("""
          {"name": "NetSuite integration record", "provider": "netsuite",
           "netsuite": {"consumerKey": "%s", "consumerSecret": "%s"}}"""
          .formatted(SuiteTalkServer.CONSUMER_KEY, SuiteTalkServer.CONSUMER_SECRET)).id();
      String nsConn = integrator.connections().create("""
          {"name": "NetSuite", "type": "netsuite",
           "netsuite": {"account": "%s", "authType": "token", "tokenId": "%s",
             "tokenSecret": "%s", "_iClientId": "%s",
             "dataCenterURLs": {"webservicesDomain": "%s"}}}"""
          .formatted(ns.account(), SuiteTalkServer.TOKEN_ID, SuiteTalkServer.TOKEN_SECRET,
              clientId, ns.webservicesDomain())).id();
      String shopConn = integrator.connections().create("""
          {"name": "Shop", "type": "rest", "rest": {"baseURI": "https://shop.test",
           "mediaType": "json"}}""").id();
      String exportId = integrator.exports().create("""
          {"name": "Web orders", "_connectionId": "%s", "pageSize": 2,
           "rest": {"relativeURI": "/orders"}}""".formatted(shopConn)).id();
      String importId = integrator.imports().create(SAMPLE_IMPORT.formatted(nsConn)).id();
      String flowId = integrator.flows().create("""
          {"name": "Orders to NetSuite", "_exportId": "%s", "_importId": "%s"}"""
          .formatted(exportId, importId)).id();

      Job job = integrator.runFlow(flowId);

      assertThat(job.status()).isEqualTo("completed");
      assertThat(job.numSuccess()).isEqualTo(3);
      assertThat(job.numError()).isEqualTo(1);
      List<JobError> errors = integrator.jobErrors().list().stream()
          .filter(e -> !e.json().path("_jobId").asText().equals(job.id())).toList();
      assertThat(errors).hasSize(1);
      assertThat(errors.get(0).json().path("source").asText()).isEqualTo("lookup");
      assertThat(errors.get(0).json().path("message").asText()).contains("customerLookup");

      ObjectNode updated = ns.record("salesOrder", existing).orElseThrow();
      assertThat(updated.path("entity").path("internalId").asText()).isEqualTo(ann);
      assertThat(updated.path("memo").asText()).as("fields not mapped are kept")
          .isEqualTo("placed by phone");
      assertThat(updated.path("currency").path("name").asText()).isEqualTo("USD");
      assertThat(updated.path("billingAddress").path("addressee").asText()).isEqualTo("Ann Lee");
      assertThat(updated.path("customFieldList").path("custbody_source").asText())
          .isEqualTo("webstore");
      assertThat(updated.path("itemList")).hasSize(2);
      assertThat(updated.path("itemList").get(1).path("item").path("internalId").asText())
          .isEqualTo(tee);
      assertThat(updated.path("itemList").get(1).path("customFieldList")
          .path("custcolumn_weight").asText()).isEqualTo("2.25");
      assertThat(updated.path("itemList").get(0).path("isTaxable").asText()).isEqualTo("true");

      List<ObjectNode> orders = ns.records("salesOrder");
      assertThat(orders).hasSize(3);
      // pages run concurrently: the two new orders may arrive in either order
      assertThat(orders.stream().map(o -> o.path("currency").path("name").asText() + " "
          + o.path("entity").path("internalId").asText()))
          .containsExactlyInAnyOrder("USD " + ann, "GDP " + bob, "JPY " + ann);
      assertThat(hookCalls).contains("preMap 2", "postSubmit 2");
      // page 1: one updateList (W-100) and one addList (W-101); page 2: one addList (W-103,
      // W-102 failed its lookup and was never sent)
      assertThat(ns.calls("updateList")).isEqualTo(1);
      assertThat(ns.calls("addList")).isEqualTo(2);
    }
  }
}
