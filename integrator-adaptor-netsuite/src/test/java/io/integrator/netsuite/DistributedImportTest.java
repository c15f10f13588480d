package io.integrator.netsuite;

import static io.integrator.netsuite.DistributedFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.model.Job;
import io.integrator.model.JobError;
import io.integrator.testkit.RestletCall;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The API document's "NetSuite Distributed Adaptor Imports" sample, end to end through the engine:
 * web orders read from NetSuite by a batch export go through the sample's distributed import (lookups,
 * mapping, sublists, NetSuite-side hooks, addupdate by internalIdLookup) into the RestletServer.
 */
class DistributedImportTest {
  /** The sample's distributed import document, as the API document has it. */
  static final String SAMPLE = """
      {
        "recordType": "salesorder",
        "operation": "addupdate",
        "internalIdLookup" : {
          "extract": "web_order_num",
          "searchField": "tranid"
        },
        "lookups": [
          {
            "name": "customerLookup",
            "recordType": "customer",
            "searchField": "email",
            "resultField": "internalid",
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
            "recordType": "item",
            "searchField": "itemid",
            "resultField": "internalid",
            "allowFailures": "false",
            "includeInactive": "false"
          },
          {
            "name": "orderLookup",
            "recordType": "salesorder",
            "expression": "[['tranid','is','{{last_order}}'],'OR',['custbody_web_id','is','{{last_order}}']]",
            "allowFailures": "true"
          }
        ],
        "mapping": {
          "fields": [
            {"extract": "city", "generate": "billcity"},
            {"extract": "zip", "generate": "billzip"},
            {"extract": "{first_name} {last_name}", "generate": "billaddressee"},
            {"generate": "ismultishipto", "hardCodedValue": false},
            {"generate": "custbody_source", "hardCodedValue": "webstore"},
            {"extract": "email", "generate": "entity", "lookupName": "customerLookup"},
            {"extract": "country", "generate": "currency", "lookupName": "currencyMap"},
            {"generate": "custbody_previous", "lookupName": "orderLookup"}
          ],
          "lists": [
            {
              "generate": "item",
              "fields": [
                {"extract": "order_lines[*].sku", "generate": "item", "lookupName": "itemLookup"},
                {"extract": "order_lines[*].price", "generate": "rate"},
                {"extract": "order_lines[*].quantity", "generate": "quantity"},
                {"extract": "shipments[*].ship_via", "generate": "shipmethod"},
                {"extract": "shipments[*].weight", "generate": "custcolumn_weight"},
                {"extract": "tax_percent", "generate": "taxrate1"},
                {"extract": "is_taxable", "generate": "istaxable"}
              ]
            }
          ]
        },
        "hooks": {
          "preMapping": {
            "fileInternalId": "1234",
            "functionName": "myPreMappingLogic"
          },
          "postMapping": {
            "fileInternalId": "1234",
            "functionName": "myPostMappingLogic"
          },
          "postSubmit": {
            "fileInternalId": "1234",
            "functionName": "myPostSubmitLogic"
          }
        }
      }""";

  final DistributedFixture f = new DistributedFixture();
  final AtomicInteger postSubmitCalls = new AtomicInteger();
  String ann;
  String sku1;
  String sku2;
  String existingOrder;

  @AfterEach
  void close() {
    f.close();
  }

