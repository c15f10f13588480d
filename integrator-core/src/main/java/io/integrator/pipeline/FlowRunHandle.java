package io.integrator.pipeline;

import io.integrator.model.Job;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A flow run in progress: its job id at once, a way to cancel it, and its final Job.
 */
public final class FlowRunHandle {
  private final String jobId;
  private final CompletableFuture<Job> completion = new CompletableFuture<>();
  private volatile Runnable onCancel = () -> {};
  private volatile boolean canceled;

  FlowRunHandle(String jobId) {
    this.jobId = jobId;
  }

  /** @return the flow job's {@code _id} */
  public String jobId() {
    return jobId;
  }

  /**
   * Asks the run to stop: no further page is read; pages already handed to the imports finish and
   * are counted; the job ends {@code canceled} and commits no watermark. Returns at once.
   */
  public void cancel() {
    if (!canceled) {
      canceled = true;
      onCancel.run();
    }
  }

  /** @return true once {@link #cancel()} was called */
  public boolean isCanceled() {
    return canceled;
  }

  /** Completes with the final job document (completed, failed or canceled). */
  public CompletableFuture<Job> completion() {
    return completion;
  }

  /**
   * Waits for the run to end.
   *
   * @return the final job
   */
  public Job await() {
    try {
      return completion.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  void onCancel(Runnable r) {
    this.onCancel = r;
  }

  void complete(Job job) {
    completion.complete(job);
  }

  void fail(Throwable t) {
    completion.completeExceptionally(t);
  }
}
