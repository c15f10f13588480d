package io.integrator.benchmarks.rest;

import io.integrator.Integrator;
import io.integrator.model.Job;
import io.integrator.pipeline.Backoff;
import java.time.Duration;

/**
 * Leg (c): ours. One {@link Integrator} (in-memory store, the REST adaptor found by ServiceLoader)
 * runs a flow: a REST export paged with {@code pageargument} and an import that maps each order
 * to the same invoice as {@link InvoiceMapper} with a mapping document and POSTs it, the import
 * connection's {@code concurrencyLevel} set to the run's concurrency. {@code maxAttempts} is 10 and
 * the engine's back-off starts at 10 ms (capped at 1 s), like the other legs' retry loops.
 */
public final class IntegratorLeg {

    private IntegratorLeg() {
    }

    /**
     * @param connectionId the sink connection's id
     * @return the import: POST each order's invoice, mapped like {@link InvoiceMapper}
     */
    static String importDocument(String connectionId) {
        return """
                {"name": "Invoices", "_connectionId": "%s", "maxAttempts": 10,
                 "rest": {"relativeURI": "/invoices", "method": "POST"},
                 "mapping": {
                   "fields": [
                     {"extract": "id", "generate": "orderId"},
                     {"extract": "INV-{number}", "generate": "invoiceNumber"},
                     {"extract": "email", "generate": "customerEmail"},
                     {"extract": "currency", "generate": "currency"},
                     {"extract": "total", "generate": "amount"},
                     {"extract": "updatedAt", "generate": "issuedAt"}],
                   "lists": [{"generate": "lines", "fields": [
                     {"extract": "lines[*].sku", "generate": "item"},
                     {"extract": "lines[*].quantity", "generate": "qty"},
                     {"extract": "lines[*].price", "generate": "unitPrice"}]}]}}""".formatted(connectionId);
    }

    /**
     * @param args see {@link LegConfig}
     */
    public static void main(String[] args) {
        LegConfig config = LegConfig.parse(args);
        try (Integrator integrator = Integrator.builder()
                .pagesInFlight(Integer.getInteger("leg.pagesInFlight", 4))
                .retryBackoff(new Backoff(Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ofMinutes(5)))
                .build()) {
            String shop = integrator.connections().create("""
                    {"name": "Shop", "type": "rest", "rest": {"baseURI": "%s", "mediaType": "json"}}"""
                    .formatted(config.source())).id();
            String erp = integrator.connections().create("""
                    {"name": "ERP", "type": "rest",
                     "rest": {"baseURI": "%s", "mediaType": "json", "concurrencyLevel": %d}}"""
                    .formatted(config.sink(), config.concurrency())).id();
            String export = integrator.exports().create("""
                    {"name": "Orders", "_connectionId": "%s", "pageSize": %d,
                     "rest": {"relativeURI": "/orders?pageSize=%d", "resourcePath": "data",
                              "pagingMethod": "pageargument", "pageArgument": "page"}}"""
                    .formatted(shop, config.pageSize(), config.pageSize())).id();
            String invoices = integrator.imports().create(importDocument(erp)).id();
            String flow = integrator.flows().create("""
                    {"name": "Orders to invoices", "_exportId": "%s", "_importId": "%s"}"""
                    .formatted(export, invoices)).id();
            long start = System.nanoTime();
            Job job = integrator.runFlow(flow);
            long nanos = System.nanoTime() - start;
            if (!"completed".equals(job.status()) || job.numError() > 0) {
                System.err.println("Flow job ended " + job.status() + ": " + job);
                integrator.jobErrors().list().stream().limit(5).forEach(e -> System.err.println("  job error: " + e));
            }
            LegConfig.report(System.out, job.numExport(), job.numError() + ("completed".equals(job.status()) ? 0 : 1),
                    0, nanos);
        }
        // The REST adaptor's shared okhttp client keeps non-daemon dispatcher threads alive for 60 s
        // after the Integrator is closed, which would hold this JVM open; see docs/benchmarks.md.
        System.exit(0);
    }
}
