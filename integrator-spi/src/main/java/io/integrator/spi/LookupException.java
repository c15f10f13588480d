package io.integrator.spi;

/**
 * Thrown by a {@link LookupSource} when it cannot answer at all (the destination is unreachable,
 * credentials were refused, the service throttled, the response could not be parsed).
 *
 * <p>"No match" and "several matches" are <em>not</em> failures: return an empty or a longer list of
 * matches instead. The engine turns this exception into one record error (source {@code lookup}) for
 * every record of the page that needed the failed lookup, using {@link #code()} and
 * {@link #classification()}; the answer is not cached, so a later page asks again.
 */
public class LookupException extends Exception {

    /** Classification for unreachable systems and refused credentials (the default). */
    public static final String CONNECTION = "connection";
    /** Classification for transient failures (timeouts, 5xx) that a retry may fix. */
    public static final String INTERMITTENT = "intermittent";
    /** Classification for throttling. */
    public static final String RATE_LIMIT = "rate_limit";
    /** Classification for responses that could not be read. */
    public static final String PARSE = "parse";

    private final String code;
    private final String classification;

    /**
     * Creates an exception classified as {@link #CONNECTION} with code {@code lookup_failed}.
     *
     * @param message human text naming what failed; never include secrets
     * @param cause   the underlying failure, may be {@code null}
     */
    public LookupException(String message, Throwable cause) {
        this("lookup_failed", message, CONNECTION, cause);
    }

    /**
     * Creates an exception.
     *
     * @param code           status code as a string ({@code "503"}) or a symbolic code
     * @param message        human text naming what failed; never include secrets
     * @param classification one of the job-error classifications, e.g. {@link #CONNECTION},
     *                       {@link #INTERMITTENT}, {@link #RATE_LIMIT}, {@link #PARSE}, {@code value}
     * @param cause          the underlying failure, may be {@code null}
     */
    public LookupException(String code, String message, String classification, Throwable cause) {
        super(message, cause);
        this.code = code == null ? "lookup_failed" : code;
        this.classification = classification == null ? CONNECTION : classification;
    }

    /** @return the error code carried into the job error */
    public String code() {
        return code;
    }

    /** @return the job-error classification */
    public String classification() {
        return classification;
    }
}
