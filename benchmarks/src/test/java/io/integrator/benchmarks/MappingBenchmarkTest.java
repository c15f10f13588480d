package io.integrator.benchmarks;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/**
 * Keeps the benchmark honest on every build: its setup fails when our mapping, the static-lookup
 * variant or the Jolt spec stops producing exactly the hand-written output, or when cached lookups
 * reach the source again.
 */
class MappingBenchmarkTest {

  @Test
  void everyVariantProducesTheHandWrittenOutput() {
    assertThatCode(() -> new MappingBenchmark().setUp()).doesNotThrowAnyException();
  }
}
