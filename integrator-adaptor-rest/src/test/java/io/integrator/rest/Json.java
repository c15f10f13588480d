package io.integrator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mockwebserver3.MockResponse;

/** Test helpers: JSON literals and mock responses. */
final class Json {
  private Json() {}

  static ObjectNode obj(String json) {
    try {
      return (ObjectNode) Bodies.MAPPER.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(json, e);
    }
  }

  static JsonNode tree(String json) {
    try {
      return Bodies.MAPPER.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(json, e);
    }
  }

  static MockResponse ok(String json) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body(json).build();
  }

  static MockResponse status(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
        .body(body).build();
  }

  /** A rest connection document against a base URL, with extra fields in the rest section. */
  static ObjectNode connection(String id, String baseUri, String extraRest) {
    return obj("""
        {"_id": "%s", "type": "rest",
         "rest": {"baseURI": "%s", "mediaType": "json"%s}}"""
        .formatted(id, baseUri, extraRest.isEmpty() ? "" : ", " + extraRest));
  }
}
