package io.integrator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * How a connection is pinged: the {@code ping} object (top level or under the section), with the
 * legacy {@code pingRelativeURI}, {@code pingMethod}, {@code pingSuccessPath} and {@code
 * pingSuccessValues} mapped onto it.
 *
 * @param relativeUri path to request, or null: the ping then succeeds without a request
 * @param method GET (default), POST, PUT or HEAD
 * @param body request body for POST/PUT (object or string), or null
 * @param successPath path whose value must be truthy (or one of successValues), or null
 * @param successValues exact string matches at successPath instead of truthiness
 * @param failPath path that signals failure in a 2xx body, or null
 * @param failValues values at failPath that mean failure (any value when empty)
 * @param errorPath path of the error message to report, or null
 */
record PingSettings(
    String relativeUri,
    String method,
    JsonNode body,
    String successPath,
    List<String> successValues,
    String failPath,
    List<String> failValues,
    String errorPath) {}
