package io.integrator.benchmarks.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's sink: {@code POST /invoices} takes one invoice, reads only its {@code orderId}
 * (streaming) and counts it, so the check "every order arrived exactly once" costs a counter per
 * order instead of a stored tree, and the sink spends as little CPU as it can on the shared
 * machine. With faults on, a seeded draw answers 5% of requests 503 and 2% 429 with
 * {@code Retry-After: 0}, before counting (like {@code RestApiServer}'s status faults). Measured
 * against {@code RestApiServer} as the sink in docs/benchmarks.md.
 */
final class CountingSink implements AutoCloseable {

    private static final byte[] CREATED_PREFIX = "{\"id\":".getBytes(StandardCharsets.US_ASCII);

    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicIntegerArray counts;
    private final AtomicLong unreadable = new AtomicLong();
    private final AtomicLong faults = new AtomicLong();
    private final JsonFactory json = new JsonFactory();
    private final boolean injectFaults;
    private final SplittableRandom random = new SplittableRandom(2);

    CountingSink(int records, boolean injectFaults) throws IOException {
        this.counts = new AtomicIntegerArray(records + 1);
        this.injectFaults = injectFaults;
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "counting-sink");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/invoices", this::handle);
        server.start();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                send(exchange, 405, "{\"error\":\"method_not_allowed\"}".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            int fault = injectFaults ? draw() : 0;
            if (fault != 0) {
                faults.incrementAndGet();
                if (fault == 429) {
                    exchange.getResponseHeaders().add("Retry-After", "0");
                }
                send(exchange, fault, "{\"error\":\"injected_fault\"}".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            long orderId = orderId(body);
            if (orderId < 1 || orderId >= counts.length()) {
                unreadable.incrementAndGet();
                send(exchange, 422, "{\"error\":\"missing_field\",\"field\":\"orderId\"}"
                        .getBytes(StandardCharsets.US_ASCII));
                return;
            }
            counts.incrementAndGet((int) orderId);
            byte[] id = Long.toString(orderId).getBytes(StandardCharsets.US_ASCII);
            byte[] response = new byte[CREATED_PREFIX.length + id.length + 1];
            System.arraycopy(CREATED_PREFIX, 0, response, 0, CREATED_PREFIX.length);
            System.arraycopy(id, 0, response, CREATED_PREFIX.length, id.length);
            response[response.length - 1] = '}';
            send(exchange, 201, response);
        }
    }

    private synchronized int draw() {
        double r = random.nextDouble();
        return r < 0.05 ? 503 : r < 0.07 ? 429 : 0;
    }

    private long orderId(byte[] body) throws IOException {
        try (JsonParser parser = json.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return -1;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("orderId")) {
                    return value == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue()
                            : value == JsonToken.VALUE_STRING ? Long.parseLong(parser.getText()) : -1;
                }
                parser.skipChildren();
            }
            return -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Exactly-once check over order ids 1..records. */
    record Tally(long stored, long distinct, long duplicates, long missing, long unreadable, long faults) {
    }

    Tally tally() {
        long stored = 0;
        long distinct = 0;
        long duplicates = 0;
        long missing = 0;
        for (int id = 1; id < counts.length(); id++) {
            int n = counts.get(id);
            stored += n;
            distinct += n > 0 ? 1 : 0;
            duplicates += Math.max(0, n - 1);
            missing += n == 0 ? 1 : 0;
        }
        return new Tally(stored, distinct, duplicates, missing, unreadable.get(), faults.get());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
