/**
 * Real fake systems on 127.0.0.1 for tests, ours and users': each starts on a free port, is
 * {@link java.lang.AutoCloseable}, and records what it was asked.
 */
package io.integrator.testkit;
