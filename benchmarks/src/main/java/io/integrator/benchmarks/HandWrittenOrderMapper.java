package io.integrator.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** The NetSuite order mapping written by hand with Jackson: the baseline. */
final class HandWrittenOrderMapper {

    private static final Map<String, String> CURRENCY = Map.of("USA", "USD", "JAPAN", "JPY", "UK", "GDP");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private HandWrittenOrderMapper() {
    }

    static ObjectNode map(ObjectNode in) {
        ObjectNode out = F.objectNode();
        ObjectNode billing = out.putObject("billingAddress");
        copy(in, "city", billing, "city");
        copy(in, "zip", billing, "zip");
        billing.put("addressee", text(in.get("first_name")) + " " + text(in.get("last_name")));
        out.put("isMultiShipTo", false);
        out.put("custbody_source", "webstore");
        JsonNode email = in.get("email");
        if (email != null) {
            out.put("entity", OrderData.CUSTOMERS.get(email.asText()));
        }
        JsonNode country = in.get("country");
        if (country != null) {
            out.put("currency", CURRENCY.get(country.asText()));
        }
        JsonNode lines = in.path("order_lines");
        JsonNode shipments = in.path("shipments");
        int n = Math.max(lines.size(), shipments.size());
        if (n > 0) {
            ArrayNode items = out.putArray("SalesOrderItem");
            JsonNode tax = in.get("tax_percent");
            JsonNode taxable = in.get("is_taxable");
            for (int i = 0; i < n; i++) {
                ObjectNode item = items.addObject();
                JsonNode line = lines.get(i);
                if (line != null) {
                    JsonNode sku = line.get("sku");
                    if (sku != null) {
                        item.put("item", OrderData.ITEMS.get(sku.asText()));
                    }
                    copy(line, "price", item, "rate");
                    copy(line, "quantity", item, "quantity");
                }
                JsonNode shipment = shipments.get(i);
                if (shipment != null) {
                    copy(shipment, "ship_via", item, "shipMethod");
                    copy(shipment, "weight", item, "custcolumn_weight");
                }
                if (tax != null) {
                    item.set("taxRate1", tax);
                }
                if (taxable != null) {
                    item.set("isTaxable", taxable);
                }
            }
        }
        return out;
    }

    private static void copy(JsonNode from, String name, ObjectNode to, String target) {
        JsonNode v = from.get(name);
        if (v != null) {
            to.set(target, v);
        }
    }

    private static String text(JsonNode v) {
        return v == null || v.isNull() ? "" : v.asText();
    }
}
