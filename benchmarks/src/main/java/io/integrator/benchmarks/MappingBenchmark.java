package io.integrator.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.integrator.lookup.LookupResolver;
import io.integrator.mapping.Mapping;
import io.integrator.mapping.Operation;
import io.integrator.mapping.RecordResult;
import io.integrator.spi.LookupQuery;
import io.integrator.spi.LookupSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The API document's NetSuite web-services order mapping (fields, the SalesOrderItem list, static
 * {@code currencyMap}, dynamic {@code customerLookup} and {@code itemLookup} answered by an in-memory
 * {@link LookupSource} whose answers are all in the job cache) over pages of 20 realistic orders.
 * Each invocation maps one page; figures are per record ({@code @OperationsPerInvocation(20)}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MappingBenchmark {

    private List<ObjectNode> page;
    private Mapping mapping;
    private Mapping staticMapping;
    private LookupResolver resolver;
    private JoltOrderMapper jolt;
    private final AtomicInteger sourceCalls = new AtomicInteger();

    /** Compiles everything, warms the lookup cache and checks that the three mappers agree. */
    @Setup
    public void setUp() {
        page = OrderData.page();
        ObjectNode doc = OrderData.importDocument();
        mapping = Mapping.compile(doc.get("mapping"), doc.path("netsuite").get("lookups"), "netsuite.lookups");
        resolver = new LookupResolver(new InMemorySource(sourceCalls));
        jolt = new JoltOrderMapper();
        staticMapping = Mapping.compile(doc.get("mapping"), staticLookups(doc.path("netsuite").get("lookups")));
        // warm the job cache: after this page every answer is cached
        List<RecordResult> ours = mapping.applyPage(page, resolver, Operation.CREATE);
        int callsAfterWarmUp = sourceCalls.get();
        for (int i = 0; i < page.size(); i++) {
            ObjectNode expected = HandWrittenOrderMapper.map(page.get(i));
            RecordResult r = ours.get(i);
            if (!r.isSuccess() || !expected.equals(r.record())) {
                throw new IllegalStateException("integrator output differs from hand-written:\n" + r + "\n" + expected);
            }
            RecordResult viaStatic = staticMapping.apply(page.get(i));
            if (!viaStatic.isSuccess() || !expected.equals(viaStatic.record())) {
                throw new IllegalStateException("static-lookup output differs from hand-written:\n" + viaStatic);
            }
            ObjectNode viaJolt = jolt.map(page.get(i));
            if (!expected.equals(viaJolt)) {
                throw new IllegalStateException("jolt output differs from hand-written:\n" + viaJolt + "\n" + expected);
            }
        }
        mapping.applyPage(page, resolver, Operation.CREATE);
        if (sourceCalls.get() != callsAfterWarmUp) {
            throw new IllegalStateException("lookup source was asked again although every answer is cached");
        }
    }

    /** Baseline: hand-written Jackson code. */
    @Benchmark
    @OperationsPerInvocation(OrderData.PAGE_SIZE)
    public void handWritten(Blackhole bh) {
        for (ObjectNode record : page) {
            bh.consume(HandWrittenOrderMapper.map(record));
        }
    }

    /** Jolt Chainr, including ObjectNode -> Map -> ObjectNode conversion. */
    @Benchmark
    @OperationsPerInvocation(OrderData.PAGE_SIZE)
    public void jolt(Blackhole bh) {
        for (ObjectNode record : page) {
            bh.consume(jolt.map(record));
        }
    }

    /** Ours: one applyPage per page, lookups batched and served from the job cache. */
    @Benchmark
    @OperationsPerInvocation(OrderData.PAGE_SIZE)
    public void integrator(Blackhole bh) {
        bh.consume(mapping.applyPage(page, resolver, Operation.CREATE));
    }

    /** Ours with customerLookup and itemLookup as static {@code map} lookups: no lookup source at all. */
    @Benchmark
    @OperationsPerInvocation(OrderData.PAGE_SIZE)
    public void integratorStaticLookups(Blackhole bh) {
        bh.consume(staticMapping.applyPage(page, LookupResolver.none(), Operation.CREATE));
    }

    /** The import's lookups with customerLookup and itemLookup turned into static maps of the same tables. */
    static ArrayNode staticLookups(JsonNode lookups) {
        ArrayNode out = OrderData.MAPPER.createArrayNode();
        for (JsonNode l : lookups) {
            String name = l.get("name").textValue();
            Map<String, String> table = "customerLookup".equals(name) ? OrderData.CUSTOMERS
                    : "itemLookup".equals(name) ? OrderData.ITEMS : null;
            if (table == null) {
                out.add(l);
            } else {
                ObjectNode s = out.addObject();
                s.put("name", name);
                ObjectNode map = s.putObject("map");
                table.forEach(map::put);
            }
        }
        return out;
    }

    /** An in-memory "NetSuite": customer by email, item by itemId. */
    static final class InMemorySource implements LookupSource {
        private final AtomicInteger calls;

        InMemorySource(AtomicInteger calls) {
            this.calls = calls;
        }

        @Override
        public List<List<JsonNode>> resolve(ObjectNode definition, List<LookupQuery> queries) {
            calls.incrementAndGet();
            Map<String, String> table = "Customer".equals(definition.path("recordType").asText())
                    ? OrderData.CUSTOMERS : OrderData.ITEMS;
            List<List<JsonNode>> out = new ArrayList<>(queries.size());
            for (LookupQuery q : queries) {
                String id = table.get(q.value().asText());
                out.add(id == null ? List.of() : List.of(TextNode.valueOf(id)));
            }
            return out;
        }
    }
}
