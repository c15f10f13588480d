package io.integrator.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A received request, read whole. */
final class Request {

    final String method;
    final String path;
    final String rawQuery;
    final Map<String, List<String>> params;
    final Map<String, List<String>> headers;
    final String body;

    Request(String method, String path, String rawQuery, Map<String, List<String>> headers, String body) {
        this.method = method;
        this.path = path;
        this.rawQuery = rawQuery == null ? "" : rawQuery;
        this.params = parseForm(this.rawQuery);
        this.headers = headers;
        this.body = body;
    }

    static Request read(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return new Request(exchange.getRequestMethod().toUpperCase(Locale.ROOT), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(), Collections.unmodifiableMap(headers), body);
    }

    static Map<String, List<String>> parseForm(String encoded) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return result;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            result.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return result;
    }

    String param(String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** @return the body as JSON; a bad body throws {@link BadRequest} */
    JsonNode json() {
        if (body.isBlank()) {
            throw new BadRequest(400, "empty_body", method + " " + path + " needs a JSON body");
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new BadRequest(400, "bad_json", "The body of " + method + " " + path + " is not JSON: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    RecordedRequest recorded(int status) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        params.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return new RecordedRequest(method, path, rawQuery, Collections.unmodifiableMap(copy), headers, body, status);
    }

    /** A client mistake, answered with its status and a JSON error. */
    static final class BadRequest extends RuntimeException {
        final int status;
        final String code;

        BadRequest(int status, String code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }

        Response response() {
            return Response.error(status, code, getMessage());
        }
    }
}
