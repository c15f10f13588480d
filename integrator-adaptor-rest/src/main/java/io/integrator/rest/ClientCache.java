package io.integrator.rest;

import io.integrator.spi.CredentialStore;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One okhttp client per connection, shared by every export, import, lookup and ping that uses it.
 *
 * <p>Clients are derived with {@link OkHttpClient#newBuilder()} from one root client, so they share
 * its connection pool and dispatcher. The key is the connection id plus a hash of its settings
 * ({@link RestConnection#fingerprint()}): editing a connection gives it a new client (with fresh
 * tokens) and drops the old one. Each client carries the connection's {@link
 * ConcurrencyInterceptor} ({@code concurrencyLevel}, or {@value #MAX_REQUESTS_PER_HOST} when unset)
 * and {@link AuthInterceptor}.
 * {@code disableStrictSSL} turns off certificate and host name checks for that client only, with a
 * warning in the log.
 */
final class ClientCache {
  private static final Logger LOG = LoggerFactory.getLogger(ClientCache.class);
  private static final int MAX_UNSAVED = 100;
  private static final ClientCache SHARED = new ClientCache(defaultRoot());

  private final OkHttpClient root;
  private final Map<String, OkHttpClient> clients = new ConcurrentHashMap<>();
  private final Map<String, String> currentKeyById = new ConcurrentHashMap<>();

  /** A cache deriving its clients from {@code root}. */
  ClientCache(OkHttpClient root) {
    this.root = root;
  }

  /** The process-wide cache. */
  static ClientCache shared() {
    return SHARED;
  }

  /**
   * Requests in flight at most: asynchronous ones per host (the dispatcher), and all of a connection
   * without {@code concurrencyLevel} (its interceptor). The product's highest concurrencyLevel.
   */
  static final int MAX_REQUESTS_PER_HOST = 50;
  /** Asynchronous requests in flight in all at most. */
  static final int MAX_REQUESTS = 100;

  /**
   * The default root: 10 s connect, 60 s read and write timeouts, a pool of 50 idle connections,
   * a dispatcher running at most {@value #MAX_REQUESTS_PER_HOST} asynchronous calls per host and
   * {@value #MAX_REQUESTS} in all (okhttp's defaults, 5 and 64, would cap a connection's
   * concurrencyLevel at 5).
   */
  static OkHttpClient defaultRoot() {
    // daemon threads: an embedded library must not keep the host's JVM alive after it is done
    java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
    Dispatcher dispatcher = new Dispatcher(new java.util.concurrent.ThreadPoolExecutor(
        0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new java.util.concurrent.SynchronousQueue<>(),
        r -> {
          Thread t = new Thread(r, "integrator-rest-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        }));
    dispatcher.setMaxRequests(MAX_REQUESTS);
    dispatcher.setMaxRequestsPerHost(MAX_REQUESTS_PER_HOST);
    return new OkHttpClient.Builder()
        .dispatcher(dispatcher)
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(Duration.ofSeconds(60))
        .writeTimeout(Duration.ofSeconds(60))
        .connectionPool(new ConnectionPool(50, 5, TimeUnit.MINUTES))
        .socketFactory(new NoDelaySocketFactory())
        .build();
  }

  /** The root client (no connection settings). */
  OkHttpClient root() {
    return root;
  }

  /** The client of a connection, created on first use; tokens it obtains are not stored. */
  OkHttpClient client(RestConnection connection) {
    return client(connection, CredentialStore.NONE);
  }

  /**
   * The client of a connection, created on first use; OAuth 2.0 tokens it obtains go to {@code
   * credentials} (the store of the engine whose adaptor created the client).
   */
  OkHttpClient client(RestConnection connection, CredentialStore credentials) {
    String key = connection.id() + "|" + connection.fingerprint();
    OkHttpClient c = clients.get(key);
    if (c != null) {
      authOf(c).offer(connection.auth(), credentials);
      return c;
    }
    synchronized (this) {
      c = clients.get(key);
      if (c != null) {
        authOf(c).offer(connection.auth(), credentials);
        return c;
      }
      c = build(connection, credentials);
      if (connection.id().isEmpty()) {
        if (clients.size() > MAX_UNSAVED) {
          clients.keySet().removeIf(k -> k.startsWith("|"));
        }
      } else {
        String old = currentKeyById.put(connection.id(), key);
        if (old != null) {
          clients.remove(old);
        }
      }
      clients.put(key, c);
      return c;
    }
  }

  private static AuthInterceptor authOf(OkHttpClient client) {
    for (okhttp3.Interceptor i : client.interceptors()) {
      if (i instanceof AuthInterceptor a) {
        return a;
      }
    }
    throw new IllegalStateException("a connection client without its AuthInterceptor");
  }

  /** Number of cached clients (tests). */
  int size() {
    return clients.size();
  }

  /** {@code concurrencyLevel} (or the per-host cap) slots, adaptive when the connection says so. */
  private static ConnectionSlots slots(RestConnection connection) {
    int level = connection.concurrencyLevel() > 0
        ? connection.concurrencyLevel() : MAX_REQUESTS_PER_HOST;
    if (!connection.adaptiveConcurrency()) {
      return ConnectionSlots.fixed(level);
    }
    return ConnectionSlots.adaptive(connection.targetConcurrencyLevel() > 0
        ? connection.targetConcurrencyLevel() : level);
  }

  private OkHttpClient build(RestConnection connection, CredentialStore credentials) {
    OkHttpClient.Builder base = root.newBuilder();
    if (connection.disableStrictSsl()) {
      LOG.warn("{} has disableStrictSSL set: TLS certificates and host names are NOT verified",
          connection.describe());
      trustEverything(base);
    }
    OkHttpClient tokenClient = base.build();
    OkHttpClient.Builder b = tokenClient.newBuilder();
    // imports send synchronous calls on their own lanes, which the dispatcher's per-host limit
    // does not see: without a concurrencyLevel a connection is capped at that limit here
    b.addInterceptor(new ConcurrencyInterceptor(slots(connection), connection.rateLimitStatus()));
    if (connection.requestLimit() > 0) {
      b.addInterceptor(new RequestPacer(connection.requestLimit(), connection.requestWindow()));
    }
    b.addInterceptor(new AuthInterceptor(connection, tokenClient, credentials));
    return b.build();
  }

  private static void trustEverything(OkHttpClient.Builder b) {
    X509TrustManager all = new X509TrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    };
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new TrustManager[] {all}, new SecureRandom());
      b.sslSocketFactory(ctx.getSocketFactory(), all).hostnameVerifier((host, session) -> true);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TLS is not available", e);
    }
  }
}
