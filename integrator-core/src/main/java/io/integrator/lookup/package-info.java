/**
 * Lookups (REFERENCE §4.5): compiled lookup definitions with their outcome rules ({@link io.integrator.lookup.Lookup}),
 * the per-job resolver with its bounded cache ({@link io.integrator.lookup.LookupResolver}) and the per-page batch
 * that asks a {@link io.integrator.spi.LookupSource} each distinct question once ({@link io.integrator.lookup.LookupBatch}).
 */
package io.integrator.lookup;
