package io.integrator.benchmarks.netsuite;

import io.integrator.Integrator;
import io.integrator.testkit.RestApiServer;
import io.integrator.testkit.SuiteTalkServer;

/**
 * The benchmark's resources: a NetSuite connection to the fake (token credentials, an IClient), a
 * shop connection, one import per lookup style and, per order collection, a REST export of one page
 * and a flow per import.
 */
final class NetSuiteProject {
  private NetSuiteProject() {}

  static void create(Integrator integrator, SuiteTalkServer ns, RestApiServer shop, int concurrency,
      int orders, int warmup) {
    integrator.iclients().create("""
        {"_id": "netsuite-app", "name": "NetSuite integration record", "provider": "netsuite",
         "netsuite": {"consumerKey": "%s", "consumerSecret": "%s"}}"""
        .formatted(SuiteTalkServer.CONSUMER_KEY, SuiteTalkServer.CONSUMER_SECRET));
    integrator.connections().create("""
        {"_id": "netsuite", "name": "NetSuite (testkit)", "type": "netsuite",
         "netsuite": {"account": "%s", "authType": "token", "tokenId": "%s", "tokenSecret": "%s",
           "_iClientId": "netsuite-app", "concurrencyLevelWebServices": %d,
           "dataCenterURLs": {"webservicesDomain": "%s"}}}"""
        .formatted(ns.account(), SuiteTalkServer.TOKEN_ID, SuiteTalkServer.TOKEN_SECRET,
            concurrency, ns.webservicesDomain()));
    integrator.connections().create("""
        {"_id": "shop", "name": "Web shop", "type": "rest",
         "rest": {"baseURI": "%s", "mediaType": "json"}}""".formatted(shop.baseUri()));
    integrator.imports().create(salesOrders("orders-by-external-id",
        "customerId", "externalId", "lines[*].sku", "externalId", "salesRepId", "externalId"));
    integrator.imports().create(salesOrders("orders-by-string-keys",
        "email", "email", "lines[*].sku", "itemId", "salesRepEmail", "email"));
    export(integrator, "orders", orders);
    export(integrator, "warmup", warmup);
  }

  private static void export(Integrator integrator, String collection, int pageSize) {
    integrator.exports().create("""
        {"_id": "%1$s", "name": "Web orders (%1$s)", "_connectionId": "shop", "pageSize": %2$d,
         "rest": {"relativeURI": "/%1$s", "resourcePath": "data",
                  "pagingMethod": "pageargument", "pageArgument": "page"}}"""
        .formatted(collection, pageSize));
    for (String[] leg : new String[][] {{"select", "orders-by-external-id"},
        {"string", "orders-by-string-keys"}}) {
      integrator.flows().create("""
          {"_id": "%1$s-%2$s", "name": "%1$s into NetSuite (%2$s lookups)",
           "_exportId": "%1$s", "_importId": "%3$s"}""".formatted(collection, leg[0], leg[1]));
    }
  }

  /** A sales order import with a customer, an item (per line) and a sales rep lookup. */
  private static String salesOrders(String id, String customerKey, String customerField,
      String itemKey, String itemField, String repKey, String repField) {
    return """
        {"_id": "%s", "name": "Web orders into NetSuite", "_connectionId": "netsuite",
         "netsuite": {"recordType": "salesOrder", "operation": "add",
           "lookups": [
             {"name": "customerLookup", "recordType": "Customer", "searchField": "%s"},
             {"name": "itemLookup", "recordType": "Item", "searchField": "%s"},
             {"name": "repLookup", "recordType": "Employee", "searchField": "%s"}]},
         "mapping": {
           "fields": [
             {"extract": "%s", "generate": "entity", "lookupName": "customerLookup"},
             {"extract": "%s", "generate": "salesRep", "lookupName": "repLookup"},
             {"extract": "number", "generate": "memo"}],
           "lists": [{"generate": "itemList", "fields": [
             {"extract": "%s", "generate": "item", "lookupName": "itemLookup"},
             {"extract": "lines[*].quantity", "generate": "quantity"},
             {"extract": "lines[*].price", "generate": "rate"}]}]}}"""
        .formatted(id, customerField, itemField, repField, customerKey, repKey, itemKey);
  }
}
