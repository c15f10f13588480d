/**
 * Jobs and Job Errors as the engine writes them (REFERENCE §11-§13): status lifecycle, counters,
 * error rows with classification, trace key and retry data.
 */
package io.integrator.job;
