/**
 * The mapping engine (REFERENCE §5): {@link io.integrator.mapping.Mapping} compiles an import's
 * {@code mapping} and lookups once into an immutable plan and applies it to pages of records.
 * See {@code docs/mapping.md} for the full syntax and every decision.
 */
package io.integrator.mapping;
