package io.integrator.rest.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A standalone HTTP server for a {@link WebhookListener}, on the JDK's own {@code
 * com.sun.net.httpserver} (no other dependency). Plain HTTP: put it behind a TLS-terminating proxy
 * when senders reach it over the internet.
 *
 * <pre>{@code
 * try (WebhookServer server = WebhookServer.start(listener, "127.0.0.1", 8080)) {
 *   System.out.println(server.url("orders-hook"));  // http://127.0.0.1:8080/webhooks/orders-hook
 *   ...
 * }
 * }</pre>
 */
public final class WebhookServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookServer.class);

  private final HttpServer server;
  private final ExecutorService threads;
  private final WebhookListener listener;
  private final String host;
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile boolean closing;

  private WebhookServer(HttpServer server, ExecutorService threads, WebhookListener listener,
      String host) {
    this.server = server;
    this.threads = threads;
    this.listener = listener;
    this.host = host;
  }

  /**
   * Starts a server.
   *
   * @param listener answers the requests
   * @param host the address to bind, e.g. {@code 127.0.0.1} (this machine only) or {@code 0.0.0.0}
   * @param port the port, or 0 for any free one (see {@link #port()})
   * @return the running server
   * @throws UncheckedIOException when the address cannot be bound (port in use, say)
   */
  public static WebhookServer start(WebhookListener listener, String host, int port) {
    Objects.requireNonNull(listener, "listener");
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen for webhooks on " + host + ":" + port + " ("
          + e.getMessage() + "); pick another port or stop what uses it", e);
    }
    AtomicInteger n = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(8, r -> {
      Thread t = new Thread(r, "integrator-webhook-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    WebhookServer s = new WebhookServer(server, threads, listener, host);
    server.createContext("/", s::exchange);
    server.setExecutor(threads);
    server.start();
    return s;
  }

  private void exchange(HttpExchange ex) {
    inFlight.incrementAndGet();
    try (ex) {
      URI uri = ex.getRequestURI();
      WebhookResponse r;
      if (closing) {
        r = Responses.error(503, "shutting_down", "the webhook server is stopping; send the request"
            + " again later");
      } else {
        try (InputStream body = ex.getRequestBody()) {
          r = listener.handle(ex.getRequestMethod(), uri.getPath(), ex.getRequestHeaders(),
              uri.getRawQuery(), body);
        }
      }
      r.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
      boolean empty = r.body().length == 0;
      ex.sendResponseHeaders(r.status(), empty ? -1 : r.body().length);
      if (!empty) {
        try (OutputStream out = ex.getResponseBody()) {
          out.write(r.body());
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("webhook exchange ended early: {}", e.toString());
    } finally {
      inFlight.decrementAndGet();
    }
  }

  /** The port the server listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * The URL of an export's webhook, e.g. {@code http://127.0.0.1:8080/webhooks/orders-hook}; append
   * {@code /{token}} for {@code secret_url} exports.
   */
  public String url(String exportId) {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return "http://" + h + ":" + port() + listener.path(exportId);
  }

  /**
   * Stops: new requests are answered 503, requests being handled get up to 5 seconds to finish
   * (their payloads are queued by then or not at all), then the port is released.
   */
  @Override
  public void close() {
    closing = true;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    server.stop(0);
    threads.shutdown();
    try {
      threads.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
