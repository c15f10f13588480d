package io.integrator.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleDataAndMainTest {

    @Test
    void samplesAreDeterministicWithIdsAndUpdatedAt() {
        List<ObjectNode> orders = SampleData.orders(1_000_000);
        assertThat(orders).hasSize(1_000_000);
        ObjectNode last = orders.get(999_999);
        assertThat(last).isEqualTo(orders.get(999_999));
        assertThat(last.get("id").asLong()).isEqualTo(1_000_000);
        assertThat(last.get("number").asText()).isEqualTo("SO-1000000");
        assertThat(last.get("updatedAt").asText()).isEqualTo(SampleData.START.plusSeconds(60L * 999_999).toString());
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode line : orders.get(5).get("lines")) {
            total = total.add(line.get("price").decimalValue().multiply(BigDecimal.valueOf(line.get("quantity").asInt())));
        }
        assertThat(orders.get(5).get("total").decimalValue()).isEqualByComparingTo(total);
        ObjectNode customer = SampleData.customers(10).get(6);
        assertThat(customer.get("email").asText()).isEqualTo("customer7@example.com");
        assertThat(customer.get("active").asBoolean()).isFalse();
        assertThatThrownBy(() -> orders.set(0, customer)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aGeneratedCollectionIsCopiedOnItsFirstWrite() {
        try (RestApiServer api = RestApiServer.builder().collection("orders", SampleData.orders(5)).start()) {
            assertThat(Http.send("PATCH", api.url("/orders/2"), "{\"status\":\"refunded\"}").statusCode())
                    .isEqualTo(200);
            assertThat(Http.send("POST", api.url("/orders"), "{\"status\":\"new\"}").statusCode()).isEqualTo(201);
            assertThat(api.records("orders")).extracting(r -> r.get("id").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
            assertThat(api.record("orders", "2").orElseThrow().get("status").asText()).isEqualTo("refunded");
        }
    }

    @Test
    void mainServesSampleData() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RestApiServer api = RestApiServerMain.start(new PrintStream(out, true, StandardCharsets.UTF_8),
                "--port", "0", "--orders", "30", "--paging", "cursor", "--page-size", "25")) {
            assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Serving " + api.baseUri());
            JsonNode first = Http.json(Http.get(api.url("/orders")));
            assertThat(first.get("data")).hasSize(25);
            assertThat(first.hasNonNull("nextCursor")).isTrue();
            assertThat(Http.send("POST", api.url("/invoices"), "{\"a\":1}").statusCode()).isEqualTo(201);
        }
        assertThatThrownBy(() -> RestApiServerMain.start(System.out, "--paging", "sideways"))
                .hasMessageContaining("Unknown --paging 'sideways'");
        assertThatThrownBy(() -> RestApiServerMain.start(System.out, "--orders"))
                .hasMessageContaining("needs a value");
    }
}
