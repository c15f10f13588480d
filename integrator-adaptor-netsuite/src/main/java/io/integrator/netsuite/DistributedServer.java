package io.integrator.netsuite;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A standalone HTTP server for a {@link DistributedListener} on the JDK's {@code com.sun.net.httpserver}.
 * Plain HTTP: NetSuite calls out over HTTPS only, so put it behind a TLS-terminating proxy.
 */
public final class DistributedServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService threads;
  private final DistributedListener listener;
  private final String host;

  private DistributedServer(HttpServer server, ExecutorService threads,
      DistributedListener listener, String host) {
    this.server = server;
    this.threads = threads;
    this.listener = listener;
    this.host = host;
  }

  /**
   * Starts a server.
   *
   * @param listener answers the requests
   * @param host the address to bind, e.g. {@code 127.0.0.1}
   * @param port the port, or 0 for any free one
   * @return the running server
   * @throws UncheckedIOException when the address cannot be bound
   */
  public static DistributedServer start(DistributedListener listener, String host, int port) {
    Objects.requireNonNull(listener, "listener");
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen for distributed exports on " + host + ":" + port
          + " (" + e.getMessage() + "); pick another port or stop what uses it", e);
    }
    AtomicInteger n = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "integrator-distributed-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    DistributedServer s = new DistributedServer(server, threads, listener, host);
    server.createContext("/", s::exchange);
    server.setExecutor(threads);
    server.start();
    return s;
  }

  private void exchange(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] body;
      try (InputStream in = ex.getRequestBody()) {
        body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, listener.maxBodyBytes() + 1));
      }
      DistributedListener.Response r = listener.handle(ex.getRequestMethod(),
          ex.getRequestURI().getPath(), ex.getRequestHeaders().getFirst("Authorization"), body);
      byte[] out = r.body().getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      ex.sendResponseHeaders(r.status(), out.length == 0 ? -1 : out.length);
      try (OutputStream os = ex.getResponseBody()) {
        os.write(out);
      }
    }
  }

  /** @return the bound port */
  public int port() {
    return server.getAddress().getPort();
  }

  /** @return the URL the user-event script of the export posts to */
  public String url(String exportId) {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return "http://" + h + ":" + port() + listener.prefix() + "/" + exportId;
  }

  /** Stops accepting requests, lets those in progress finish for up to 5 s, and stops. */
  @Override
  public void close() {
    server.stop(5);
    threads.shutdown();
  }
}
