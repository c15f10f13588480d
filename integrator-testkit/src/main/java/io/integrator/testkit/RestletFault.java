package io.integrator.testkit;

/**
 * A failure a {@link RestletServer} answers instead of handling a call, armed with
 * {@link RestletServer#failNext(int, RestletFault)}: the status and the NetSuite error body
 * {@code {"error": {"code", "message"}}}. Immutable.
 *
 * @param status the HTTP status
 * @param code the NetSuite error code
 * @param message the error message
 * @param retryAfterSeconds a {@code Retry-After} header value, or 0 for none
 */
public record RestletFault(int status, String code, String message, int retryAfterSeconds) {

    /** @return NetSuite's concurrency limit answer: 429 {@code SSS_REQUEST_LIMIT_EXCEEDED}, Retry-After 1 */
    public static RestletFault rateLimit() {
        return new RestletFault(429, "SSS_REQUEST_LIMIT_EXCEEDED", "Request limit exceeded for this account.", 1);
    }

    /** @return a 500 {@code UNEXPECTED_ERROR}, as NetSuite answers an internal failure */
    public static RestletFault unexpectedError() {
        return new RestletFault(500, "UNEXPECTED_ERROR", "An unexpected error has occurred.", 0);
    }

    /** @return a 401 {@code INVALID_LOGIN_ATTEMPT}, as for revoked tokens */
    public static RestletFault invalidLogin() {
        return new RestletFault(401, "INVALID_LOGIN_ATTEMPT", "Invalid login attempt.", 0);
    }
}
