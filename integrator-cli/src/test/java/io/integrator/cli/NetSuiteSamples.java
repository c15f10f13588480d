package io.integrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.testkit.FtpTestServer;
import io.integrator.testkit.Paging;
import io.integrator.testkit.RestApiServer;
import io.integrator.testkit.RestletServer;
import io.integrator.testkit.SuiteTalkServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API document's two NetSuite import samples against the testkit, shared by the command line
 * and Java API tests: a SuiteTalk fake (web services) and a RESTlet fake (distributed adaptor) for
 * one NetSuite account, a web shop (REST) and a partner FTP server holding the same four web orders
 * (JSON and CSV), and the project documents that connect them.
 *
 * <p>Both fakes know customers Ann and Bob (by e-mail), items MUG and TEE and sales order W-100.
 * Orders W-100 (updated: its tranId exists), W-101 and W-103 (added) go through; W-102's customer
 * cara@shop.test is not in NetSuite, so its {@code customerLookup} fails and it becomes a job
 * error until {@link #addMissingCustomer()} fixes the data.
 */
final class NetSuiteSamples implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  /** Flow ids: each import sample fed by each export. */
  static final String REST_TO_WS = "rest-orders-to-netsuite";
  static final String FTP_TO_WS = "ftp-orders-to-netsuite";
  static final String REST_TO_DA = "rest-orders-to-netsuite-da";
  static final String FTP_TO_DA = "ftp-orders-to-netsuite-da";
  static final String MISSING_EMAIL = "cara@shop.test";

  final SuiteTalkServer ws = SuiteTalkServer.start();
  final RestletServer da = RestletServer.builder().account(SuiteTalkServer.ACCOUNT)
      .consumer(SuiteTalkServer.CONSUMER_KEY, SuiteTalkServer.CONSUMER_SECRET)
      .token(SuiteTalkServer.TOKEN_ID, SuiteTalkServer.TOKEN_SECRET).start();
  final RestApiServer shop;
  final FtpTestServer ftp = FtpTestServer.start();
  final List<ObjectNode> orders = orders();

  final String wsAnn;
  final String wsBob;
  final String wsMug;
  final String wsTee;
  final String wsExisting;
  final String daAnn;
  final String daMug;
  final String daTee;
  final String daExisting;

  NetSuiteSamples() {
    shop = RestApiServer.builder().collection("orders", orders)
        .paging("orders", Paging.pageNumber().withFirstPage(1).withPageSize(2)).start();
    try {
      Path outbound = Files.createDirectories(ftp.home().resolve("outbound"));
      Files.writeString(outbound.resolve("orders-1.csv"), csv(orders));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    wsAnn = ws.addRecord("customer", Map.of("companyName", "Ann Lee", "email", "ann@shop.test"));
    wsBob = ws.addRecord("customer", Map.of("companyName", "Bob Ray", "email", "bob@shop.test"));
    wsMug = ws.addRecord("inventoryItem", Map.of("itemId", "MUG"));
    wsTee = ws.addRecord("nonInventorySaleItem", Map.of("itemId", "TEE"));
    wsExisting = ws.addRecord("salesOrder", Map.of("tranId", "W-100",
        "entity", Map.of("internalId", wsBob), "memo", "placed by phone",
        "itemList", List.of(Map.of("item", Map.of("internalId", wsMug), "quantity", "1"))));

    daAnn = da.add("customer", json("{\"email\": \"ann@shop.test\", \"entityid\": \"Ann Lee\"}"));
    da.add("customer", json("{\"email\": \"bob@shop.test\", \"entityid\": \"Bob Ray\"}"));
    daMug = da.add("item", json("{\"itemid\": \"MUG\"}"));
    daTee = da.add("item", json("{\"itemid\": \"TEE\"}"));
    daExisting = da.add("salesorder", json("{\"tranid\": \"W-100\", \"memo\": \"typed in\"}"));
    // the distributed sample's NetSuite-side hooks: script functions of file 1234 in the account
    da.hook("1234", "myPreMappingLogic", o -> {
      ArrayNode items = JSON.createArrayNode();
      o.get("data").forEach(r -> items.addObject().set("data",
          ((ObjectNode) r.deepCopy()).put("first_name", r.path("first_name").asText().trim())));
      return items;
    });
    da.hook("1234", "myPostMappingLogic", o -> {
      ArrayNode items = JSON.createArrayNode();
      o.get("postMapData").forEach(r -> items.addObject().set("data",
          ((ObjectNode) r.deepCopy()).put("memo", NetSuiteSampleHooks.MEMO)));
      return items;
    });
    da.hook("1234", "myPostSubmitLogic", o -> o.get("responseData"));
  }

  static ObjectNode json(String text) {
    try {
      return (ObjectNode) JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The four web orders, as the shop's API serves them. */
  private static List<ObjectNode> orders() {
    return List.of(
        json("""
            {"web_order_num": "W-100", "email": "ann@shop.test", "first_name": " Ann ", "last_name": "Lee",
             "city": "Portland", "zip": "97201", "country": "USA", "tax_percent": 8.5, "is_taxable": true,
             "last_order": "",
             "order_lines": [{"sku": "MUG", "price": 10.5, "quantity": 1}, {"sku": "TEE", "price": 11.5, "quantity": 2}],
             "shipments": [{"ship_via": "UPS Ground", "weight": 1.25}, {"ship_via": "FedEx", "weight": 2.25}]}"""),
        json("""
            {"web_order_num": "W-101", "email": "bob@shop.test", "first_name": "Bob", "last_name": "Ray",
             "city": "Leeds", "zip": "LS1", "country": "UK", "tax_percent": 0, "is_taxable": false,
             "last_order": "",
             "order_lines": [{"sku": "TEE", "price": 7, "quantity": 3}],
             "shipments": [{"ship_via": "Royal Mail", "weight": 0.5}]}"""),
        json("""
            {"web_order_num": "W-102", "email": "cara@shop.test", "first_name": "Cara", "last_name": "Diaz",
             "city": "Austin", "zip": "73301", "country": "USA", "tax_percent": 8.25, "is_taxable": true,
             "last_order": "",
             "order_lines": [{"sku": "MUG", "price": 10.5, "quantity": 1}], "shipments": []}"""),
        json("""
            {"web_order_num": "W-103", "email": "ann@shop.test", "first_name": "Ann", "last_name": "Lee",
             "city": "Tokyo", "zip": "100-0001", "country": "JAPAN", "tax_percent": 10, "is_taxable": true,
             "last_order": "W-100",
             "order_lines": [{"sku": "MUG", "price": 9, "quantity": 4}],
             "shipments": [{"ship_via": "EMS", "weight": 4}]}"""));
  }

  private static final List<String> ORDER_COLUMNS = List.of("web_order_num", "email", "first_name",
      "last_name", "city", "zip", "country", "tax_percent", "is_taxable", "last_order");

  /** The same orders as the partner's CSV: one row per order line, the order's columns repeated. */
  private static String csv(List<ObjectNode> orders) {
    StringBuilder csv = new StringBuilder(String.join(",", ORDER_COLUMNS))
        .append(",sku,price,quantity,ship_via,weight\n");
    for (ObjectNode o : orders) {
      JsonNode lines = o.get("order_lines");
      for (int i = 0; i < lines.size(); i++) {
        for (String c : ORDER_COLUMNS) {
          csv.append('"').append(o.path(c).asText()).append("\",");
        }
        JsonNode ship = o.path("shipments").path(i);
        csv.append(lines.get(i).path("sku").asText()).append(',')
            .append(lines.get(i).path("price").asText()).append(',')
            .append(lines.get(i).path("quantity").asText()).append(',')
            .append(ship.path("ship_via").asText()).append(',')
            .append(ship.path("weight").asText()).append('\n');
      }
    }
    return csv.toString();
  }

  /**
   * The project: file path (relative to the project directory) to document, in the order a Java
   * API user creates them. The connection's endpoints and token credentials live in the documents.
   */
  Map<String, String> documents() {
    Map<String, String> docs = new LinkedHashMap<>();
    docs.put("integrations/webstore.json", "{\"name\": \"Web store\"}");
    docs.put("iclients/netsuite-app.json", """
        {"name": "NetSuite integration record", "provider": "netsuite",
         "netsuite": {"consumerKey": "%s", "consumerSecret": "%s"}}"""
        .formatted(SuiteTalkServer.CONSUMER_KEY, SuiteTalkServer.CONSUMER_SECRET));
    docs.put("connections/netsuite.json", """
        {"name": "NetSuite (testkit)", "type": "netsuite",
         "netsuite": {"account": "%s", "authType": "token", "tokenId": "%s", "tokenSecret": "%s",
           "_iClientId": "netsuite-app",
           "dataCenterURLs": {"webservicesDomain": "%s", "restDomain": "%s"}}}"""
        .formatted(ws.account(), SuiteTalkServer.TOKEN_ID, SuiteTalkServer.TOKEN_SECRET,
            ws.webservicesDomain(), da.restDomain()));
    docs.put("connections/shop.json", """
        {"name": "Web shop", "type": "rest", "rest": {"baseURI": "%s", "mediaType": "json"}}"""
        .formatted(shop.baseUri()));
    docs.put("connections/partner-ftp.json", """
        {"name": "Partner FTP", "type": "ftp",
         "ftp": {"hostURI": "%s", "port": %d, "username": "%s", "password": "%s"}}"""
        .formatted(ftp.host(), ftp.port(), ftp.username(), ftp.password()));
    docs.put("exports/shop-orders.json", """
        {"name": "Web orders", "_connectionId": "shop", "pageSize": 2,
         "rest": {"relativeURI": "/orders", "resourcePath": "data",
                  "pagingMethod": "pageargument", "pageArgument": "page"}}""");
    docs.put("exports/ftp-orders.json", """
        {"name": "Partner orders (CSV)", "_connectionId": "partner-ftp", "pageSize": 2,
         "ftp": {"directoryPath": "/outbound", "fileNameEndsWith": ".csv",
                 "backupDirectoryPath": "/outbound/done"},
         "file": {"type": "csv", "csv": {"keyColumns": %s}},
         "hooks": {"_preSavePageId": "order-lines-from-csv-rows"}}"""
        .formatted(ORDER_COLUMNS.stream().map(c -> "\"" + c + "\"").toList()));
    docs.put("imports/netsuite-orders.json", sample("netsuite-import.json"));
    docs.put("imports/netsuite-orders-da.json", sample("distributed-import.json"));
    docs.put("imports/netsuite-orders-da.distributed.json",
        resource("distributed-import.distributed.json"));
    docs.put("flows/" + REST_TO_WS + ".json", flow("shop-orders", "netsuite-orders"));
    docs.put("flows/" + FTP_TO_WS + ".json", flow("ftp-orders", "netsuite-orders"));
    docs.put("flows/" + REST_TO_DA + ".json", flow("shop-orders", "netsuite-orders-da"));
    docs.put("flows/" + FTP_TO_DA + ".json", flow("ftp-orders", "netsuite-orders-da"));
    return docs;
  }

  /** Writes {@link #documents()} into a project directory. */
  void writeProject(Path dir) throws IOException {
    for (Map.Entry<String, String> d : documents().entrySet()) {
      Path file = dir.resolve(d.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, d.getValue());
    }
  }

  private static String flow(String exportId, String importId) {
    return "{\"name\": \"" + exportId + " into " + importId + "\", \"_integrationId\": \"webstore\","
        + " \"_exportId\": \"" + exportId + "\", \"_importId\": \"" + importId + "\"}";
  }

  /**
   * An import sample of the API document as printed, its references pointed at this project's
   * connection and integration.
   */
  private static String sample(String name) {
    ObjectNode doc = json(resource(name));
    doc.put("_connectionId", "netsuite");
    if (doc.has("_integrationId")) {
      doc.put("_integrationId", "webstore");
    }
    return doc.toPrettyString();
  }

  private static String resource(String name) {
    try (InputStream in = NetSuiteSamples.class.getResourceAsStream("/netsuite-samples/" + name)) {
      if (in == null) {
        throw new IllegalStateException("test resource netsuite-samples/" + name + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fixes the data: the customer of W-102 now exists in NetSuite (both fakes). */
  void addMissingCustomer() {
    ws.addRecord("customer", Map.of("companyName", "Cara Diaz", "email", MISSING_EMAIL));
    da.add("customer", json("{\"email\": \"" + MISSING_EMAIL + "\", \"entityid\": \"Cara Diaz\"}"));
  }

  /**
   * A web services sales order by its billing zip, or null (the samples map no tranId: NetSuite
   * numbers new orders itself; each test order has its own zip).
   */
  ObjectNode wsOrder(String zip) {
    return ws.records("salesOrder").stream()
        .filter(o -> zip.equals(o.path("billingAddress").path("zip").asText()))
        .findFirst().orElse(null);
  }

  /** A distributed (NetSuite-side) sales order by its billing zip, or null. */
  ObjectNode daOrder(String zip) {
    return da.records("salesorder").stream().filter(o -> zip.equals(o.path("billzip").asText()))
        .findFirst().orElse(null);
  }

  /**
   * Checks what the web services sample wrote: W-100 updated in place, W-101 and W-103 added with
   * their lookups answered and fields mapped; W-102 only when {@code retried}.
   */
  void assertWebServicesOrders(boolean retried) {
    ObjectNode updated = ws.record("salesOrder", wsExisting).orElseThrow();
    assertThat(updated.path("entity").path("internalId").asText()).as("customerLookup")
        .isEqualTo(wsAnn);
    assertThat(updated.path("currency").path("name").asText()).as("currencyMap").isEqualTo("USD");
    assertThat(updated.path("billingAddress").path("addressee").asText())
        .as("template over names trimmed by the preMap hook").isEqualTo("Ann Lee");
    assertThat(updated.path("billingAddress").path("city").asText()).isEqualTo("Portland");
    assertThat(updated.path("billingAddress").path("zip").asText()).isEqualTo("97201");
    assertThat(updated.path("isMultiShipTo").asText()).isEqualTo("false");
    assertThat(updated.path("memo").asText()).as("postMap hook").isEqualTo(NetSuiteSampleHooks.MEMO);
    assertThat(updated.path("customFieldList").path("custbody_source").asText()).isEqualTo("webstore");
    JsonNode lines = updated.path("itemList");
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).path("item").path("internalId").asText()).as("itemLookup").isEqualTo(wsMug);
    assertThat(lines.get(1).path("item").path("internalId").asText()).isEqualTo(wsTee);
    assertThat(lines.get(1).path("rate").asDouble()).isEqualTo(11.5);
    assertThat(lines.get(1).path("quantity").asInt()).isEqualTo(2);
    assertThat(lines.get(1).path("shipMethod").path("name").asText()).isEqualTo("FedEx");
    assertThat(lines.get(1).path("customFieldList").path("custcolumn_weight").asDouble()).isEqualTo(2.25);
    assertThat(lines.get(0).path("taxRate1").asDouble()).isEqualTo(8.5);
    assertThat(lines.get(0).path("isTaxable").asText()).isEqualTo("true");

    ObjectNode uk = wsOrder("LS1");
    assertThat(uk).as("W-101 added").isNotNull();
    assertThat(uk.path("entity").path("internalId").asText()).isEqualTo(wsBob);
    assertThat(uk.path("currency").path("name").asText()).isEqualTo("GDP");
    assertThat(uk.path("itemList").get(0).path("item").path("internalId").asText()).isEqualTo(wsTee);
    ObjectNode japan = wsOrder("100-0001");
    assertThat(japan).as("W-103 added").isNotNull();
    assertThat(japan.path("currency").path("name").asText()).isEqualTo("JPY");
    assertThat(japan.path("entity").path("internalId").asText()).isEqualTo(wsAnn);
    if (retried) {
      ObjectNode cara = wsOrder("73301");
      assertThat(cara).as("W-102 added by the retry").isNotNull();
      assertThat(cara.path("billingAddress").path("addressee").asText()).isEqualTo("Cara Diaz");
      assertThat(ws.records("salesOrder")).hasSize(4);
    } else {
      assertThat(wsOrder("73301")).as("W-102 failed its customerLookup").isNull();
      assertThat(ws.records("salesOrder")).hasSize(3);
    }
  }

  /** Checks what the distributed sample saved NetSuite-side, as {@link #assertWebServicesOrders}. */
  void assertDistributedOrders(boolean retried) {
    ObjectNode updated = da.record("salesorder", daExisting);
    assertThat(updated.path("entity").asText()).as("customerLookup").isEqualTo(daAnn);
    assertThat(updated.path("currency").asText()).as("currencyMap").isEqualTo("USD");
    assertThat(updated.path("billaddressee").asText())
        .as("template over names trimmed by the NetSuite-side preMapping hook").isEqualTo("Ann Lee");
    assertThat(updated.path("billcity").asText()).isEqualTo("Portland");
    assertThat(updated.path("memo").asText()).as("postMapping hook").isEqualTo(NetSuiteSampleHooks.MEMO);
    assertThat(updated.path("custbody_source").asText()).isEqualTo("webstore");
    assertThat(updated.path("ismultishipto").asBoolean(true)).isFalse();
    JsonNode lines = updated.path("item");
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).path("item").asText()).as("itemLookup").isEqualTo(daMug);
    assertThat(lines.get(1).path("item").asText()).isEqualTo(daTee);
    assertThat(lines.get(1).path("rate").asDouble()).isEqualTo(11.5);
    assertThat(lines.get(1).path("quantity").asInt()).isEqualTo(2);
    assertThat(lines.get(1).path("shipmethod").asText()).isEqualTo("FedEx");
    assertThat(lines.get(1).path("custcolumn_weight").asDouble()).isEqualTo(2.25);
    assertThat(lines.get(0).path("taxrate1").asDouble()).isEqualTo(8.5);

    ObjectNode uk = daOrder("LS1");
    assertThat(uk).as("W-101 added").isNotNull();
    assertThat(uk.path("currency").asText()).isEqualTo("GDP");
    ObjectNode japan = daOrder("100-0001");
    assertThat(japan).as("W-103 added").isNotNull();
    assertThat(japan.path("currency").asText()).isEqualTo("JPY");
    assertThat(japan.path("custbody_previous").asText()).as("orderLookup (expression)")
        .isEqualTo(daExisting);
    if (retried) {
      ObjectNode cara = daOrder("73301");
      assertThat(cara).as("W-102 added by the retry").isNotNull();
      assertThat(cara.path("billaddressee").asText()).isEqualTo("Cara Diaz");
      assertThat(da.records("salesorder")).hasSize(4);
    } else {
      assertThat(daOrder("73301")).as("W-102 failed its customerLookup").isNull();
      assertThat(da.records("salesorder")).hasSize(3);
    }
  }

  @Override
  public void close() {
    shop.close();
    ftp.close();
    da.close();
    ws.close();
  }
}
