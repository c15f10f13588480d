/**
 * The REST/HTTP adaptor: connections of type {@code rest} and {@code http}, found by the engine
 * through {@code java.util.ServiceLoader}. okhttp types stay inside this module.
 */
package io.integrator.rest;
