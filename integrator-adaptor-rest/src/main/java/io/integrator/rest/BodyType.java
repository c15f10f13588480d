package io.integrator.rest;

/** How request bodies are encoded ({@code rest.mediaType} / {@code http.mediaType}). */
enum BodyType {
  /** {@code application/json; charset=utf-8}. */
  JSON,
  /** {@code application/x-www-form-urlencoded}. */
  URLENCODED
}
