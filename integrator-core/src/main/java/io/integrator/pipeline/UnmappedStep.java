package io.integrator.pipeline;

import java.util.concurrent.CompletableFuture;

/**
 * The map step of a distributed import: the destination maps (REFERENCE §4.6), so each live record
 * goes to the writer as the export produced it.
 */
final class UnmappedStep implements Step {
  @Override
  public CompletableFuture<Void> apply(PageWork w) {
    for (int i : w.live()) {
      w.mapped[i] = w.current[i];
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public String source() {
    return "mapping";
  }
}