  void netsuiteData() {
    ann = f.ns.add("customer", json("{\"email\": \"ann@example.com\", \"entityid\": \"Ann Lee\"}"));
    f.ns.add("customer", json("{\"email\": \"bob@example.com\", \"isinactive\": true}"));
    sku1 = f.ns.add("item", json("{\"itemid\": \"SKU1\"}"));
    sku2 = f.ns.add("item", json("{\"itemid\": \"SKU2\"}"));
    existingOrder = f.ns.add("salesorder", json("{\"tranid\": \"WEB-1\", \"memo\": \"typed in\"}"));
    f.ns.add("customrecord_web_order", json("""
        {"web_order_num": "WEB-1", "first_name": " Ann ", "last_name": "Lee", "email": "ann@example.com",
         "city": "Boston", "zip": "02110", "country": "USA", "last_order": "WEB-0",
         "order_lines": [{"sku": "SKU1", "price": 10.5, "quantity": 2}, {"sku": "SKU2", "price": 3, "quantity": 1}],
         "shipments": [{"ship_via": "UPS", "weight": 1.5}], "tax_percent": 8, "is_taxable": true}"""));
    f.ns.add("customrecord_web_order", json("""
        {"web_order_num": "WEB-2", "first_name": "Ann", "last_name": "Lee", "email": "ann@example.com",
         "city": "Tokyo", "zip": "100", "country": "JAPAN", "last_order": "WEB-1",
         "order_lines": [{"sku": "SKU2", "price": 7, "quantity": 3}], "tax_percent": 0, "is_taxable": false}"""));
    f.ns.add("customrecord_web_order", json("""
        {"web_order_num": "WEB-3", "first_name": "Bob", "last_name": "Ray", "email": "bob@example.com",
         "city": "Leeds", "zip": "LS1", "country": "UK",
         "order_lines": [{"sku": "SKU1", "price": 1, "quantity": 1}]}"""));
    f.ns.savedSearch("weborders", "customrecord_web_order", null);
    // the sample's NetSuite-side hooks, as script functions in file 1234
    f.ns.hook("1234", "myPreMappingLogic", o -> {
      ArrayNode items = DistributedFixture.JSON.createArrayNode();
      o.get("data").forEach(r -> {
        ObjectNode c = r.deepCopy();
        c.put("first_name", r.path("first_name").asText().trim());
        items.addObject().set("data", c);
      });
      return items;
    });
    f.ns.hook("1234", "myPostMappingLogic", o -> {
      ArrayNode items = DistributedFixture.JSON.createArrayNode();
      o.get("postMapData").forEach(r -> items.addObject().set("data", ((ObjectNode) r.deepCopy())
          .put("memo", "via DA")));
      return items;
    });
    f.ns.hook("1234", "myPostSubmitLogic", o -> {
      postSubmitCalls.incrementAndGet();
      return o.get("responseData");
    });
  }

  void resources() {
    f.distributedExport("weborders", """
        {"_id": "%s", "name": "Web orders", "_connectionId": "ns", "netsuite": {"type": "restlet"},
         "pageSize": 2}""", """
        {"type": "batch", "recordType": "customrecord_web_order", "searchId": "weborders"}""");
    f.distributedImport("orders", SAMPLE);
    f.integrator.flows().create("""
        {"_id": "flow", "name": "Web orders to NetSuite", "pageGenerators": [{"_exportId": "weborders"}],
         "pageProcessors": [{"type": "import", "_importId": "orders"}]}""");
  }

  ObjectNode order(String tranidOrId) {
    return f.ns.records("salesorder").stream()
        .filter(o -> tranidOrId.equals(o.path("internalid").asText()))
        .findFirst().orElseThrow();
  }

