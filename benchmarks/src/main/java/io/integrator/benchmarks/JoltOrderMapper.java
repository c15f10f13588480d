package io.integrator.benchmarks;

import com.bazaarvoice.jolt.Chainr;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The same mapping as a Jolt chain (modify-overwrite-beta for the addressee and the repeating scalars,
 * shift for everything else with the lookups spelled out as value cases, default for hard-coded values).
 * Records are ObjectNodes in the engine, so each call pays ObjectNode -> Map and Map -> ObjectNode
 * through Jackson, as a Jolt-based mapper in our pipeline would.
 */
final class JoltOrderMapper {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final Chainr chainr;

    JoltOrderMapper() {
        ArrayNode spec = (ArrayNode) OrderData.resource("/benchmarks/order-jolt-spec.json");
        ObjectNode shift = (ObjectNode) spec.get(1).get("spec");
        ObjectNode customers = OrderData.MAPPER.createObjectNode();
        OrderData.CUSTOMERS.forEach((email, id) -> customers.putObject(email.replace("@", "\\@")).put("#" + id, "entity"));
        shift.set("email", customers);
        ObjectNode items = OrderData.MAPPER.createObjectNode();
        OrderData.ITEMS.forEach((sku, id) -> items.putObject(sku).put("#" + id, "SalesOrderItem[&3].item"));
        ((ObjectNode) shift.get("order_lines").get("*")).set("sku", items);
        List<Object> chain = OrderData.MAPPER.convertValue(spec, new TypeReference<List<Object>>() { });
        this.chainr = Chainr.fromSpec(chain);
    }

    ObjectNode map(ObjectNode in) {
        Map<String, Object> input = OrderData.MAPPER.convertValue(in, MAP);
        Object out = chainr.transform(input);
        return (ObjectNode) OrderData.MAPPER.<JsonNode>valueToTree(out);
    }
}
