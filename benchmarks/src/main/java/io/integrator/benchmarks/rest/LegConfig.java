package io.integrator.benchmarks.rest;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * What the orchestrator tells a leg: {@code <sourceBase> <sinkBase> <pageSize> <concurrency>}, and
 * how a leg reports: one {@code RESULT} line the orchestrator parses.
 */
record LegConfig(String source, String sink, int pageSize, int concurrency) {

    static LegConfig parse(String[] args) {
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
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        out.printf("RESULT records=%d errors=%d retries=%d millis=%d peakHeapMB=%d maxHeapMB=%d cpuMillis=%d%n", records,
                errors, retries, nanos / 1_000_000, peak >> 20, Runtime.getRuntime().maxMemory() >> 20, cpuMillis());
    }
}
