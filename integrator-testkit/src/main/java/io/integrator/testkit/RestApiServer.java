package io.integrator.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 that behaves like a paged JSON REST API, for tests of code that
 * exports from or imports into REST APIs. It holds named collections of JSON records and serves:
 *
 * <ul>
 *   <li>{@code GET /{collection}}: one page, in the collection's {@link Paging} style; query
 *       parameters other than paging ones filter by field ({@code ?email=a@b.c},
 *       {@code ?customer.id=7}), and {@code updatedSince}/{@code updatedUntil} select the delta window
 *       {@code updatedSince < updatedAt <= updatedUntil};</li>
 *   <li>{@code POST /{collection}/search}: the same with the cursor and filters in a JSON body;</li>
 *   <li>{@code GET /{collection}/{id}}, {@code POST /{collection}} (201 with the stored record and
 *       its id), {@code PUT} (replace), {@code PATCH} (merge top-level fields) and {@code DELETE}
 *       {@code /{collection}/{id}}; missing required fields answer 422, taken unique values 409,
 *       unknown ids 404, each with a JSON {@code error}, {@code message} and {@code field};</li>
 *   <li>{@code POST /{collection}/batch}: an array of records, answered with one
 *       {@code {status, id, record}} or {@code {status, error}} per element, in order.</li>
 * </ul>
 *
 * <p>It demands the configured {@link Auth}, answers {@link Fault faults} on demand, and records every
 * request ({@link #requests()}); {@link #records(String)} reads a collection back so a test can assert
 * exactly-once delivery.
 *
 * <pre>{@code
 * try (RestApiServer api = RestApiServer.builder()
 *         .collection("orders", SampleData.orders(250))
 *         .paging("orders", Paging.cursor().withPageSize(100))
 *         .collection("invoices")
 *         .required("invoices", "orderId")
 *         .unique("invoices", "orderId")
 *         .start()) {
 *     URI base = api.baseUri();      // http://127.0.0.1:<port>
 *     ...
 *     assertThat(api.records("invoices")).hasSize(250);
 * }
 * }</pre>
 */
public final class RestApiServer implements AutoCloseable {

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY Nagle's algorithm
        // adds ~40 ms to many responses. The property is read once, when the JDK server starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI baseUri;
    private final Map<String, CollectionStore> collections;
    private final List<RecordedRequest> recorded;
    private final FaultInjector faults;
    private final AuthGate auth;
    private final long seed;

    private RestApiServer(Builder builder) throws IOException {
        this.seed = builder.seed;
        this.collections = Collections.unmodifiableMap(builder.build());
        this.recorded = Collections.synchronizedList(new ArrayList<>());
        this.faults = new FaultInjector(seed);
        this.auth = new AuthGate(builder.auth);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), builder.port), 256);
        this.baseUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        Set<String> ignored = new LinkedHashSet<>(builder.ignoredParams);
        if (builder.auth.kind() == Auth.Kind.QUERY_TOKEN) {
            ignored.add(builder.auth.name());
        }
        PageResponder pages = new PageResponder(baseUri.toString(), builder.updatedField, Set.copyOf(ignored));
        server.createContext("/", new Dispatcher(faults, auth, new Router(collections, pages), recorded,
                builder.recordRequests));
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "rest-api-server-" + baseUri.getPort() + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.start();
    }

    /** @return a builder for a server with no collections yet */
    public static Builder builder() {
        return new Builder();
    }

    /** @return {@code http://127.0.0.1:<port>}, without a trailing slash */
    public URI baseUri() {
        return baseUri;
    }

    /** @return the port the server listens on */
    public int port() {
        return baseUri.getPort();
    }

    /**
     * @param pathAndQuery a path such as {@code /orders?page=2}
     * @return the absolute URI on this server
     */
    public URI url(String pathAndQuery) {
        return URI.create(baseUri + (pathAndQuery.startsWith("/") ? "" : "/") + pathAndQuery);
    }

    /**
     * @param collection a collection name
     * @return copies of its records, in order
     * @throws IllegalArgumentException for an unknown collection
     */
    public List<ObjectNode> records(String collection) {
        return store(collection).snapshot();
    }

    /**
     * @param collection a collection name
     * @param id the record's id, as text
     * @return a copy of the record, if there is one
     */
    public Optional<ObjectNode> record(String collection, String id) {
        return Optional.ofNullable(store(collection).find(id));
    }

    /**
     * Adds a record as {@code POST /{collection}} would, without a request.
     *
     * @param collection a collection name
     * @param record the record; it gets the next id if it has none
     * @return the stored record with its id
     * @throws IllegalArgumentException when the collection's rules refuse it
     */
    public ObjectNode insert(String collection, JsonNode record) {
        CollectionStore.Outcome outcome = store(collection).create(record);
        if (outcome.status() != 201) {
            throw new IllegalArgumentException(outcome.body().path("message").asText());
        }
        return outcome.body();
    }

    /**
     * @param collection a collection name
     * @param paging the paging its list endpoint uses from now on
     */
    public void paging(String collection, Paging paging) {
        store(collection).paging(paging);
    }

    /** @return every request received so far, in arrival order (empty when recording is off) */
    public List<RecordedRequest> requests() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    /**
     * @param method an HTTP method
     * @param pathPrefix a path prefix such as {@code /orders}
     * @return the recorded requests with that method whose path starts with the prefix
     */
    public List<RecordedRequest> requests(String method, String pathPrefix) {
        return requests().stream().filter(r -> r.method().equalsIgnoreCase(method)
                && r.path().startsWith(pathPrefix)).toList();
    }

    /** Forgets the recorded requests. */
    public void clearRequests() {
        recorded.clear();
    }

    /**
     * Arms a fault for the next {@code count} matching requests (see {@link Fault#onlyFor}).
     * Armed faults are used in the order they were armed, before random ones.
     *
     * @param count how many requests it hits
     * @param fault the fault
     */
    public void injectNext(int count, Fault fault) {
        faults.next(count, fault);
    }

    /**
     * Answers the fault to a random share of requests. One number is drawn per request from a
     * generator seeded by {@link Builder#seed(long)}; rules added together share the draw, so
     * their probabilities add up (at most 1).
     *
     * @param probability the share of requests, in (0, 1]
     * @param fault the fault
     */
    public void injectRandomly(double probability, Fault fault) {
        faults.randomly(probability, fault);
    }

    /** Disarms every fault and reseeds the random draw. */
    public void clearFaults() {
        faults.clear(seed);
    }

    /** Makes every access token issued so far expire now (OAuth 2.0), so the next use answers 401. */
    public void expireAccessTokens() {
        auth.expireAccessTokens();
    }

    /** Forgets every refresh token issued so far (OAuth 2.0), so refreshing fails. */
    public void revokeRefreshTokens() {
        auth.revokeRefreshTokens();
    }

    /** Stops the server at once; requests in progress are dropped. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private CollectionStore store(String name) {
        CollectionStore store = collections.get(name);
        if (store == null) {
            throw new IllegalArgumentException("No collection '" + name + "'; collections: "
                    + String.join(", ", collections.keySet()));
        }
        return store;
    }

    @Override
    public String toString() {
        return "RestApiServer[" + baseUri + ", collections " + collections.keySet() + "]";
    }

    /** Configures and starts a {@link RestApiServer}. */
    public static final class Builder {

        private static final class Spec {
            List<ObjectNode> records = new ArrayList<>();
            String idField = "id";
            Paging paging = Paging.pageNumber();
            List<String> required = new ArrayList<>();
            List<String> unique = new ArrayList<>();
        }

        private final Map<String, Spec> specs = new LinkedHashMap<>();
        private final Set<String> ignoredParams = new LinkedHashSet<>();
        private Auth auth = Auth.none();
        private int port;
        private long seed = 42;
        private boolean recordRequests = true;
        private String updatedField = "updatedAt";

        private Builder() {
        }

        /**
         * Declares an empty collection (for imports).
         *
         * @param name the collection name, the first path segment
         * @return this builder
         */
        public Builder collection(String name) {
            return collection(name, List.of());
        }

        /**
         * Declares a collection holding copies of {@code records} (JSON objects), in order. Lists
         * from {@link SampleData} are generated as they are read and copied only when the
         * collection is first written to, so large read-only sets cost little memory.
         *
         * @param name the collection name, the first path segment
         * @param records the records
         * @return this builder
         */
        public Builder collection(String name, List<? extends JsonNode> records) {
            if (name == null || !name.matches("[A-Za-z0-9_.~-]+")) {
                throw new IllegalArgumentException("Collection name must be one path segment of letters, digits,"
                        + " '-', '_', '.' or '~', got '" + name + "'");
            }
            if (specs.containsKey(name)) {
                throw new IllegalArgumentException("Collection '" + name + "' is declared twice");
            }
            Spec spec = new Spec();
            if (records instanceof SampleData.Generated generated) {
                spec.records = generated.asObjects();
            } else {
                int i = 0;
                for (JsonNode record : records) {
                    if (!(record instanceof ObjectNode object)) {
                        throw new IllegalArgumentException("Collection '" + name + "': record " + i
                                + " must be a JSON object");
                    }
                    spec.records.add(object.deepCopy());
                    i++;
                }
            }
            specs.put(name, spec);
            return this;
        }

        /**
         * @param collection a declared collection
         * @param paging how its list endpoint pages (default {@link Paging#pageNumber()})
         * @return this builder
         */
        public Builder paging(String collection, Paging paging) {
            spec(collection).paging = paging;
            return this;
        }

        /**
         * @param collection a declared collection
         * @param field the id field (default {@code id})
         * @return this builder
         */
        public Builder idField(String collection, String field) {
            spec(collection).idField = field;
            return this;
        }

        /**
         * @param collection a declared collection
         * @param fields dotted paths that creates and updates must carry (else 422)
         * @return this builder
         */
        public Builder required(String collection, String... fields) {
            spec(collection).required.addAll(List.of(fields));
            return this;
        }

        /**
         * @param collection a declared collection
         * @param fields dotted paths whose values no two records may share (else 409)
         * @return this builder
         */
        public Builder unique(String collection, String... fields) {
            spec(collection).unique.addAll(List.of(fields));
            return this;
        }

        /**
         * @param auth what every endpoint demands (default {@link Auth#none()})
         * @return this builder
         */
        public Builder auth(Auth auth) {
            this.auth = java.util.Objects.requireNonNull(auth, "auth");
            return this;
        }

        /**
         * @param port the port to listen on; 0 (the default) picks a free one
         * @return this builder
         */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * @param seed the seed of the random fault draw (default 42)
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * @param on false to keep no request log (for long benchmark runs); default true
         * @return this builder
         */
        public Builder recordRequests(boolean on) {
            this.recordRequests = on;
            return this;
        }

        /**
         * @param field the record field that {@code updatedSince}/{@code updatedUntil} compare (default {@code updatedAt})
         * @return this builder
         */
        public Builder updatedField(String field) {
            this.updatedField = java.util.Objects.requireNonNull(field, "field");
            return this;
        }

        /**
         * @param names query parameters that are never field filters (for clients that always send some)
         * @return this builder
         */
        public Builder ignoreQueryParams(String... names) {
            ignoredParams.addAll(List.of(names));
            return this;
        }

        /**
         * @return the started server
         * @throws UncheckedIOException when the port cannot be bound
         * @throws IllegalArgumentException when a collection's paging is inconsistent
         */
        public RestApiServer start() {
            try {
                return new RestApiServer(this);
            } catch (IOException e) {
                throw new UncheckedIOException("RestApiServer cannot listen on 127.0.0.1:" + port + ": "
                        + e.getMessage(), e);
            }
        }

        private Spec spec(String collection) {
            Spec spec = specs.get(collection);
            if (spec == null) {
                throw new IllegalArgumentException("No collection '" + collection + "' declared yet; declare it with"
                        + " collection(\"" + collection + "\", ...) first");
            }
            return spec;
        }

        private Map<String, CollectionStore> build() {
            Map<String, CollectionStore> stores = new LinkedHashMap<>();
            specs.forEach((name, spec) -> {
                spec.paging.validate(name);
                stores.put(name, new CollectionStore(name, spec.idField, spec.required, spec.unique, spec.paging,
                        spec.records));
            });
            return stores;
        }
    }
}
