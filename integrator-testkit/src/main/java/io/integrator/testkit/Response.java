package io.integrator.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A response about to be sent: status, headers and body bytes. */
final class Response {

    final int status;
    final List<Map.Entry<String, String>> headers = new ArrayList<>();
    final byte[] body;

    private Response(int status, byte[] body) {
        this.status = status;
        this.body = body;
    }

    static Response json(int status, JsonNode body) {
        try {
            return new Response(status, Json.MAPPER.writeValueAsBytes(body))
                    .header("Content-Type", "application/json");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a response body", e);
        }
    }

    static Response error(int status, String code, String message) {
        return json(status, Json.error(code, message));
    }

    static Response empty(int status) {
        return new Response(status, new byte[0]);
    }

    static Response text(int status, String text) {
        return new Response(status, text.getBytes(StandardCharsets.UTF_8)).header("Content-Type", "text/plain");
    }

    Response header(String name, String value) {
        headers.add(Map.entry(name, value));
        return this;
    }
}
