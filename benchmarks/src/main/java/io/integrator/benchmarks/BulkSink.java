package io.integrator.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The file benchmark's HTTP import target: {@code POST /records} takes a JSON array of records,
 * counts its elements with a streaming parser (no tree) and answers {@code {"results": [{}, ...]}}
 * with one element per record, the shape an {@code http} import with {@code batchSize} reads.
 */
final class BulkSink implements AutoCloseable {
  private static final byte[] RESULT = "{}".getBytes(StandardCharsets.US_ASCII);

  private final HttpServer server;
  private final ExecutorService executor;
  private final AtomicLong records = new AtomicLong();
  private final JsonFactory json = new JsonFactory();

  BulkSink() throws IOException {
    // without TCP_NODELAY each response waits out the client's delayed ACK (~40 ms a request)
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    executor = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "bulk-sink");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/records", this::handle);
    server.start();
  }

  /** The base URI of the sink. */
  String baseUri() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Records received so far. */
  long records() {
    return records.get();
  }

  /** Forgets the count (between legs). */
  void reset() {
    records.set(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    int n = 0;
    try (InputStream in = exchange.getRequestBody(); JsonParser p = json.createParser(in)) {
      if (p.nextToken() == JsonToken.START_ARRAY) {
        while (p.nextToken() == JsonToken.START_OBJECT) {
          p.skipChildren();
          n++;
        }
      }
    }
    records.addAndGet(n);
    ByteArrayOutputStream body = new ByteArrayOutputStream(16 + 3 * n);
    body.write("{\"results\":[".getBytes(StandardCharsets.US_ASCII));
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        body.write(',');
      }
      body.write(RESULT);
    }
    body.write("]}".getBytes(StandardCharsets.US_ASCII));
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.size());
    try (OutputStream out = exchange.getResponseBody()) {
      body.writeTo(out);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
