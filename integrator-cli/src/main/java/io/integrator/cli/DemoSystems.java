package io.integrator.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.testkit.Auth;
import io.integrator.testkit.Paging;
import io.integrator.testkit.RestApiServer;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two systems the demo flow connects, started from the testkit on free 127.0.0.1 ports: a web
 * shop whose {@code /customers} API pages by page number behind a bearer token, and an ERP whose
 * {@code /customers} API takes basic auth, answers look-ups by e-mail and refuses a customer without
 * a zip code. A few ERP customers exist before the run (they are updated, not created again), and a
 * few shop customers lack their zip code (the ERP rejects them; the demo fixes and retries them).
 */
final class DemoSystems implements AutoCloseable {
  static final int SHOP_CUSTOMERS = 120;
  private static final String[] FIRST = {"Ann", "Kenji", "Zoe", "Omar", "Lena", "Raj", "Mia", "Tom"};
  private static final String[] LAST = {"Lee", "Sato", "Price", "Haddad", "Berg", "Iyer", "Rossi", "Kent"};
  private static final String[][] PLACES = {
    {"Boston", "USA"}, {"Osaka", "JAPAN"}, {"Leeds", "UK"}, {"Austin", "USA"}, {"Atlantis", "ATLANTIS"}
  };

  final RestApiServer shop;
  final RestApiServer erp;
  /** The zip codes the shop was missing, by e-mail: what a user would look up to fix the errors. */
  final Map<String, String> missingZips = new LinkedHashMap<>();

  private DemoSystems(RestApiServer shop, RestApiServer erp) {
    this.shop = shop;
    this.erp = erp;
  }

  static DemoSystems start() {
    List<ObjectNode> customers = new ArrayList<>();
    Map<String, String> missing = new LinkedHashMap<>();
    for (int i = 0; i < SHOP_CUSTOMERS; i++) {
      ObjectNode c = JsonNodeFactory.instance.objectNode();
      c.put("id", i + 1);
      c.put("first_name", FIRST[i % FIRST.length]);
      c.put("last_name", LAST[(i / FIRST.length) % LAST.length]);
      c.put("email", "customer" + (i + 1) + "@example.com");
      String[] place = PLACES[i % PLACES.length];
      c.put("city", place[0]);
      c.put("country", place[1]);
      String zip = String.format("%05d", 10000 + i * 37);
      if (i % 24 == 6) {
        missing.put(c.get("email").asText(), zip);
      } else {
        c.put("zip", zip);
      }
      customers.add(c);
    }
    RestApiServer shop =
        RestApiServer.builder()
            .collection("customers", customers)
            .paging("customers", Paging.pageNumber().withFirstPage(1).withPageSize(20))
            .auth(Auth.bearer("shop-demo-token"))
            .start();
    RestApiServer erp;
    try {
      erp =
          RestApiServer.builder()
              .collection("customers", existingErpCustomers())
              .paging("customers", Paging.none().withBareArray())
              .required("customers", "email", "address.zip")
              .unique("customers", "email")
              .auth(Auth.basic("integrator", "erp-demo-password"))
              .start();
    } catch (RuntimeException e) {
      shop.close();
      throw e;
    }
    DemoSystems systems = new DemoSystems(shop, erp);
    systems.missingZips.putAll(missing);
    return systems;
  }

  /** Customers the ERP already knows, by the shop's e-mail: the flow updates them in place. */
  private static List<ObjectNode> existingErpCustomers() {
    List<ObjectNode> existing = new ArrayList<>();
    int id = 9001;
    for (int n : new int[] {3, 30, 60, 90}) {
      ObjectNode c = JsonNodeFactory.instance.objectNode();
      c.put("id", id++);
      c.put("name", "Old name " + n);
      c.put("email", "customer" + n + "@example.com");
      c.putObject("address").put("city", "Unknown").put("zip", "00000").put("country", "US");
      c.put("source", "erp");
      existing.add(c);
    }
    return existing;
  }

  URI shopBaseUri() {
    return shop.baseUri();
  }

  URI erpBaseUri() {
    return erp.baseUri();
  }

  @Override
  public void close() {
    try {
      shop.close();
    } finally {
      erp.close();
    }
  }
}
