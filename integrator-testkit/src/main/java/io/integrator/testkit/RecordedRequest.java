package io.integrator.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request a {@link RestApiServer} received, as it arrived, with the status it answered.
 * Header names are lower-cased.
 */
public final class RecordedRequest {

    private final String method;
    private final String path;
    private final String query;
    private final Map<String, List<String>> queryParameters;
    private final Map<String, List<String>> headers;
    private final String body;
    private final int status;

    RecordedRequest(String method, String path, String query, Map<String, List<String>> queryParameters,
            Map<String, List<String>> headers, String body, int status) {
        this.method = method;
        this.path = path;
        this.query = query;
        this.queryParameters = queryParameters;
        this.headers = headers;
        this.body = body;
        this.status = status;
    }

    /** @return the method, upper case */
    public String method() {
        return method;
    }

    /** @return the decoded path, e.g. {@code /orders/42} */
    public String path() {
        return path;
    }

    /** @return the raw query string without {@code ?}, or empty */
    public String query() {
        return query;
    }

    /** @return the decoded query parameters, in order */
    public Map<String, List<String>> queryParameters() {
        return queryParameters;
    }

    /**
     * @param name a query parameter
     * @return its first value, or null
     */
    public String queryParameter(String name) {
        List<String> values = queryParameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** @return the headers, names lower-cased */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * @param name a header name, any case
     * @return its first value, or null
     */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** @return the body as UTF-8 text, or empty */
    public String body() {
        return body;
    }

    /**
     * @return the body parsed as JSON
     * @throws UncheckedIOException when the body is not JSON
     */
    public JsonNode bodyJson() {
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("Body of " + this + " is not JSON: " + e.getMessage(), e);
        }
    }

    /** @return the status answered (for a cut response, the status its headers carried) */
    public int status() {
        return status;
    }

    @Override
    public String toString() {
        return method + " " + path + (query.isEmpty() ? "" : "?" + query) + " -> " + status;
    }
}
