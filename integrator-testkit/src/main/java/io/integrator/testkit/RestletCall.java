package io.integrator.testkit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One call a {@link RestletServer} answered, for assertions.
 *
 * @param operation the request's {@code operation} ({@code import}, {@code export}, {@code ping}), or
 *     {@code ""} when the body had none
 * @param request the request body (a JSON null when it was not JSON)
 * @param status the HTTP status answered
 * @param response the response body
 * @param authProblem null when the OAuth signature was right, else what was wrong with it
 */
public record RestletCall(String operation, JsonNode request, int status, JsonNode response, String authProblem) {
}
