/** JMH benchmarks; run them from the shaded {@code benchmarks/target/benchmarks.jar}. */
package io.integrator.benchmarks;
