package io.integrator.cli;

import io.integrator.Integrator;
import io.integrator.model.Job;
import io.integrator.model.ResourceJson;
import io.integrator.pipeline.FlowRunHandle;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * Shows a running job's progress on standard error and its summary when it ends: the Job
 * document as JSON with {@code --json} (standard output then carries only JSON), otherwise a few
 * human lines.
 */
final class JobPrinter {
  private static final long POLL_MILLIS = 200;

  private JobPrinter() {}

  /** Waits for the run, showing progress, prints the summary and returns the exit code. */
  static int follow(Integrator integrator, FlowRunHandle handle, boolean json, PrintWriter out, PrintWriter err) {
    boolean live = System.console() != null;
    Job job;
    try (ProgressDisplay progress = live ? ProgressDisplay.start("job " + handle.jobId(), err) : null) {
      while (!handle.completion().isDone()) {
        if (progress != null) {
          integrator.jobs().find(handle.jobId()).ifPresent(progress::update);
        }
        try {
          handle.completion().get(POLL_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
          // still running: show progress again
        } catch (InterruptedException e) {
          handle.cancel();
          Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
          break;
        }
      }
      job = handle.await();
      if (progress != null) {
        progress.update(job);
      }
    }
    return summary(job, json, out);
  }

  /** Prints the ended job and returns the exit code: 0 completed, 1 otherwise. */
  static int summary(Job job, boolean json, PrintWriter out) {
    if (json) {
      out.println(ResourceJson.write(job.json()));
    } else {
      out.printf("Job %s (%s) %s%n", job.id(), job.type(), job.status());
      out.printf(
          "  exported %d, succeeded %d, failed %d, ignored %d; pages %d generated, %d processed%n",
          job.numExport(), job.numSuccess(), job.numError(), job.numIgnore(),
          job.numPagesGenerated(), job.numPagesProcessed());
      Optional.ofNullable(job.json().path("startedAt").asText(null))
          .ifPresent(s -> out.printf("  started %s, ended %s%n", s, job.json().path("endedAt").asText("-")));
      if (job.numError() > 0) {
        out.printf("  see the errors with: integrator errors <dir> %s%n", job.id());
      }
    }
    out.flush();
    return "completed".equals(job.status()) ? Main.OK : Main.FAILED;
  }
}
