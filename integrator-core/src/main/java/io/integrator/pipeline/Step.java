package io.integrator.pipeline;

import java.util.concurrent.CompletableFuture;

/**
 * One step of the per-page import pipeline (preMap, map, postMap, submit, postSubmit). Steps work
 * on the live records of a {@link PageWork} and decide the outcome of those that fail or are
 * ignored; the pipeline is the list of them, in order (okhttp's interceptor chain).
 */
interface Step {
  /** Applies the step; completes when the page may go to the next step. Never completes exceptionally on purpose. */
  CompletableFuture<Void> apply(PageWork work);

  /** The error source used when the step fails as a whole ({@code pre_map_hook}, ...). */
  String source();
}
