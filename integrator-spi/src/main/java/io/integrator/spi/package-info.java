/**
 * Contracts that adaptors and hooks implement. Only Jackson and SLF4J types appear here, so an
 * adaptor jar depends on nothing of the engine's internals.
 */
package io.integrator.spi;
