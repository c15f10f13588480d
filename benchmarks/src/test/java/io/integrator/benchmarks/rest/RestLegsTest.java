package io.integrator.benchmarks.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.mapping.Mapping;
import io.integrator.mapping.RecordResult;
import io.integrator.testkit.SampleData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tiny checks that the legs do the same work and the sink counts right; the benchmark itself is not run here. */
class RestLegsTest {

    @Test
    void theEngineMappingAndTheHandWrittenMapperProduceTheSameInvoices() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Mapping mapping = Mapping.compileImport(json.readTree(IntegratorLeg.importDocument("c1")));
        InvoiceMapper byHand = new InvoiceMapper(json);
        List<ObjectNode> orders = SampleData.orders(30);
        for (ObjectNode order : orders) {
            // the legs read orders from JSON, so compare after a round trip
            ObjectNode parsed = (ObjectNode) json.readTree(json.writeValueAsBytes(order));
            RecordResult result = mapping.apply(parsed);
            assertThat(result.isSuccess()).isTrue();
            assertThat(result.record()).isEqualTo(byHand.map(parsed));
        }
    }

    @Test
    void theCountingSinkCountsEachOrderAndSeesDuplicatesAndGaps() throws Exception {
        try (CountingSink sink = new CountingSink(3, false)) {
            HttpClient client = HttpClient.newHttpClient();
            URI invoices = URI.create(sink.baseUri() + "/invoices");
            for (String body : List.of("{\"orderId\":1}", "{\"x\":[1],\"orderId\":\"2\"}", "{\"orderId\":2}", "{}")) {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(invoices)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(body.equals("{}") ? 422 : 201);
            }
            CountingSink.Tally tally = sink.tally();
            assertThat(List.of(tally.stored(), tally.distinct(), tally.duplicates(), tally.missing(), tally.unreadable()))
                    .containsExactly(3L, 2L, 1L, 1L, 1L);
        }
    }
}