  @Test
  void theSampleImportMapsLooksUpAndSavesNetSuiteSideWithPerRecordResults() {
    netsuiteData();
    resources();

    Job job = f.integrator.runFlow("flow");

    assertThat(job.status()).isEqualTo("completed");
    assertThat(job.numExport()).isEqualTo(3);
    assertThat(job.numSuccess()).isEqualTo(2);
    assertThat(job.numError()).isEqualTo(1);
    // WEB-1 existed (internalIdLookup tranid = web_order_num): updated in place
    ObjectNode updated = order(existingOrder);
    assertThat(updated.path("memo").asText()).isEqualTo("via DA");
    assertThat(updated.path("billaddressee").asText()).isEqualTo("Ann Lee");
    assertThat(updated.path("billcity").asText()).isEqualTo("Boston");
    assertThat(updated.path("entity").asText()).isEqualTo(ann);
    assertThat(updated.path("currency").asText()).isEqualTo("USD");
    assertThat(updated.path("ismultishipto").asBoolean(true)).isFalse();
    assertThat(updated.path("custbody_source").asText()).isEqualTo("webstore");
    assertThat(updated.path("custbody_previous").asText()).isEmpty(); // allowFailures, no match
    JsonNode lines = updated.path("item");
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).path("item").asText()).isEqualTo(sku1);
    assertThat(lines.get(0).path("rate").asDouble()).isEqualTo(10.5);
    assertThat(lines.get(0).path("quantity").asInt()).isEqualTo(2);
    assertThat(lines.get(0).path("shipmethod").asText()).isEqualTo("UPS");
    assertThat(lines.get(0).path("custcolumn_weight").asDouble()).isEqualTo(1.5);
    assertThat(lines.get(0).path("taxrate1").asInt()).isEqualTo(8);
    assertThat(lines.get(1).path("item").asText()).isEqualTo(sku2);
    assertThat(lines.get(1).has("shipmethod")).isFalse();
    assertThat(lines.get(1).path("istaxable").asBoolean()).isTrue();
    // WEB-2 was added; its orderLookup (expression) found WEB-1
    List<ObjectNode> orders = f.ns.records("salesorder");
    assertThat(orders).hasSize(2);
    ObjectNode added = orders.get(1);
    assertThat(added.path("currency").asText()).isEqualTo("JPY");
    assertThat(added.path("custbody_previous").asText()).isEqualTo(existingOrder);
    // WEB-3: the inactive customer does not match, a retriable job error classified missing
    List<JobError> errors = f.errors();
    assertThat(errors).singleElement().satisfies(e -> {
      assertThat(e.code()).isEqualTo("lookup_missing");
      assertThat(e.classification()).isEqualTo("missing");
      assertThat(e.message()).contains("customerLookup").contains("bob@example.com");
      assertThat(e.retryId()).isNotNull();
    });
    // the engine sent the records unmapped with the distributed document, signed
    List<RestletCall> imports = f.ns.calls().stream().filter(c -> "import".equals(c.operation())).toList();
    assertThat(imports).hasSize(1); // NetSuite pages hold at least 5 rows: one page
    assertThat(imports.get(0).request().path("import").path("recordType").asText()).isEqualTo("salesorder");
    assertThat(imports.get(0).request().path("import").path("_importId").asText()).isEqualTo("orders");
    assertThat(imports.get(0).request().path("records").get(0).has("web_order_num")).isTrue();
    assertThat(f.ns.calls()).allSatisfy(c -> assertThat(c.authProblem()).isNull());
    assertThat(postSubmitCalls.get()).isEqualTo(1);

    // the customer is activated in NetSuite; retrying the job error imports WEB-3
    String bob = f.ns.records("customer").stream()
        .filter(c -> "bob@example.com".equals(c.path("email").asText())).findFirst().orElseThrow()
        .path("internalid").asText();
    f.ns.add("customer", json("{\"email\": \"bob@example.com\"}"));
    Job retry = f.integrator.retry(job.id());

    assertThat(retry.status()).isEqualTo("completed");
    assertThat(retry.numSuccess()).isEqualTo(1);
    assertThat(f.ns.records("salesorder")).hasSize(3);
    ObjectNode third = f.ns.records("salesorder").get(2);
    assertThat(third.path("entity").asText()).isNotEqualTo(bob); // the active one
    assertThat(third.path("currency").asText()).isEqualTo("GDP");
    assertThat(f.integrator.jobs().get(job.id()).numError()).isZero();
  }

  @Test
  void standaloneInvocationReturnsNetSuitesResultsAndIgnoresExistingRecordsWhenAsked() {
    netsuiteData();
    f.distributedImport("adds", """
        {"recordType": "salesorder", "operation": "add", "ignoreExisting": true,
         "internalIdLookup": {"extract": "web_order_num", "searchField": "tranid"},
         "mapping": {"fields": [{"extract": "web_order_num", "generate": "tranid"},
                                {"extract": "Memo", "generate": "MEMO"}]}}""");

    var results = f.integrator.invokeImport("adds", List.of(
        json("{\"web_order_num\": \"WEB-1\", \"Memo\": \"x\"}"),
        json("{\"web_order_num\": \"WEB-9\", \"Memo\": \"new\"}")));

    assertThat(results).hasSize(2);
    assertThat(results.get(0).ignored()).isTrue();
    assertThat(results.get(0).id()).isEqualTo(existingOrder);
    assertThat(results.get(1).isSuccess()).isTrue();
    assertThat(f.ns.record("salesorder", results.get(1).id()).path("memo").asText()).isEqualTo("new");
    assertThat(results.get(1).json().path("statusCode").asInt()).isEqualTo(200);
  }
}
