package io.integrator.benchmarks.rest;

import io.integrator.testkit.Fault;
import io.integrator.testkit.Paging;
import io.integrator.testkit.RestApiServer;
import io.integrator.testkit.SampleData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The end-to-end REST benchmark (issue 5 item 7). This JVM serves the source (sample orders, page
 * numbers) and the sink ({@code POST /invoices}) with {@link RestApiServer}s; each leg runs in its own
 * child JVM with {@code -Xmx128m}, exports every page, maps every order to an invoice and posts it.
 * After each leg the sink is checked: every order arrived exactly once.
 *
 * <pre>
 * java -Xmx6g -cp benchmarks/target/benchmarks.jar io.integrator.benchmarks.rest.RestBenchmark \
 *      [--records 1000000] [--page-size 1000] [--concurrency 8] [--legs plain,camel,camel-tuned,integrator] \
 *      [--faults] [--leg-heap 128m] [--sink counting|testkit]
 * </pre>
 *
 * {@code --faults}: both servers answer 5% of requests with 503 and 2% with 429
 * ({@code Retry-After: 0}), drawn with a fixed seed.
 */
public final class RestBenchmark {

    private static final Map<String, String> LEGS = new LinkedHashMap<>();

    static {
        LEGS.put("plain", "io.integrator.benchmarks.rest.PlainLoopLeg");
        LEGS.put("camel", "io.integrator.benchmarks.rest.CamelLeg");
        LEGS.put("camel-tuned", "io.integrator.benchmarks.rest.CamelTunedLeg");
        LEGS.put("integrator", "io.integrator.benchmarks.rest.IntegratorLeg");
    }

    private static final Pattern RESULT = Pattern.compile(
            "RESULT records=(\\d+) errors=(\\d+) retries=(\\d+) millis=(\\d+) peakHeapMB=(\\d+) maxHeapMB=(\\d+) cpuMillis=(-?\\d+)");

    private record Outcome(String leg, long exported, long errors, long retries, long millis, long wallMillis,
            long peakHeapMb, long maxHeapMb, long legCpuMillis, long serverCpuMillis, long stored, long distinct,
            long missing, int exitCode) {

        boolean exactlyOnce(int records) {
            return exitCode == 0 && stored == records && distinct == records && missing == 0;
        }
    }

    private RestBenchmark() {
    }

