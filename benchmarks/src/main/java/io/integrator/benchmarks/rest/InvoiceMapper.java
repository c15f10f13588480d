package io.integrator.benchmarks.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The mapping every leg applies, written by hand: a sample order into an invoice. The engine leg
 * does the same with a mapping document ({@link IntegratorLeg}).
 */
public final class InvoiceMapper {

    private final ObjectMapper mapper;

    /** @param mapper the mapper that creates the result nodes */
    public InvoiceMapper(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param order a {@code SampleData} order
     * @return its invoice
     */
    public ObjectNode map(JsonNode order) {
        ObjectNode invoice = mapper.createObjectNode();
        invoice.set("orderId", order.get("id"));
        invoice.put("invoiceNumber", "INV-" + order.path("number").asText());
        invoice.set("customerEmail", order.get("email"));
        invoice.set("currency", order.get("currency"));
        invoice.set("amount", order.get("total"));
        invoice.set("issuedAt", order.get("updatedAt"));
        ArrayNode lines = invoice.putArray("lines");
        for (JsonNode line : order.path("lines")) {
            ObjectNode l = lines.addObject();
            l.set("item", line.get("sku"));
            l.set("qty", line.get("quantity"));
            l.set("unitPrice", line.get("price"));
        }
        return invoice;
    }
}
