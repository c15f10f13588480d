package io.integrator.benchmarks.rest;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;

/**
 * What the orchestrator tells a leg: {@code <sourceBase> <sinkBase> <pageSize> <concurrency>}, and
 * how a leg reports: one {@code RESULT} line the orchestrator parses.
 */
record LegConfig(String source, String sink, int pageSize, int concurrency) {

    /** Heap in use, sampled every 5 ms from the leg's start: the peak of what the heap held at once. */
    private static final java.util.concurrent.atomic.AtomicLong PEAK_HEAP = new java.util.concurrent.atomic.AtomicLong();

    static LegConfig parse(String[] args) {
        Thread watch = new Thread(() -> {
            java.lang.management.MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            while (true) {
                PEAK_HEAP.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-watch");
        watch.setDaemon(true);
        watch.start();
        if (args.length != 4) {
            throw new IllegalArgumentException("Usage: <leg> <sourceBaseUri> <sinkBaseUri> <pageSize> <concurrency>");
        }
        return new LegConfig(args[0], args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
    }

    /** GET this for page {@code page} (counting from 1). */
    String pageUrl(int page) {
        return source + "/orders?page=" + page + "&pageSize=" + pageSize;
    }

    String invoicesUrl() {
        return sink + "/invoices";
    }

    /** @return CPU time used by this JVM so far */
    static long cpuMillis() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1_000_000 : -1;
    }

    static void report(PrintStream out, long records, long errors, long retries, long nanos) {
        // Not the sum of the pools' own peaks: eden, survivor and old peak at different moments, and
        // their sum overstates what the heap ever held (it can exceed -Xmx).
        long peak = PEAK_HEAP.get();
        out.printf("RESULT records=%d errors=%d retries=%d millis=%d peakHeapMB=%d maxHeapMB=%d cpuMillis=%d%n", records,
                errors, retries, nanos / 1_000_000, peak >> 20, Runtime.getRuntime().maxMemory() >> 20, cpuMillis());
    }
}
