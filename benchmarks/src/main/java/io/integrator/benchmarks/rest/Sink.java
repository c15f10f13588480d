package io.integrator.benchmarks.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.integrator.testkit.Fault;
import io.integrator.testkit.RestApiServer;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/** Where a leg posts its invoices: the lean {@link CountingSink} or a {@link RestApiServer} collection. */
interface Sink extends AutoCloseable {

    URI baseUri();

    CountingSink.Tally tally();

    @Override
    void close();

    static Sink open(String kind, int records, boolean faults) throws IOException {
        return switch (kind) {
            case "counting" -> {
                CountingSink sink = new CountingSink(records, faults);
                yield new Sink() {
                    public URI baseUri() {
                        return sink.baseUri();
                    }

                    public CountingSink.Tally tally() {
                        return sink.tally();
                    }

                    public void close() {
                        sink.close();
                    }
                };
            }
            case "testkit" -> {
                RestApiServer server = RestApiServer.builder().collection("invoices").recordRequests(false).seed(2)
                        .start();
                if (faults) {
                    server.injectRandomly(0.05, Fault.status(503));
                    server.injectRandomly(0.02, Fault.tooManyRequests(Duration.ZERO));
                }
                yield new Sink() {
                    public URI baseUri() {
                        return server.baseUri();
                    }

                    public CountingSink.Tally tally() {
                        int[] counts = new int[records + 1];
                        long unreadable = 0;
                        for (ObjectNode invoice : server.records("invoices")) {
                            long id = invoice.path("orderId").asLong(-1);
                            if (id < 1 || id > records) {
                                unreadable++;
                            } else {
                                counts[(int) id]++;
                            }
                        }
                        long stored = 0;
                        long distinct = 0;
                        long duplicates = 0;
                        long missing = 0;
                        for (int id = 1; id <= records; id++) {
                            stored += counts[id];
                            distinct += counts[id] > 0 ? 1 : 0;
                            duplicates += Math.max(0, counts[id] - 1);
                            missing += counts[id] == 0 ? 1 : 0;
                        }
                        return new CountingSink.Tally(stored, distinct, duplicates, missing, unreadable, -1);
                    }

                    public void close() {
                        server.close();
                    }
                };
            }
            default -> throw new IllegalArgumentException("Unknown --sink '" + kind + "'; sinks: counting, testkit");
        };
    }
}
