package io.integrator.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.lookup.LookupResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One compiled mapping and one job resolver used from several threads give the same results as one thread. */
class ThreadSafetyTest {

    @Test
    void compiledMappingIsSafeToShareAcrossThreads() throws Exception {
        ObjectNode doc = Json.resource("/mapping/seed-distributed-import.json");
        Mapping mapping = Mapping.compile(doc.get("mapping"), doc.get("lookups"));
        InMemoryLookupSource source = SeedMappingTest.netsuite();
        LookupResolver job = new LookupResolver(source);
        ObjectNode order = Json.obj(SeedMappingTest.ORDER);
        JsonNode expected = mapping.applyPage(List.of(order), new LookupResolver(SeedMappingTest.netsuite()), Operation.CREATE)
                .get(0).record();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<RecordResult>>> futures = new ArrayList<>();
            for (int t = 0; t < 200; t++) {
                List<ObjectNode> page = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    page.add(order.deepCopy());
                }
                futures.add(pool.submit(() -> mapping.applyPage(page, job, Operation.CREATE)));
            }
            for (Future<List<RecordResult>> f : futures) {
                for (RecordResult r : f.get(30, TimeUnit.SECONDS)) {
                    assertThat(r.errors()).isEmpty();
                    assertThat(r.record()).isEqualTo(expected);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        // pages raced for the first answers, but never more than one call per lookup per page
        assertThat(source.calls.size()).isLessThanOrEqualTo(200 * 3);
        assertThat(job.cachedAnswers()).isEqualTo(5);
    }
}