    /**
     * @param args options, see the class comment
     * @throws Exception when a leg cannot be run
     */
    public static void main(String[] args) throws Exception {
        int records = 1_000_000;
        int pageSize = 1000;
        int concurrency = 8;
        boolean faults = false;
        String legHeap = "128m";
        String sinkKind = "counting";
        List<String> legs = new ArrayList<>(List.of("plain", "camel", "camel-tuned", "integrator"));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--records" -> records = Integer.parseInt(args[++i]);
                case "--page-size" -> pageSize = Integer.parseInt(args[++i]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
                case "--legs" -> legs = List.of(args[++i].split(","));
                case "--faults" -> faults = true;
                case "--leg-heap" -> legHeap = args[++i];
                case "--sink" -> sinkKind = args[++i];
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        for (String leg : legs) {
            if (!LEGS.containsKey(leg)) {
                throw new IllegalArgumentException("Unknown leg '" + leg + "'; legs: " + LEGS.keySet());
            }
        }
        System.out.printf("REST benchmark: %,d records, pages of %d, concurrency %d, legs %s, faults %s, leg heap %s,"
                + " sink %s%n", records, pageSize, concurrency, legs, faults ? "5% 503 + 2% 429" : "none", legHeap,
                sinkKind);
        List<Outcome> outcomes = new ArrayList<>();
        try (RestApiServer source = RestApiServer.builder()
                .collection("orders", SampleData.orders(records))
                .paging("orders", Paging.pageNumber().withPageSize(pageSize))
                .recordRequests(false).seed(1).start()) {
            armFaults(source, faults);
            for (String leg : legs) {
                outcomes.add(runLeg(leg, source, sinkKind, records, pageSize, concurrency, faults, legHeap));
            }
        }
        print(outcomes, records);
    }

    private static void armFaults(RestApiServer server, boolean faults) {
        if (faults) {
            server.injectRandomly(0.05, Fault.status(503));
            server.injectRandomly(0.02, Fault.tooManyRequests(Duration.ZERO));
        }
    }

    private static Outcome runLeg(String leg, RestApiServer source, String sinkKind, int records, int pageSize,
            int concurrency, boolean faults, String legHeap) throws IOException, InterruptedException {
        String className = LEGS.get(leg);
        try {
            Class.forName(className);
        } catch (ClassNotFoundException e) {
            System.out.printf("leg %s: not built (%s missing)%n", leg, className);
            return null;
        }
        try (Sink sink = Sink.open(sinkKind, records, faults)) {
            source.clearFaults();
            armFaults(source, faults);
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.add("-Xmx" + legHeap);
            String extra = System.getProperty("leg.jvmArgs", "").replace("{leg}", leg);
            if (!extra.isBlank()) {
                command.addAll(List.of(extra.trim().split("\\s+")));
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), className, source.baseUri().toString(),
                    sink.baseUri().toString(), Integer.toString(pageSize), Integer.toString(concurrency)));
            System.out.printf("leg %s: java -Xmx%s %s-cp benchmarks.jar %s%n", leg, legHeap,
                    extra.isBlank() ? "" : extra.trim() + " ", className);
            long serverCpuBefore = LegConfig.cpuMillis();
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            Matcher result = null;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    Matcher m = RESULT.matcher(line);
                    if (m.find()) {
                        result = m;
                    } else {
                        System.out.println("  [" + leg + "] " + line);
                    }
                }
            }
            int exit = process.waitFor();
            long wall = (System.nanoTime() - start) / 1_000_000;
            long serverCpu = LegConfig.cpuMillis() - serverCpuBefore;
            CountingSink.Tally tally = sink.tally();
            long stored = tally.stored();
            long distinct = tally.distinct();
            long duplicates = tally.duplicates();
            long missing = tally.missing();
            Outcome outcome = result == null
                    ? new Outcome(leg, 0, 0, 0, wall, wall, 0, 0, 0, serverCpu, stored, distinct, missing,
                            exit == 0 ? -1 : exit)
                    : new Outcome(leg, Long.parseLong(result.group(1)), Long.parseLong(result.group(2)),
                            Long.parseLong(result.group(3)), Long.parseLong(result.group(4)), wall,
                            Long.parseLong(result.group(5)), Long.parseLong(result.group(6)),
                            Long.parseLong(result.group(7)), serverCpu, stored, distinct, missing, exit);
            System.out.printf("leg %s: exit %d, %,d exported, %,d stored, %,d distinct, %,d duplicates, %,d missing,"
                    + " %,d ms (wall %,d ms), %,d retries, peak heap %d MB of %d MB, CPU leg %,d ms, servers %,d ms%n",
                    leg, exit, outcome.exported, stored, distinct, duplicates, missing, outcome.millis, wall,
                    outcome.retries, outcome.peakHeapMb, outcome.maxHeapMb, outcome.legCpuMillis, serverCpu);
            return outcome;
        }
    }

    private static void print(List<Outcome> outcomes, int records) {
        Outcome plain = outcomes.stream().filter(o -> o != null && o.leg.equals("plain")).findFirst().orElse(null);
        System.out.println();
        System.out.println("| leg | records/s | time (s) | vs plain loop | CPU leg (s) | CPU servers (s) | retries"
                + " | peak heap (MB) | exactly once |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (Outcome o : outcomes) {
            if (o == null) {
                continue;
            }
            double rate = o.millis == 0 ? 0 : records * 1000.0 / o.millis;
            String ratio = plain == null || o.millis == 0 ? "-"
                    : String.format(Locale.ROOT, "%.2fx", (double) plain.millis / o.millis);
            System.out.printf(Locale.ROOT, "| %s | %,.0f | %.1f | %s | %.1f | %.1f | %,d | %d | %s |%n", o.leg, rate,
                    o.millis / 1000.0, ratio, o.legCpuMillis / 1000.0, o.serverCpuMillis / 1000.0, o.retries, o.peakHeapMb, o.exactlyOnce(records) ? "yes" : "NO (stored " + o.stored
                            + ", distinct " + o.distinct + ", missing " + o.missing + ", exit " + o.exitCode + ")");
        }
    }
}
