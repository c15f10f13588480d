package io.integrator.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A NetSuite account as the distributed adaptor sees it, on 127.0.0.1: the Integrator's RESTlet
 * ({@code POST /app/site/hosting/restlet.nl?script=..&deploy=..}) with the protocol and the NetSuite-side
 * semantics of {@code integrator_da_restlet.js} (docs/netsuite-distributed.md), implemented in Java:
 *
 * <ul>
 *   <li>{@code ping}: {@code {ok, account}};</li>
 *   <li>{@code import}: the distributed import document and a page of records in, one result
 *       {@code {statusCode, id, errors[{code, message, source}], ignored}} per record out (internalIdLookup,
 *       operations, lookups, mapping and hooks applied here, records kept in memory);</li>
 *   <li>{@code export}: a registered saved search paged by {@code pageIndex}/{@code pageSize} with an
 *       optional {@code lastmodifieddate} window, answered as {@code {records, totalPages, totalRecords,
 *       pageIndex, done}}.</li>
 * </ul>
 *
 * <p>Every call must carry a valid OAuth 1.0a header (HMAC-SHA256, realm = account) for the configured
 * consumer and token; others get 401 {@code INVALID_LOGIN_ATTEMPT}. Faults are armed with
 * {@link #failNext}; {@link #calls()} logs what was asked. {@link #afterSubmit} plays the user-event
 * script of realtime exports: it filters an event like the script and POSTs the record to an engine URL
 * with the export's bearer token.
 *
 * <pre>{@code
 * try (RestletServer ns = RestletServer.builder().account("123456").consumer("ck", "cs").token("tid", "ts").start()) {
 *     ns.add("customer", customerJson);                  // NetSuite data
 *     ns.savedSearch("69422", "customer", null);          // a saved search for batch exports
 *     // connection: netsuite.dataCenterURLs.restDomain = ns.restDomain()
 * }
 * }</pre>
 */
public final class RestletServer implements AutoCloseable {
    /** The RESTlet's path. */
    public static final String PATH = "/app/site/hosting/restlet.nl";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI restDomain;
    private final Builder config;
    private final RestletSignature signature;
    private final RestletRecords records;
    private final Map<String, RestletHook> hooks = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> searches = new ConcurrentHashMap<>();
    private final List<RestletCall> calls = Collections.synchronizedList(new ArrayList<>());
    private final Deque<RestletFault> faults = new ArrayDeque<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final HttpClient pusher = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private RestletServer(Builder b) throws IOException {
        this.config = b;
        this.records = new RestletRecords(b.clock);
        this.signature = new RestletSignature(b.account, b.consumerKey, b.consumerSecret, b.tokenId, b.tokenSecret);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        this.restDomain = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        server.createContext("/", this::exchange);
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "restlet-server-" + restDomain.getPort() + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
    }

    /** @return a builder with account {@code 123456} and the default script and deployment ids */
    public static Builder builder() {
        return new Builder();
    }

    /** @return {@code http://127.0.0.1:<port>}: the value for {@code netsuite.dataCenterURLs.restDomain} */
    public String restDomain() {
        return restDomain.toString();
    }

    /** @return the RESTlet's full URL with its script and deploy parameters */
    public URI restletUrl() {
        return URI.create(restDomain + PATH + "?script=" + config.scriptId + "&deploy=" + config.deployId);
    }

    /**
     * Adds a NetSuite record (lower-case field ids; sublists as arrays of line objects).
     *
     * @param recordType e.g. {@code customer}
     * @param record the fields; {@code internalid} is assigned, {@code lastmodifieddate} set to now when absent
     * @return the internal id
     */
    public String add(String recordType, ObjectNode record) {
        return records.add(recordType, record);
    }

    /** @return copies of the records of a type, by internal id */
    public List<ObjectNode> records(String recordType) {
        return records.search(recordType, null);
    }

    /** @return a copy of one record, or null */
    public ObjectNode record(String recordType, String internalId) {
        return records.get(recordType, internalId);
    }

    /**
     * Registers a saved search for batch exports.
     *
     * @param searchId the id the distributed export names ({@code searchId})
     * @param recordType the record type it returns
     * @param filter its criteria as a filter expression, or null for all records of the type
     */
    public void savedSearch(String searchId, String recordType, JsonNode filter) {
        ObjectNode s = F.objectNode();
        s.put("recordType", recordType.toLowerCase(Locale.ROOT));
        s.set("filter", filter == null ? F.arrayNode() : RestletFilter.parse(filter, "saved search " + searchId));
        searches.put(searchId, s);
    }

    /**
     * Registers a stand-in for a hook script function; see {@link RestletHook} for what it gets.
     *
     * @param fileInternalId the script file's internal id ({@code hooks.*.fileInternalId})
     * @param functionName the function's name ({@code hooks.*.functionName})
     * @param hook what the function does
     */
    public void hook(String fileInternalId, String functionName, RestletHook hook) {
        hooks.put(fileInternalId + "#" + functionName, Objects.requireNonNull(hook, "hook"));
    }

    /** Answers the next {@code count} calls with the fault instead of handling them. */
    public void failNext(int count, RestletFault fault) {
        synchronized (faults) {
            for (int i = 0; i < count; i++) {
                faults.add(fault);
            }
        }
    }

    /** @return the calls answered so far, oldest first */
    public List<RestletCall> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** @return the most calls that were being handled at the same time */
    public int maxConcurrentCalls() {
        return maxInFlight.get();
    }

    /**
     * Plays the user-event script of a realtime distributed export after a record was saved: does nothing
     * when the distributed document is {@code disabled}, is for another record type, or does not list the
     * execution context or event type; else checks the {@code qualifier} with a search, builds the record
     * (body fields, the listed {@code sublists}), runs {@code hooks.preSend} and POSTs
     * {@code {recordType, executionContext, eventType, records}} to the engine with
     * {@code Authorization: Bearer <token>}.
     *
     * @param engineUrl where the engine receives the export's records
     * @param bearerToken the export's {@code distributed.bearerToken}
     * @param distributed the export's distributed document
     * @param recordType the saved record's type
     * @param internalId the saved record's internal id
     * @param executionContext e.g. {@code userinterface}, {@code webservices}
     * @param eventType {@code create}, {@code edit} or {@code xedit}
     * @return the engine's status, or empty when the event was not pushed
     */
    public OptionalInt afterSubmit(URI engineUrl, String bearerToken, JsonNode distributed, String recordType,
            String internalId, String executionContext, String eventType) {
        if (flag(distributed.path("disabled")) || !recordType.equalsIgnoreCase(distributed.path("recordType").asText())
                || !listed(distributed.path("executionContext"), executionContext)
                || !listed(distributed.path("executionType"), eventType)) {
            return OptionalInt.empty();
        }
        if (distributed.has("qualifier")) {
            ArrayNode filter = F.arrayNode();
            filter.add(F.arrayNode().add("internalid").add("anyof").add(internalId)).add("AND")
                    .add(RestletFilter.parse(distributed.get("qualifier"), "qualifier"));
            if (records.search(recordType, filter).isEmpty()) {
                return OptionalInt.empty();
            }
        }
        ObjectNode stored = records.get(recordType, internalId);
        if (stored == null) {
            throw new IllegalArgumentException("no " + recordType + " with internal id " + internalId);
        }
        ObjectNode record = F.objectNode();
        record.put("id", internalId);
        record.put("recordType", recordType.toLowerCase(Locale.ROOT));
        List<String> sublists = new ArrayList<>();
        distributed.path("sublists").forEach(s -> sublists.add(s.asText().toLowerCase(Locale.ROOT)));
        stored.properties().forEach(e -> {
            if (!e.getValue().isArray() || sublists.contains(e.getKey())) {
                record.set(e.getKey(), e.getValue());
            }
        });
        ArrayNode out = F.arrayNode().add(record);
        JsonNode pre = distributed.path("hooks").path("preSend");
        if (pre.isObject()) {
            out = preSend(pre, out, distributed);
        }
        ObjectNode body = F.objectNode();
        body.put("recordType", recordType.toLowerCase(Locale.ROOT));
        body.put("executionContext", executionContext);
        body.put("eventType", eventType);
        body.set("records", out);
        try {
            HttpResponse<String> r = pusher.send(HttpRequest.newBuilder(engineUrl)
                    .header("Authorization", "Bearer " + bearerToken)
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            return OptionalInt.of(r.statusCode());
        } catch (IOException e) {
            throw new UncheckedIOException("push to " + engineUrl + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pushing to " + engineUrl, e);
        }
    }

    private ArrayNode preSend(JsonNode pre, ArrayNode data, JsonNode config) {
        RestletHook h = hooks.get(pre.path("fileInternalId").asText() + "#"
                + pre.path("functionName").asText(pre.path("function").asText()));
        if (h == null) {
            throw new IllegalStateException("hooks.preSend names a script function that is not registered: "
                    + pre.path("fileInternalId").asText() + "#" + pre.path("functionName").asText());
        }
        ObjectNode options = F.objectNode();
        options.set("data", data);
        options.set("settings", config.path("settings").isObject() ? config.get("settings") : F.objectNode());
        JsonNode answer = h.apply(options);
        if (!(answer instanceof ArrayNode a)) {
            throw new IllegalStateException("hooks.preSend must return an array of records, got " + answer);
        }
        return a;
    }

    private static boolean listed(JsonNode list, String value) {
        if (!list.isArray() || list.isEmpty()) {
            return true;
        }
        for (JsonNode v : list) {
            if (v.asText().equalsIgnoreCase(value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean flag(JsonNode v) {
        return v.asBoolean(false) || "true".equalsIgnoreCase(v.asText());
    }

    private void exchange(HttpExchange ex) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try (ex) {
            handle(ex);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] raw;
        try (InputStream in = ex.getRequestBody()) {
            raw = in.readAllBytes();
        }
        JsonNode body;
        try {
            body = raw.length == 0 ? NullNode.getInstance() : Json.MAPPER.readTree(raw);
        } catch (IOException notJson) {
            body = NullNode.getInstance();
        }
        String operation = body.path("operation").asText("");
        URI url = URI.create(restDomain + ex.getRequestURI().getRawPath()
                + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery()));
        String authProblem = signature.problem(ex.getRequestMethod(), url, ex.getRequestHeaders().getFirst("Authorization"));
        if (authProblem != null) {
            respond(ex, operation, body, 401, error("INVALID_LOGIN_ATTEMPT", "Invalid login attempt."), 0, authProblem);
            return;
        }
        Map<String, String> q = new HashMap<>();
        RestletSignatureQuery.parse(url.getRawQuery(), q);
        if (!PATH.equals(url.getRawPath()) || !config.scriptId.equals(q.get("script"))
                || !config.deployId.equals(q.get("deploy"))) {
            respond(ex, operation, body, 400, error("SSS_INVALID_SCRIPTLET_ID",
                    "That Suitelet is invalid, disabled, or no longer exists."), 0, null);
            return;
        }
        RestletFault fault;
        synchronized (faults) {
            fault = faults.poll();
        }
        if (fault != null) {
            respond(ex, operation, body, fault.status(), error(fault.code(), fault.message()), fault.retryAfterSeconds(), null);
            return;
        }
        if (!"POST".equals(ex.getRequestMethod())) {
            respond(ex, operation, body, 405, error("INVALID_REQUEST", "the Integrator RESTlet answers POST only"), 0, null);
            return;
        }
        try {
            JsonNode out = switch (operation) {
                case "ping" -> F.objectNode().put("ok", true).put("account", config.account);
                case "import" -> importCall(body);
                case "export" -> exportCall(body);
                default -> throw new IllegalArgumentException("operation must be import, export or ping, got '" + operation + "'");
            };
            respond(ex, operation, body, 200, out, 0, null);
        } catch (IllegalArgumentException | IllegalStateException e) {
            respond(ex, operation, body, 400, error("INVALID_REQUEST", e.getMessage()), 0, null);
        }
    }

    private JsonNode importCall(JsonNode body) {
        if (!body.path("import").isObject() || !body.path("records").isArray()) {
            throw new IllegalArgumentException("an import call needs 'import' (the distributed import document) and 'records' (an array)");
        }
        List<ObjectNode> in = new ArrayList<>();
        for (JsonNode r : body.get("records")) {
            if (!(r instanceof ObjectNode o)) {
                throw new IllegalArgumentException("records must be objects, got " + r);
            }
            in.add(o);
        }
        RestletImport imp = new RestletImport(body.get("import"), records, (file, fn) -> hooks.get(file + "#" + fn),
                config.required);
        return F.objectNode().set("results", imp.run(in));
    }

    private JsonNode exportCall(JsonNode body) {
        JsonNode export = body.path("export");
        String searchId = export.path("searchId").asText("");
        ObjectNode search = searches.get(searchId);
        if (search == null) {
            throw new IllegalArgumentException("no saved search with id '" + searchId + "' (export.searchId)");
        }
        int pageSize = Math.max(5, Math.min(1000, body.path("pageSize").asInt(50)));
        int pageIndex = Math.max(0, body.path("pageIndex").asInt(0));
        List<ObjectNode> rows = records.search(search.path("recordType").asText(), search.get("filter"));
        JsonNode delta = body.path("delta");
        if (delta.isObject()) {
            String field = delta.path("dateField").asText("lastmodifieddate").toLowerCase(Locale.ROOT);
            Instant from = delta.hasNonNull("from") ? Instant.parse(delta.get("from").asText()) : null;
            Instant to = delta.hasNonNull("to") ? Instant.parse(delta.get("to").asText()) : null;
            rows.removeIf(r -> {
                String v = r.path(field).asText("");
                if (v.isEmpty()) {
                    return true;
                }
                Instant at = Instant.parse(v);
                return (from != null && !at.isAfter(from)) || (to != null && at.isAfter(to));
            });
        }
        int totalPages = (rows.size() + pageSize - 1) / pageSize;
        ArrayNode page = F.arrayNode();
        for (int i = pageIndex * pageSize; i < Math.min(rows.size(), (pageIndex + 1) * pageSize); i++) {
            ObjectNode r = rows.get(i);
            r.put("id", r.path("internalid").asText());
            r.put("recordType", search.path("recordType").asText());
            page.add(r);
        }
        JsonNode pre = export.path("hooks").path("preSend");
        if (pre.isObject() && page.size() > 0) {
            page = preSend(pre, page, export);
        }
        ObjectNode out = F.objectNode();
        out.set("records", page);
        out.put("totalPages", totalPages);
        out.put("totalRecords", rows.size());
        out.put("pageIndex", pageIndex);
        out.put("done", pageIndex >= totalPages - 1);
        return out;
    }

    private void respond(HttpExchange ex, String operation, JsonNode request, int status, JsonNode body, int retryAfter,
            String authProblem) throws IOException {
        calls.add(new RestletCall(operation, request, status, body, authProblem));
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        if (retryAfter > 0) {
            ex.getResponseHeaders().set("Retry-After", Integer.toString(retryAfter));
        }
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static ObjectNode error(String code, String message) {
        ObjectNode e = F.objectNode();
        e.putObject("error").put("code", code).put("message", message);
        return e;
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Settings of a {@link RestletServer}. */
    public static final class Builder {
        private String account = "123456";
        private String consumerKey = "consumer-key";
        private String consumerSecret = "consumer-secret";
        private String tokenId = "token-id";
        private String tokenSecret = "token-secret";
        private String scriptId = "customscript_integrator_da_restlet";
        private String deployId = "customdeploy_integrator_da_restlet";
        private Clock clock = Clock.systemUTC();
        private final Map<String, List<String>> required = new ConcurrentHashMap<>();

        private Builder() {
        }

        /** @param account the account id the OAuth realm must name (default {@code 123456}) */
        public Builder account(String account) {
            this.account = Objects.requireNonNull(account);
            return this;
        }

        /** The integration record's consumer key and secret the calls must be signed with. */
        public Builder consumer(String key, String secret) {
            this.consumerKey = Objects.requireNonNull(key);
            this.consumerSecret = Objects.requireNonNull(secret);
            return this;
        }

        /** The access token id and secret the calls must be signed with. */
        public Builder token(String id, String secret) {
            this.tokenId = Objects.requireNonNull(id);
            this.tokenSecret = Objects.requireNonNull(secret);
            return this;
        }

        /** The RESTlet's script and deployment ids (defaults: the Integrator's). */
        public Builder script(String scriptId, String deployId) {
            this.scriptId = Objects.requireNonNull(scriptId);
            this.deployId = Objects.requireNonNull(deployId);
            return this;
        }

        /** The clock that stamps {@code lastmodifieddate} (default: the system's, UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** Fields a new record of the type must have, else its add fails with {@code USER_ERROR}. */
        public Builder required(String recordType, String... fields) {
            required.put(recordType.toLowerCase(Locale.ROOT), List.of(fields));
            return this;
        }

        /** @return the started server */
        public RestletServer start() {
            try {
                return new RestletServer(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the RESTlet server on 127.0.0.1", e);
            }
        }
    }
}
