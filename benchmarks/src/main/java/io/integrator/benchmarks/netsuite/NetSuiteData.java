package io.integrator.benchmarks.netsuite;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.testkit.SuiteTalkServer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The benchmark's data: customers, items and sales reps in the SuiteTalk fake (each with an
 * external id and a string key: e-mail or itemId), and web orders that refer to them by both,
 * drawn from a fixed seed.
 */
final class NetSuiteData {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  final List<ObjectNode> orders;
  final int distinctCustomers;
  final int distinctItems;
  final int distinctReps;
  final int lines;

  private NetSuiteData(List<ObjectNode> orders, int customers, int items, int reps, int lines) {
    this.orders = orders;
    this.distinctCustomers = customers;
    this.distinctItems = items;
    this.distinctReps = reps;
    this.lines = lines;
  }

  /** Adds the master data to the fake. */
  static void seed(SuiteTalkServer ns, int customers, int items, int reps) {
    for (int i = 0; i < customers; i++) {
      ns.addRecord("customer", Map.of("externalId", "CUST-" + i, "companyName", "Customer " + i,
          "email", "c" + i + "@shop.test"));
    }
    for (int i = 0; i < items; i++) {
      ns.addRecord(i % 2 == 0 ? "inventoryItem" : "nonInventorySaleItem",
          Map.of("externalId", "SKU-" + i, "itemId", "SKU-" + i));
    }
    for (int i = 0; i < reps; i++) {
      ns.addRecord("employee", Map.of("externalId", "REP-" + i, "firstName", "Rep",
          "lastName", String.valueOf(i), "email", "rep" + i + "@company.test"));
    }
  }

  /** {@code count} orders of 1 to 3 lines over the seeded customers, items and reps. */
  static NetSuiteData orders(int count, int customers, int items, int reps, long seed) {
    Random random = new Random(seed);
    List<ObjectNode> orders = new ArrayList<>(count);
    Set<Integer> c = new HashSet<>();
    Set<Integer> it = new HashSet<>();
    Set<Integer> r = new HashSet<>();
    int lines = 0;
    for (int i = 0; i < count; i++) {
      int customer = random.nextInt(customers);
      int rep = random.nextInt(reps);
      c.add(customer);
      r.add(rep);
      ObjectNode o = F.objectNode().put("id", i + 1).put("number", "WEB-%06d".formatted(i + 1))
          .put("customerId", "CUST-" + customer).put("email", "c" + customer + "@shop.test")
          .put("salesRepId", "REP-" + rep).put("salesRepEmail", "rep" + rep + "@company.test");
      ArrayNode ls = o.putArray("lines");
      int n = 1 + random.nextInt(3);
      for (int l = 0; l < n; l++) {
        int item = random.nextInt(items);
        it.add(item);
        ls.addObject().put("sku", "SKU-" + item).put("quantity", 1 + random.nextInt(5))
            .put("price", (100 + random.nextInt(9900)) / 100.0);
      }
      lines += n;
      orders.add(o);
    }
    return new NetSuiteData(orders, c.size(), it.size(), r.size(), lines);
  }
}
