/**
 * The hook registry and the checks that hold hooks to their contracts (REFERENCE §6). The hook
 * interfaces themselves live in {@code io.integrator.spi}.
 */
package io.integrator.hook;
