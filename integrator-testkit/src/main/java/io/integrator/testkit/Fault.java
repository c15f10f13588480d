package io.integrator.testkit;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A failure a {@link RestApiServer} answers instead of (or on top of) the normal response, armed
 * with {@link RestApiServer#injectNext(int, Fault)} or {@link RestApiServer#injectRandomly(double, Fault)}.
 * Status faults answer before the request is handled, so nothing changes on the server; a
 * {@link #delay(Duration) delay} handles the request late; a {@link #cut() cut} handles it and then
 * sends only half of the response body before closing the connection. Immutable.
 */
public final class Fault {

    enum Kind { STATUS, DELAY, CUT }

    private final Kind kind;
    private final int status;
    private final Duration retryAfter;
    private final boolean retryAfterAsDate;
    private final Duration delay;
    private final String method;
    private final String pathPrefix;

    private Fault(Kind kind, int status, Duration retryAfter, boolean retryAfterAsDate, Duration delay, String method,
            String pathPrefix) {
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
        this.retryAfterAsDate = retryAfterAsDate;
        this.delay = delay;
        this.method = method;
        this.pathPrefix = pathPrefix;
    }

    /**
     * @param status the status to answer (503, 500, 429, 400 ...), with a JSON error body
     * @return a status fault
     */
    public static Fault status(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("Fault status must be an HTTP status (100-599), got " + status);
        }
        return new Fault(Kind.STATUS, status, null, false, null, null, null);
    }

    /**
     * @param retryAfter the wait announced as {@code Retry-After: <seconds>}
     * @return a 429 fault
     */
    public static Fault tooManyRequests(Duration retryAfter) {
        return status(429).withRetryAfter(retryAfter);
    }

    /**
     * @param delay how long to wait before handling the request
     * @return a slow response
     */
    public static Fault delay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("Fault delay must not be negative, got " + delay);
        }
        return new Fault(Kind.DELAY, 0, null, false, delay, null, null);
    }

    /** @return a response cut in the middle of its body (the request was handled) */
    public static Fault cut() {
        return new Fault(Kind.CUT, 0, null, false, null, null, null);
    }

    /**
     * @param wait the wait announced as {@code Retry-After: <seconds>}, rounded up
     * @return a copy with that header
     */
    public Fault withRetryAfter(Duration wait) {
        return withWait(wait, false);
    }

    /**
     * @param wait the wait announced as {@code Retry-After: <HTTP-date>}, now plus {@code wait}
     * @return a copy with that header
     */
    public Fault withRetryAfterDate(Duration wait) {
        return withWait(wait, true);
    }

    private Fault withWait(Duration wait, boolean asDate) {
        if (kind != Kind.STATUS) {
            throw new IllegalStateException("Retry-After applies to status faults only");
        }
        if (wait.isNegative()) {
            throw new IllegalArgumentException("Retry-After must not be negative, got " + wait);
        }
        return new Fault(kind, status, wait, asDate, delay, method, pathPrefix);
    }

    /**
     * @param method the HTTP method the fault applies to, or null for any
     * @param pathPrefix the path prefix the fault applies to ({@code /orders}), or null for any
     * @return a copy that only hits matching requests
     */
    public Fault onlyFor(String method, String pathPrefix) {
        return new Fault(kind, status, retryAfter, retryAfterAsDate, delay,
                method == null ? null : method.toUpperCase(Locale.ROOT), pathPrefix);
    }

    boolean matches(String requestMethod, String path) {
        return (method == null || method.equals(requestMethod))
                && (pathPrefix == null || path.startsWith(pathPrefix));
    }

    Kind kind() {
        return kind;
    }

    int statusCode() {
        return status;
    }

    Duration retryAfter() {
        return retryAfter;
    }

    boolean retryAfterAsDate() {
        return retryAfterAsDate;
    }

    Duration delayTime() {
        return delay;
    }

    @Override
    public String toString() {
        String what = switch (kind) {
            case STATUS -> "status " + status + (retryAfter == null ? "" : ", Retry-After " + retryAfter);
            case DELAY -> "delay " + delay;
            case CUT -> "cut";
        };
        return "Fault[" + what + (method == null && pathPrefix == null ? ""
                : ", only " + Objects.toString(method, "*") + " " + Objects.toString(pathPrefix, "/")) + "]";
    }
}
