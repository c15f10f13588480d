package io.integrator.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Realistic web-store orders (5 lines, 3 shipments, unmapped noise) and the lookup tables. */
final class OrderData {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final int PAGE_SIZE = 20;
    static final String[] COUNTRIES = {"USA", "JAPAN", "UK"};

    /** customerLookup: email -> internalId. */
    static final Map<String, String> CUSTOMERS = new LinkedHashMap<>();
    /** itemLookup: sku -> internalId. */
    static final Map<String, String> ITEMS = new LinkedHashMap<>();

    static {
        for (int c = 0; c < PAGE_SIZE; c++) {
            CUSTOMERS.put("customer" + c + "@example.com", String.valueOf(1000 + c));
        }
        for (int i = 0; i < 40; i++) {
            ITEMS.put("SKU-" + (10000 + i), String.valueOf(5000 + i));
        }
    }

    private OrderData() {
    }

    static ObjectNode importDocument() {
        return (ObjectNode) resource("/benchmarks/netsuite-import.json");
    }

    static JsonNode resource(String name) {
        try (InputStream in = OrderData.class.getResourceAsStream(name)) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A page of distinct orders. */
    static List<ObjectNode> page() {
        List<ObjectNode> page = new ArrayList<>();
        for (int n = 0; n < PAGE_SIZE; n++) {
            page.add(order(n));
        }
        return page;
    }

    static ObjectNode order(int n) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", 880000 + n);
        o.put("web_order_num", "W-" + (100000 + n));
        o.put("created_at", "2024-03-05T14:30:00Z");
        o.put("status", "paid");
        o.put("first_name", "Ada" + n);
        o.put("last_name", "Lovelace");
        o.put("email", "customer" + n + "@example.com");
        o.put("phone", "+1 512 555 01" + (10 + n));
        o.put("address1", n + " Congress Ave");
        o.put("address2", "Suite 100");
        o.put("city", "Austin");
        o.put("state", "TX");
        o.put("zip", "78701");
        o.put("country", COUNTRIES[n % COUNTRIES.length]);
        o.put("currency_code", "USD");
        o.put("tax_percent", 8.25);
        o.put("is_taxable", n % 2 == 0);
        o.put("subtotal", 123.45 + n);
        o.put("notes", "Leave at the front desk, ring twice.");
        ArrayNode lines = o.putArray("order_lines");
        for (int l = 0; l < 5; l++) {
            ObjectNode line = lines.addObject();
            line.put("line_id", l + 1);
            line.put("sku", "SKU-" + (10000 + (n + l) % 40));
            line.put("name", "Widget model " + l);
            line.put("price", 9.99 + l);
            line.put("quantity", 1 + l);
            line.put("discount", 0);
        }
        ArrayNode shipments = o.putArray("shipments");
        for (int s = 0; s < 3; s++) {
            ObjectNode sh = shipments.addObject();
            sh.put("ship_via", s == 0 ? "UPS" : s == 1 ? "FedEx" : "USPS");
            sh.put("weight", 1.5 + s);
            sh.put("tracking", "1Z999AA1" + n + s);
        }
        ObjectNode meta = o.putObject("meta");
        meta.put("source", "webstore");
        meta.put("ip", "203.0.113.7");
        return o;
    }
}
